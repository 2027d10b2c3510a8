package batch

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/dataeng-os/dataeng-os/providers"
)

// fakeDraft writes a canvas and a contract whose content echoes the note,
// and reacts to markers in the note text: FAIL errors, PANIC panics, DRAFT
// ends as a draft, BLOCK waits for cancellation.
type fakeDraft struct {
	calls   atomic.Int32
	started chan string
}

func (f *fakeDraft) draft(ctx context.Context, j Job) (Outcome, error) {
	f.calls.Add(1)
	if f.started != nil {
		f.started <- j.Note.Name
	}
	switch {
	case strings.Contains(j.Text, "FAIL"):
		return Outcome{Attempts: 1}, errors.New("openai: 500 server error")
	case strings.Contains(j.Text, "PANIC"):
		panic("boom")
	case strings.Contains(j.Text, "BLOCK"):
		<-ctx.Done()
		return Outcome{}, ctx.Err()
	}
	if _, err := j.Files.Write("canvases/"+j.Note.Name+".md", "canvas", []byte("# canvas\n"+j.Text)); err != nil {
		return Outcome{}, err
	}
	if strings.Contains(j.Text, "DRAFT") {
		_, err := j.Files.Write("contracts/"+j.Note.Name+".draft.odcs.yaml", "draft", []byte("draft: "+j.Text))
		return Outcome{Status: StatusDraft, Attempts: 3, Findings: 2, Questions: []string{"who owns it?"}}, err
	}
	_, err := j.Files.Write("contracts/"+j.Note.Name+".odcs.yaml", "contract", []byte("contract: "+j.Text))
	return Outcome{Status: StatusPassed, Attempts: 1, Usage: providers.Usage{InputTokens: 10, OutputTokens: 5}}, err
}

