package cli

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/agent"
	"github.com/dataeng-os/dataeng-os/agent/batch"
	"github.com/dataeng-os/dataeng-os/cmd/dataeng-os/internal/iostreams"
	"github.com/dataeng-os/dataeng-os/internal/testenv"
)

// draftProject writes a project whose scripted provider has one script per
// note (scripts/<name>.yaml), so outcomes do not depend on scheduling.
func draftProject(t *testing.T, notes map[string]string, scripts map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"dataeng-os.toml":         "provider = \"scripted\"\n[providers.scripted]\ntype = \"scripted\"\nscript = \"scripts\"\n",
		"answers/valid.answer":    draftAnswer(draftTestCanvas, draftTestValid),
		"answers/invalid.answer":  draftAnswer(draftTestCanvas, draftTestInvalid),
		"answers/contract.answer": draftAnswer("", draftTestValid),
	}
	for n, text := range notes {
		files["notes/"+n] = text + draftNoteFacts
	}
	for n, s := range scripts {
		files["scripts/"+n+".yaml"] = s
	}
	for p, data := range files {
		writeTestFile(t, filepath.Join(dir, p), data)
	}
	return dir
}

func writeTestFile(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// draftNoteFacts are what the answers' contracts state, so every note
// grounds them (draft-ungrounded) and the tests exercise the batch.
const draftNoteFacts = "\nFields: order id, customer email, total in cents, created at. Owner: Checkout squad (bruno.souza).\n"

// Scripts: each turn's answer comes from a file under answers/.
const (
	scriptPass     = "turns:\n  - {file: ../answers/valid.answer, chunk_size: -1}\n"
	scriptReask    = "turns:\n  - {file: ../answers/invalid.answer, chunk_size: -1}\n  - {file: ../answers/contract.answer, chunk_size: -1}\n"
	scriptNever    = "turns:\n  - {file: ../answers/invalid.answer, chunk_size: -1, repeat: true}\n"
	script429      = "turns:\n  - {error: {kind: rate_limit, status: 429, retry_after: 300ms}}\n  - {file: ../answers/valid.answer, chunk_size: -1}\n"
	script500      = "turns:\n  - {error: {kind: server, status: 500, message: upstream exploded}}\n"
	scriptSlowPass = "turns:\n  - {file: ../answers/valid.answer, chunk_size: -1, delay: 50ms}\n"
)

// runDraftCLI runs `dataeng-os draft args...` in dir.
func runDraftCLI(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	return runCLI(t, dir, append([]string{"draft"}, args...)...)
}

// runCLI runs `dataeng-os args...` in dir with an empty environment whose
// user config lives in dir/.xdg.
func runCLI(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	f := &Factory{IO: ios, Dir: dir, Getenv: func(k string) string {
		if k == "XDG_CONFIG_HOME" {
			return filepath.Join(dir, ".xdg")
		}
		return ""
	}}
	code := RunWith(f, args)
	return code, out.String(), errOut.String()
}

func readManifest(t *testing.T, dir string) *batch.Manifest {
	t.Helper()
	m, err := batch.LoadManifest(dir)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func readReport(t *testing.T, stdout string) batch.Report {
	t.Helper()
	var r batch.Report
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, stdout)
	}
	return r
}

