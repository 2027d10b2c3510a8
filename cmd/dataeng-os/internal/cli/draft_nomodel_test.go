package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/agent/batch"
)

// copyNotes copies the vendored sample notes into dir/notes.
func copyNotes(t *testing.T, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(sharedNotesDir(), "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no sample notes: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		writeTestFile(t, filepath.Join(dir, "notes", filepath.Base(f)), string(data))
	}
	return files
}

// TestDraftWithoutModel drafts the sample notes with no model (no config,
// so guided mode): every note is drafted once, no model is called, the
// report and manifest agree, and each draft that needs a person says why.
func TestDraftWithoutModel(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"notes", "--json"}, {"notes", "--json", "--provider", "guided", "-j", "2"}} {
		dir := t.TempDir()
		files := copyNotes(t, dir)
		code, out, errOut := runDraftCLI(t, dir, args...)
		if code != ExitFindings && code != 0 {
			t.Fatalf("draft %v: exit %d\n%s", args, code, errOut)
		}
		rep := readReport(t, out)
		if rep.Summary.Notes != len(files) || rep.Summary.Drafted != len(files) || rep.Summary.Calls != 0 || rep.Summary.Failed != 0 {
			t.Fatalf("summary %+v", rep.Summary)
		}
		m := readManifest(t, dir)
		for _, r := range rep.Notes {
			checkNoModelRow(t, dir, r, m)
		}
		if !strings.Contains(errOut, "guided (no model)") {
			t.Errorf("progress does not say no model is used:\n%s", errOut)
		}
		code, out, _ = runDraftCLI(t, dir, args...)
		if rep := readReport(t, out); rep.Summary.Skipped != len(files) || code == ExitUsage {
			t.Errorf("rerun: exit %d, summary %+v; want every note skipped", code, rep.Summary)
		}
	}
}

func checkNoModelRow(t *testing.T, dir string, r batch.Row, m *batch.Manifest) {
	t.Helper()
	if r.Attempts != 1 || r.Calls != 0 || len(r.Outputs) == 0 {
		t.Errorf("%s: attempts %d calls %d outputs %v", r.Note, r.Attempts, r.Calls, r.Outputs)
	}
	if e := m.Get(r.Note); e == nil || e.Status != r.Status {
		t.Errorf("%s: manifest entry %+v, report status %s", r.Note, e, r.Status)
	}
	if r.Status == batch.StatusDraft && len(r.Questions) == 0 && r.Findings == 0 {
		t.Errorf("%s: a draft that needs a person must say why", r.Note)
	}
	for _, o := range r.Outputs {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(o.Path))); err != nil {
			t.Errorf("%s: output %s: %v", r.Note, o.Path, err)
		}
	}
}