func writeNotes(t *testing.T, dir string, notes map[string]string) {
	t.Helper()
	for name, text := range notes {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func runBatch(t *testing.T, ctx context.Context, out string, f *fakeDraft, mod func(*Options)) *Report {
	t.Helper()
	notes, err := Discover(out, []string{"notes"})
	if err != nil {
		t.Fatal(err)
	}
	m, err := LoadManifest(out)
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Out: out, Jobs: 3, Manifest: m, Draft: f.draft}
	if mod != nil {
		mod(&opts)
	}
	rep, err := Run(ctx, notes, opts)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func statuses(rep *Report) map[string]Status {
	m := map[string]Status{}
	for _, r := range rep.Notes {
		m[r.Name] = r.Status
	}
	return m
}

func TestRunMixedOutcomesAndManifest(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	writeNotes(t, out, map[string]string{
		"notes/01-ok.md": "orders", "notes/02-draft.md": "DRAFT leads", "notes/03-fail.txt": "FAIL",
		"notes/04-panic.md": "PANIC", "notes/05-empty.md": " \n", "notes/skip.csv": "not a note",
	})
	f := &fakeDraft{}
	rep := runBatch(t, context.Background(), out, f, nil)
	want := map[string]Status{"ok": StatusPassed, "draft": StatusDraft, "fail": StatusFailed, "panic": StatusFailed, "empty": StatusFailed}
	if got := statuses(rep); !equalMap(got, want) {
		t.Fatalf("statuses = %v, want %v", got, want)
	}
	s := rep.Summary
	if s.Notes != 5 || s.Passed != 1 || s.Drafts != 1 || s.Failed != 3 || !rep.NeedsHuman() {
		t.Fatalf("summary = %+v", s)
	}
	m, err := LoadManifest(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Notes) != 5 {
		t.Fatalf("manifest has %d notes, want 5", len(m.Notes))
	}
	ok := m.Notes["notes/01-ok.md"]
	if ok == nil || ok.Status != StatusPassed || ok.Attempts != 1 || ok.Tokens.Total() != 15 || len(ok.Outputs) != 2 {
		t.Fatalf("ok entry = %+v", ok)
	}
	data, _ := os.ReadFile(filepath.Join(out, "contracts/ok.odcs.yaml"))
	if ok.Outputs[1].Hash != HashBytes(data) || ok.Hash != HashBytes([]byte("orders")) {
		t.Fatalf("output hash mismatch: %+v", ok.Outputs)
	}
	if e := m.Notes["notes/04-panic.md"]; !strings.Contains(e.Error, "internal error: boom") {
		t.Fatalf("panic entry error = %q", e.Error)
	}
	if e := m.Notes["notes/05-empty.md"]; !strings.Contains(e.Error, "is empty") {
		t.Fatalf("empty entry error = %q", e.Error)
	}
	if d := m.Notes["notes/02-draft.md"]; d.Findings != 2 || d.Questions[0] != "who owns it?" {
		t.Fatalf("draft entry = %+v", d)
	}
}

func TestRerunSkipsRedoesChangedAndRetriesFailures(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	writeNotes(t, out, map[string]string{"notes/a.md": "a", "notes/b.md": "DRAFT b", "notes/c.md": "c", "notes/d.md": "FAIL"})
	f := &fakeDraft{}
	runBatch(t, context.Background(), out, f, nil)
	if f.calls.Load() != 4 {
		t.Fatalf("first run calls = %d", f.calls.Load())
	}
	// Rerun: only the failure is drafted again.
	f2 := &fakeDraft{}
	rep := runBatch(t, context.Background(), out, f2, nil)
	if f2.calls.Load() != 1 || rep.Summary.Skipped != 3 {
		t.Fatalf("rerun calls = %d, skipped = %d", f2.calls.Load(), rep.Summary.Skipped)
	}
	// Fix the failure, change a note, delete an output: exactly those run.
	writeNotes(t, out, map[string]string{"notes/d.md": "d fixed", "notes/a.md": "a v2"})
	os.Remove(filepath.Join(out, "contracts/c.odcs.yaml"))
	f3 := &fakeDraft{}
	rep = runBatch(t, context.Background(), out, f3, nil)
	if f3.calls.Load() != 3 || rep.Summary.Skipped != 1 || rep.NeedsHuman() != true {
		t.Fatalf("third run calls = %d, summary %+v", f3.calls.Load(), rep.Summary)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "contracts/a.odcs.yaml")); string(data) != "contract: a v2" {
		t.Fatalf("changed note not redrafted: %q", data)
	}
	// Everything done: a rerun drafts nothing.
	f4 := &fakeDraft{}
	rep = runBatch(t, context.Background(), out, f4, nil)
	if f4.calls.Load() != 0 || rep.Summary.Skipped != 4 || rep.Summary.Drafts != 1 || rep.Summary.Passed != 3 {
		t.Fatalf("final rerun calls = %d, summary %+v", f4.calls.Load(), rep.Summary)
	}
}

func TestRetryFailedRunsOnlyFailures(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	writeNotes(t, out, map[string]string{"notes/a.md": "a", "notes/b.md": "FAIL b"})
	runBatch(t, context.Background(), out, &fakeDraft{}, nil)
	writeNotes(t, out, map[string]string{"notes/a.md": "a changed", "notes/b.md": "b fixed", "notes/new.md": "new"})
	f := &fakeDraft{}
	rep := runBatch(t, context.Background(), out, f, func(o *Options) { o.RetryFailed = true })
	got := statuses(rep)
	if f.calls.Load() != 1 || got["b"] != StatusPassed || got["new"] != "" || rep.Summary.Pending != 1 {
		t.Fatalf("calls = %d, statuses = %v, summary = %+v", f.calls.Load(), got, rep.Summary)
	}
}

func TestInterruptedBatchResumes(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	notes := map[string]string{}
	for _, n := range []string{"a", "b", "c", "d", "e", "f"} {
		notes["notes/"+n+".md"] = n
	}
	notes["notes/c.md"], notes["notes/d.md"] = "c BLOCK", "d BLOCK"
	writeNotes(t, out, notes)
	ctx, cancel := context.WithCancel(context.Background())
	f := &fakeDraft{started: make(chan string, 10)}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // cancel once both blocking notes are in flight
		defer wg.Done()
		seen := 0
		for n := range f.started {
			if n == "c" || n == "d" {
				seen++
			}
			if seen == 2 {
				cancel()
				return
			}
		}
	}()
	rep := runBatch(t, ctx, out, f, func(o *Options) { o.Jobs = 2 })
	wg.Wait()
	got := statuses(rep)
	if !rep.Interrupted || got["a"] != StatusPassed || got["b"] != StatusPassed || got["c"] != StatusInterrupted || got["d"] != StatusInterrupted {
		t.Fatalf("interrupted run statuses = %v", got)
	}
	m, _ := LoadManifest(out)
	if m.Notes["notes/c.md"].Status != StatusInterrupted || m.Notes["notes/e.md"] != nil {
		t.Fatalf("manifest after interrupt: c=%+v e=%+v", m.Notes["notes/c.md"], m.Notes["notes/e.md"])
	}
	// Resume: the interrupted and never-started notes run, finished ones don't.
	writeNotes(t, out, map[string]string{"notes/c.md": "c", "notes/d.md": "d"})
	f2 := &fakeDraft{}
	rep = runBatch(t, context.Background(), out, f2, nil)
	if f2.calls.Load() != 4 || rep.NeedsHuman() || rep.Summary.Passed != 6 {
		t.Fatalf("resume calls = %d summary %+v", f2.calls.Load(), rep.Summary)
	}
}