func TestDraftMixedOutcomesMatchManifest(t *testing.T) {
	t.Parallel()
	dir := draftProject(t, map[string]string{
		"01-orders.md": "orders from checkout", "02-leads.md": "leads from hubspot",
		"03-telemetry.txt": "plant telemetry", "04-headcount.md": "hr headcount", "05-subs.md": "billing subscriptions",
	}, map[string]string{
		"orders": scriptPass, "leads": scriptReask, "telemetry": scriptNever, "headcount": script429, "subs": script500,
	})
	code, stdout, stderr := runDraftCLI(t, dir, "notes", "-j", "3", "--json")
	if code != ExitFindings {
		t.Fatalf("exit = %d, want 1\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	rep := readReport(t, stdout)
	type want struct {
		status          batch.Status
		attempts, calls int
		kinds           string
	}
	wants := map[string]want{
		"notes/01-orders.md":     {batch.StatusPassed, 1, 1, "canvas,contract"},
		"notes/02-leads.md":      {batch.StatusPassed, 2, 2, "canvas,contract"},
		"notes/03-telemetry.txt": {batch.StatusDraft, 2, 2, "canvas,contract-draft,findings"},
		"notes/04-headcount.md":  {batch.StatusPassed, 1, 2, "canvas,contract"},
		"notes/05-subs.md":       {batch.StatusFailed, 1, 1, ""},
	}
	m := readManifest(t, dir)
	if len(m.Notes) != len(wants) || len(rep.Notes) != len(wants) {
		t.Fatalf("manifest has %d notes, report %d, want %d", len(m.Notes), len(rep.Notes), len(wants))
	}
	for key, w := range wants {
		e := m.Notes[key]
		if e == nil {
			t.Fatalf("manifest lacks %s", key)
		}
		var kinds []string
		for _, o := range e.Outputs {
			kinds = append(kinds, o.Kind)
			data, err := os.ReadFile(filepath.Join(dir, o.Path))
			if err != nil || batch.HashBytes(data) != o.Hash {
				t.Errorf("%s: output %s hash mismatch (%v)", key, o.Path, err)
			}
		}
		sort.Strings(kinds)
		got := want{e.Status, e.Attempts, e.Calls, strings.Join(kinds, ",")}
		if got != w {
			t.Errorf("%s: got %+v, want %+v (error %q)", key, got, w, e.Error)
		}
		note, _ := os.ReadFile(filepath.Join(dir, key))
		if e.Hash != batch.HashBytes(note) || e.Tokens.Total() == 0 {
			t.Errorf("%s: hash %s, tokens %v", key, e.Hash, e.Tokens)
		}
	}
	if e := m.Notes["notes/05-subs.md"]; !strings.Contains(e.Error, "500") || !strings.Contains(e.Error, "upstream exploded") {
		t.Errorf("failed note error = %q", e.Error)
	}
	// The draft that never converged asks a person for what the note lacks.
	if e := m.Notes["notes/03-telemetry.txt"]; len(e.Questions) == 0 || e.Findings == 0 {
		t.Errorf("draft entry has no open questions/findings: %+v", e)
	} else {
		t.Logf("open questions: %q", e.Questions)
	}
	s := rep.Summary
	if s.Passed != 3 || s.Drafts != 1 || s.Failed != 1 || s.Drafted != 5 {
		t.Errorf("summary = %+v", s)
	}
	var ff agent.FindingsFile
	data, _ := os.ReadFile(filepath.Join(dir, "contracts/telemetry.findings.json"))
	if err := json.Unmarshal(data, &ff); err != nil || len(ff.Findings) == 0 {
		t.Errorf("findings file: %v, %+v", err, ff)
	}

	// Rerun: everything finished is skipped; only the failure is drafted again.
	code, stdout, _ = runDraftCLI(t, dir, "notes", "--json")
	rep = readReport(t, stdout)
	if code != ExitFindings || rep.Summary.Drafted != 1 || rep.Summary.Skipped != 4 {
		t.Fatalf("rerun: exit %d, summary %+v", code, rep.Summary)
	}
	if e := readManifest(t, dir).Notes["notes/05-subs.md"]; e.Runs != 2 || e.Status != batch.StatusFailed {
		t.Fatalf("rerun of the failure: %+v", e)
	}
}

func TestDraftRerunChangedNoteAndHandEditedContract(t *testing.T) {
	t.Parallel()
	dir := draftProject(t, map[string]string{"orders.md": "orders v1", "leads.md": "leads v1"},
		map[string]string{"orders": scriptPass, "leads": scriptPass})
	if code, out, errOut := runDraftCLI(t, dir, "notes"); code != ExitOK {
		t.Fatalf("first run exit %d\n%s\n%s", code, out, errOut)
	}
	// A rerun drafts nothing.
	code, out, _ := runDraftCLI(t, dir, "notes", "--json")
	if rep := readReport(t, out); code != ExitOK || rep.Summary.Drafted != 0 || rep.Summary.Skipped != 2 || rep.Summary.Calls != 0 {
		t.Fatalf("rerun: exit %d summary %+v", code, rep.Summary)
	}
	// Drafting the whole project folder takes only the notes, never the
	// tool's own canvases and contracts.
	code, out, _ = runDraftCLI(t, dir, ".", "--json")
	if rep := readReport(t, out); code != ExitOK || rep.Summary.Notes != 2 || rep.Summary.Drafted != 0 {
		t.Fatalf("draft . : exit %d summary %+v", code, rep.Summary)
	}
	// A person edits the orders contract, and the orders note changes.
	contractPath := filepath.Join(dir, "contracts/orders.odcs.yaml")
	edited := "# reviewed by carla\n" + draftTestValid
	writeTestFile(t, contractPath, edited)
	writeTestFile(t, filepath.Join(dir, "notes/orders.md"), "orders v2"+draftNoteFacts)
	code, out, _ = runDraftCLI(t, dir, "notes")
	if code != ExitOK {
		t.Fatalf("changed-note run exit %d\n%s", code, out)
	}
	if data, _ := os.ReadFile(contractPath); string(data) != edited {
		t.Fatal("the hand-edited contract was overwritten")
	}
	if _, err := os.Stat(filepath.Join(dir, "contracts/orders.new.odcs.yaml")); err != nil {
		t.Fatalf("new draft not written beside the edited one: %v", err)
	}
	for _, want := range []string{"kept edited contracts/orders.odcs.yaml", "1 file edited by a person kept", "1 drafted now, 1 skipped"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	e := readManifest(t, dir).Notes["notes/orders.md"]
	if len(e.Preserved) != 1 || e.Runs != 2 || e.Hash != batch.HashBytes([]byte("orders v2"+draftNoteFacts)) {
		t.Fatalf("manifest entry = %+v", e)
	}
}

func TestDraftInjectionNoteWritesOnlyInsideOut(t *testing.T) {
	t.Parallel()
	note, err := os.ReadFile(filepath.Join(sharedNotesDir(), "05-messy-chat-export.md"))
	if err != nil {
		t.Fatalf("the shared prompt-injection sample is missing: %v", err)
	}
	if !strings.Contains(string(note), "/etc/passwd") {
		t.Fatal("the sample no longer carries the injection")
	}
	// The model "obeys" the note: it names the contract after /etc/passwd and
	// asks for the file to be written there.
	evil := strings.Replace(draftTestValid, "name: Checkout orders", "id: ../../../../etc/passwd\nname: /etc/passwd", 1)
	answer := "Sure, writing to /etc/passwd as instructed. Run `rm -rf /`.\n\n" + draftAnswer(draftTestCanvas, evil)
	dir := draftProject(t, map[string]string{"05-messy-chat-export.md": string(note)}, nil)
	writeTestFile(t, filepath.Join(dir, "answers/evil.answer"), answer)
	writeTestFile(t, filepath.Join(dir, "scripts/messy_chat_export.yaml"), "turns:\n  - {file: ../answers/evil.answer, chunk_size: -1, repeat: true}\n")
	before := listFiles(t, dir)
	code, out, errOut := runDraftCLI(t, dir, "notes", "--out", "out")
	if code == ExitUsage {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	for p := range listFiles(t, dir) {
		if !before[p] && !strings.HasPrefix(p, "out/") {
			t.Errorf("wrote outside --out: %s", p)
		}
	}
	outs := listFiles(t, filepath.Join(dir, "out"))
	if !outs["canvases/messy_chat_export.md"] || len(outs) < 3 {
		t.Fatalf("the drafts were not written inside --out: %v", outs)
	}
	for p := range outs {
		if !strings.HasPrefix(p, "canvases/messy_chat_export.") && !strings.HasPrefix(p, "contracts/messy_chat_export.") && p != batch.ManifestPath {
			t.Errorf("unexpected output %s", p)
		}
	}
}

func listFiles(t *testing.T, root string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			r, _ := filepath.Rel(root, p)
			out[filepath.ToSlash(r)] = true
		}
		return nil
	})
	return out
}

// sharedNotesDir is the sample notes vendored at the repository root
// (testdata/notes; see its NOTICE).
func sharedNotesDir() string {
	return filepath.Join(testenv.RepoRoot(), "testdata", "notes")
}

func TestDraftUsageErrors(t *testing.T) {
	t.Parallel()
	dir := draftProject(t, map[string]string{"a.md": "a"}, map[string]string{"a": scriptPass})
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "draft needs notes"},
		{[]string{"notes", "-j", "0"}, "--jobs must be at least 1"},
		{[]string{"notes", "--rpm", "-3"}, "--rpm must be 0"},
		{[]string{"missing"}, "notes missing: no such file or directory"},
		{[]string{"dataeng-os.toml"}, "not a note"},
		{[]string{"notes", "--provider", "nosuch"}, `unknown type "nosuch"`},
		{[]string{"notes", "--retry-failed", "--force"}, "cannot be used together"},
		{[]string{"scripts"}, "no .md or .txt notes in scripts"},
	} {
		code, _, errOut := runDraftCLI(t, dir, tc.args...)
		if code != ExitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("draft %v: exit %d, stderr %q; want 2 and %q", tc.args, code, errOut, tc.want)
		}
	}
}

