package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/agent/batch"
)

// sharedScriptProject is a draftProject whose one scripted provider
// answers every note with the valid drafts.
func sharedScriptProject(t *testing.T, notes map[string]string) string {
	t.Helper()
	dir := draftProject(t, notes, nil)
	writeTestFile(t, filepath.Join(dir, "dataeng-os.toml"), "provider = \"replay\"\n[providers.replay]\ntype = \"scripted\"\nscript = \"script.yaml\"\n")
	writeTestFile(t, filepath.Join(dir, "script.yaml"), "turns:\n  - {file: answers/valid.answer, chunk_size: -1, repeat: true}\n")
	return dir
}

// TestDraftSameFileNameSeparateRuns: a/notes.md and b/notes.md drafted in
// separate runs into one --out get different, stable contracts; neither
// overwrites the other and the manifest points each at its own files.
func TestDraftSameFileNameSeparateRuns(t *testing.T) {
	t.Parallel()
	dir := sharedScriptProject(t, map[string]string{"a/notes.md": "orders from checkout", "b/notes.md": "orders from the shop"})
	for _, note := range []string{"notes/a/notes.md", "notes/b/notes.md"} {
		if code, out, errOut := runDraftCLI(t, dir, note); code != ExitOK {
			t.Fatalf("draft %s: exit %d\n%s\n%s", note, code, out, errOut)
		}
	}
	m := readManifest(t, dir)
	a, b := m.Notes["notes/a/notes.md"], m.Notes["notes/b/notes.md"]
	if a == nil || b == nil {
		t.Fatalf("manifest notes = %v", m.Notes)
	}
	contractOf := func(e *batch.Entry) batch.Output {
		for _, o := range e.Outputs {
			if o.Kind == "contract" {
				return o
			}
		}
		t.Fatalf("%s has no contract: %+v", e.Note, e.Outputs)
		return batch.Output{}
	}
	ca, cb := contractOf(a), contractOf(b)
	if ca.Path == cb.Path || a.Name == b.Name {
		t.Fatalf("both notes share %s (names %q, %q)", ca.Path, a.Name, b.Name)
	}
	for _, o := range []batch.Output{ca, cb} {
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(o.Path)))
		if err != nil || batch.HashBytes(data) != o.Hash {
			t.Errorf("%s: the manifest misreports it (err %v)", o.Path, err)
		}
	}
	// Names are deterministic: drafting both again, together, keeps them.
	writeTestFile(t, filepath.Join(dir, "notes/a/notes.md"), "orders from checkout v2")
	writeTestFile(t, filepath.Join(dir, "notes/b/notes.md"), "orders from the shop v2")
	if code, out, errOut := runDraftCLI(t, dir, "notes"); code != ExitOK {
		t.Fatalf("rerun: exit %d\n%s\n%s", code, out, errOut)
	}
	m = readManifest(t, dir)
	if got := contractOf(m.Notes["notes/a/notes.md"]).Path; got != ca.Path {
		t.Errorf("a's contract moved: %s -> %s", ca.Path, got)
	}
	if got := contractOf(m.Notes["notes/b/notes.md"]).Path; got != cb.Path {
		t.Errorf("b's contract moved: %s -> %s", cb.Path, got)
	}
}

// TestDraftNeverOverwritesAnotherNotesContract: a contract that another
// note's manifest entry owns is kept; the new one goes beside it as .new
// and the report names the owner.
func TestDraftNeverOverwritesAnotherNotesContract(t *testing.T) {
	t.Parallel()
	dir := sharedScriptProject(t, map[string]string{"orders.md": "orders from checkout"})
	if code, out, errOut := runDraftCLI(t, dir, "notes"); code != ExitOK {
		t.Fatalf("first run: exit %d\n%s\n%s", code, out, errOut)
	}
	// Another note now owns the files (as an older manifest could record),
	// and the model answers differently.
	m := readManifest(t, dir)
	e := m.Notes["notes/orders.md"]
	delete(m.Notes, "notes/orders.md")
	e.Note, e.Name = "notes/other.md", "other"
	m.Notes[e.Note] = e
	if err := m.Save(); err != nil {
		t.Fatal(err)
	}
	contract := filepath.Join(dir, "contracts/orders.odcs.yaml")
	before, _ := os.ReadFile(contract)
	writeTestFile(t, filepath.Join(dir, "answers/valid.answer"), draftAnswer(draftTestCanvas, strings.Replace(draftTestValid, "Order identifier.", "Order identifier (v2).", 1)))
	code, out, errOut := runDraftCLI(t, dir, "notes/orders.md")
	if code != ExitOK {
		t.Fatalf("second run: exit %d\n%s\n%s", code, out, errOut)
	}
	if after, _ := os.ReadFile(contract); string(after) != string(before) {
		t.Fatal("another note's contract was overwritten")
	}
	if _, err := os.Stat(filepath.Join(dir, "contracts/orders.new.odcs.yaml")); err != nil {
		t.Fatalf("new contract not written beside it: %v", err)
	}
	if !strings.Contains(out, "contracts/orders.odcs.yaml belongs to note notes/other.md") {
		t.Errorf("report does not name the owner:\n%s", out)
	}
	got := readManifest(t, dir).Notes["notes/orders.md"]
	for _, o := range got.Outputs {
		if o.Path == "contracts/orders.odcs.yaml" {
			t.Errorf("manifest claims another note's contract: %+v", got.Outputs)
		}
	}
	if len(got.Conflicts) == 0 {
		t.Errorf("manifest entry has no conflicts: %+v", got)
	}
}