func TestHandEditedContractIsPreserved(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	writeNotes(t, out, map[string]string{"notes/orders.md": "v1"})
	runBatch(t, context.Background(), out, &fakeDraft{}, nil)
	contractPath := filepath.Join(out, "contracts/orders.odcs.yaml")
	os.WriteFile(contractPath, []byte("edited by a person"), 0o644)
	// Unchanged note: skipped, the report says the output was edited.
	f := &fakeDraft{}
	rep := runBatch(t, context.Background(), out, f, nil)
	if f.calls.Load() != 0 || !strings.Contains(rep.Notes[0].Reason, "edited") {
		t.Fatalf("calls=%d reason=%q", f.calls.Load(), rep.Notes[0].Reason)
	}
	// Changed note: redrafted beside the edited file.
	writeNotes(t, out, map[string]string{"notes/orders.md": "v2"})
	rep = runBatch(t, context.Background(), out, &fakeDraft{}, nil)
	row := rep.Notes[0]
	if data, _ := os.ReadFile(contractPath); string(data) != "edited by a person" {
		t.Fatalf("edited contract overwritten: %q", data)
	}
	prop, _ := os.ReadFile(filepath.Join(out, "contracts/orders.new.odcs.yaml"))
	if string(prop) != "contract: v2" || len(row.Preserved) != 1 || row.Preserved[0] != "contracts/orders.odcs.yaml" || rep.Summary.Preserved != 1 {
		t.Fatalf("proposed=%q row=%+v", prop, row)
	}
	// The canvas was not edited: overwritten in place.
	if c, _ := os.ReadFile(filepath.Join(out, "canvases/orders.md")); string(c) != "# canvas\nv2" {
		t.Fatalf("canvas = %q", c)
	}
	// Next change: the tool's own .new file is updated, not multiplied.
	writeNotes(t, out, map[string]string{"notes/orders.md": "v3"})
	runBatch(t, context.Background(), out, &fakeDraft{}, nil)
	if _, err := os.Stat(filepath.Join(out, "contracts/orders.new-2.odcs.yaml")); err == nil {
		t.Fatal("a second proposed file was created for a tool-written one")
	}
	// --force overwrites the edited file.
	writeNotes(t, out, map[string]string{"notes/orders.md": "v4"})
	runBatch(t, context.Background(), out, &fakeDraft{}, func(o *Options) { o.Force = true })
	if data, _ := os.ReadFile(contractPath); string(data) != "contract: v4" {
		t.Fatalf("--force did not overwrite: %q", data)
	}
}

func equalMap[K comparable, V comparable](a, b map[K]V) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}