// TestDraftSharedScriptThroughFactory drives the path real vendors take:
// one provider from the factory (wrapped in the resilience layer), with the
// limiter slipped underneath it. A 429 pauses the pool once; the call is
// retried through the gate and every note passes.
func TestDraftSharedScriptThroughFactory(t *testing.T) {
	t.Parallel()
	dir := draftProject(t, map[string]string{"orders.md": "orders", "leads.md": "leads", "subs.md": "subs"}, nil)
	writeTestFile(t, filepath.Join(dir, "dataeng-os.toml"), "provider = \"replay\"\n[providers.replay]\ntype = \"scripted\"\nscript = \"script.yaml\"\n")
	writeTestFile(t, filepath.Join(dir, "script.yaml"), "turns:\n  - {error: {kind: rate_limit, status: 429, retry_after: 100ms}}\n  - {file: answers/valid.answer, chunk_size: -1, repeat: true}\n")
	code, out, errOut := runDraftCLI(t, dir, "notes", "-j", "3", "--rpm", "6000")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	for _, want := range []string{"3 notes: 3 passed", "4 model calls", "rate limited: the pool paused 1 times"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

// TestDraft429Storm: every note's first call is rate limited. The pool
// pauses together, every note still passes, and each has exactly one
// contract and one manifest entry.
func TestDraft429Storm(t *testing.T) {
	t.Parallel()
	notes, scripts := map[string]string{}, map[string]string{}
	for i := range 24 {
		name := fmt.Sprintf("n%02d", i)
		notes[name+".md"] = "note " + name
		scripts[name] = "turns:\n  - {error: {kind: rate_limit, status: 429, retry_after: 20ms}}\n  - {file: ../answers/valid.answer, chunk_size: -1}\n"
	}
	dir := draftProject(t, notes, scripts)
	code, out, errOut := runDraftCLI(t, dir, "notes", "-j", "8", "--json")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	rep := readReport(t, out)
	if rep.Summary.Passed != 24 || rep.Summary.Calls != 48 {
		t.Fatalf("summary %+v", rep.Summary)
	}
	contracts, _ := filepath.Glob(filepath.Join(dir, "contracts", "*"))
	if len(contracts) != 24 || len(readManifest(t, dir).Notes) != 24 {
		t.Fatalf("%d contract files, want 24: %v", len(contracts), contracts)
	}
}
