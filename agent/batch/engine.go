package batch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/dataeng-os/dataeng-os/providers"
)

// Job is one note handed to a DraftFunc.
type Job struct {
	Note Note
	Text string // the note's content, valid UTF-8
	// Files writes the note's outputs (no clobbering, inside the root).
	Files *Files
}

// Outcome is what a DraftFunc reports about one note. Files it wrote
// through Job.Files are collected by the engine.
type Outcome struct {
	Status    Status // StatusPassed or StatusDraft; errors make StatusFailed
	Attempts  int
	Usage     providers.Usage // used when the context's Meter counted nothing
	Findings  int             // open findings left for a human
	Questions []string        // open questions for a human
}

// DraftFunc drafts one note. It must honour ctx; an error fails only this
// note (or marks it interrupted when ctx was cancelled).
type DraftFunc func(ctx context.Context, job Job) (Outcome, error)

// Options steer Run.
type Options struct {
	Out  string // absolute output root
	Jobs int    // workers (default 1)
	// Overlap adds workers beyond Jobs so that local work (validation,
	// writing files) overlaps the model calls; the caller caps concurrent
	// model calls at Jobs with Limiter.SetConcurrency.
	Overlap     int
	Manifest    *Manifest
	Force       bool // redraft every note and overwrite edited files
	RetryFailed bool // draft only notes whose last run failed or was interrupted
	Draft       DraftFunc
	// Cost estimates the price of usage in USD (nil = unknown).
	Cost func(providers.Usage) float64
	// OnEvent receives progress events, one at a time.
	OnEvent func(Event)
}

// Run drafts the notes and returns the report. Notes that are up to date
// are skipped. A cancelled ctx stops the batch: finished notes are kept and
// in-flight ones are recorded as interrupted.
func Run(ctx context.Context, notes []Note, opts Options) (*Report, error) {
	if opts.Draft == nil || opts.Manifest == nil {
		return nil, errors.New("batch: Draft and Manifest are required")
	}
	notes = stableNames(notes, opts.Out, opts.Manifest)
	r := &runner{opts: opts, rep: &Report{Out: opts.Out, Manifest: opts.Manifest.Path()}, start: time.Now(), owners: opts.Manifest.owners()}
	r.rep.Notes = make([]Row, len(notes))
	var todo []int
	for i, n := range notes {
		key := noteKey(opts.Out, n.Path)
		prev := opts.Manifest.Get(key)
		if reason := skipReason(n, prev, opts); reason != "" {
			row := Row{Entry: Entry{Note: key, Name: n.Name, Hash: n.Hash}, Skipped: true, Reason: reason}
			if prev != nil {
				row.Entry = *prev
			}
			r.rep.Notes[i] = row
			r.snap.Skipped++
			continue
		}
		todo = append(todo, i)
	}
	r.snap.Total = len(notes)
	r.emit(Event{Kind: EventStart})
	r.pool(ctx, notes, todo)
	if err := opts.Manifest.Flush(); err != nil {
		r.saveErr = err
	}
	r.rep.Interrupted = ctx.Err() != nil
	r.rep.summarize(time.Since(r.start))
	r.emit(Event{Kind: EventEnd})
	return r.rep, r.saveErr
}

type runner struct {
	opts    Options
	rep     *Report
	start   time.Time
	mu      sync.Mutex // guards snap, saveErr, emit
	snap    Snapshot
	saveErr error
	owners  map[string]string // output path -> note whose manifest entry wrote it
}

func (r *runner) pool(ctx context.Context, notes []Note, todo []int) {
	jobs := max(r.opts.Jobs, 1) + max(r.opts.Overlap, 0)
	ch := make(chan int)
	var wg sync.WaitGroup
	for range min(jobs, max(len(todo), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range ch {
				if ctx.Err() != nil {
					continue // stopping: leave it for the next run
				}
				r.rep.Notes[i] = Row{Entry: r.one(ctx, notes[i])}
			}
		}()
	}
feed:
	for _, i := range todo {
		select {
		case <-ctx.Done():
			break feed
		case ch <- i:
		}
	}
	close(ch)
	wg.Wait()
	// Notes never started keep their previous record; show them as pending.
	for _, i := range todo {
		if r.rep.Notes[i].Note == "" {
			n := notes[i]
			r.rep.Notes[i] = Row{Entry: Entry{Note: noteKey(r.opts.Out, n.Path), Name: n.Name, Hash: n.Hash, Status: StatusInterrupted}, Skipped: true, Reason: "not started (interrupted)"}
		}
	}
}

// one drafts a single note and records it in the manifest.
func (r *runner) one(ctx context.Context, n Note) Entry {
	key := noteKey(r.opts.Out, n.Path)
	prev := r.opts.Manifest.Get(key)
	r.update(func(s *Snapshot) { s.InFlight++ })
	r.emit(Event{Kind: EventNoteStart, Note: n.Name})
	meter := &Meter{onAdd: func(u providers.Usage) {
		r.update(func(s *Snapshot) { s.Tokens = s.Tokens.Add(u); s.Calls++ })
		r.emit(Event{Kind: EventUsage, Note: n.Name})
	}, onStep: func(step, steps int, label string) {
		r.emit(Event{Kind: EventNoteStep, Note: n.Name, Step: step, Steps: steps, Label: label})
	}}
	files := &Files{Out: r.opts.Out, Force: r.opts.Force, Owners: r.owners, Note: key}
	e := Entry{Note: key, Name: n.Name, Hash: n.Hash, Runs: 1}
	if prev != nil {
		files.Known = prev.written()
		e.Runs = prev.Runs + 1
	}
	began := time.Now()
	out, err := r.draft(WithMeter(ctx, meter), n, files)
	e.DurationMS = time.Since(began).Milliseconds()
	e.FinishedAt = time.Now().UTC()
	e.fill(out, err, ctx, meter, files, prev)
	if r.opts.Cost != nil {
		e.CostUSD = r.opts.Cost(e.Tokens)
	}
	_ = r.opts.Manifest.Put(&e) // a failed save is retried by the next Put and by Flush
	r.update(func(s *Snapshot) { s.InFlight--; s.count(e.Status) })
	row := Row{Entry: e}
	r.emit(Event{Kind: EventNoteDone, Note: n.Name, Row: &row})
	return e
}

// draft reads the note and calls the DraftFunc, turning a panic into a
// failed note.
func (r *runner) draft(ctx context.Context, n Note, files *Files) (out Outcome, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error: %v", p)
		}
	}()
	text, hash, err := readNote(n.Path)
	if err != nil {
		return Outcome{}, err
	}
	if hash != n.Hash {
		return Outcome{}, fmt.Errorf("note %s changed while the batch ran; run again", n.Path)
	}
	if isBlank(text) {
		return Outcome{}, fmt.Errorf("note %s is empty", n.Path)
	}
	return r.opts.Draft(ctx, Job{Note: n, Text: text, Files: files})
}

// fill completes e from the draft's result.
func (e *Entry) fill(out Outcome, err error, ctx context.Context, m *Meter, files *Files, prev *Entry) {
	e.Attempts, e.Findings, e.Questions = out.Attempts, out.Findings, out.Questions
	e.Status = out.Status
	switch {
	case err != nil && ctx.Err() != nil:
		e.Status, e.Error = StatusInterrupted, "interrupted; the next run retries it"
	case err != nil:
		e.Status, e.Error = StatusFailed, err.Error()
	case e.Status != StatusPassed && e.Status != StatusDraft:
		e.Status, e.Error = StatusFailed, fmt.Sprintf("draft function returned status %q", out.Status)
	}
	e.Calls, e.Tokens = m.Calls(), m.Usage()
	if e.Calls == 0 {
		e.Tokens = out.Usage
	}
	e.Outputs, e.Preserved, e.Conflicts = files.Outputs(), files.Preserved(), files.Conflicts()
	if prev != nil && e.Status.Retry() && len(e.Outputs) == 0 {
		e.Outputs = prev.Outputs // a failed redo keeps pointing at the previous run's files
	}
	// Known keeps the hashes of earlier files that are not among Outputs.
	if prev != nil {
		for p, h := range prev.written() {
			if !hasOutput(e.Outputs, p) {
				if e.Known == nil {
					e.Known = map[string]string{}
				}
				e.Known[p] = h
			}
		}
	}
}

// written maps every file the tool wrote for the note to its hash.
func (e *Entry) written() map[string]string {
	m := make(map[string]string, len(e.Known)+len(e.Outputs))
	for p, h := range e.Known {
		m[p] = h
	}
	for _, o := range e.Outputs {
		m[o.Path] = o.Hash
	}
	return m
}

func hasOutput(os []Output, p string) bool {
	for _, o := range os {
		if o.Path == p {
			return true
		}
	}
	return false
}

func (r *runner) update(f func(*Snapshot)) {
	r.mu.Lock()
	f(&r.snap)
	r.mu.Unlock()
}

func (r *runner) emit(ev Event) {
	if r.opts.OnEvent == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	ev.Snapshot = r.snap
	ev.Snapshot.Elapsed = time.Since(r.start)
	r.opts.OnEvent(ev)
}

// skipReason says why a note needs no run, or "" to draft it.
func skipReason(n Note, prev *Entry, opts Options) string {
	switch {
	case opts.Force:
		return ""
	case opts.RetryFailed && prev == nil:
		return "not drafted before (--retry-failed runs only failures)"
	case opts.RetryFailed && !prev.Status.Retry():
		return "did not fail (--retry-failed)"
	case opts.RetryFailed, prev == nil, prev.Hash != n.Hash, prev.Status.Retry():
		return ""
	}
	edited := false
	for _, o := range prev.Outputs {
		h, err := hashFile(filepath.Join(opts.Out, filepath.FromSlash(o.Path)))
		if err != nil || h == "" {
			return "" // an output went missing: draft again
		}
		edited = edited || h != o.Hash
	}
	if edited {
		return "unchanged (output edited by hand, kept)"
	}
	return "unchanged"
}

// noteKey is the note's manifest key: its path relative to the root.
func noteKey(out, p string) string {
	if r, err := filepath.Rel(out, p); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(p)
}

func readNote(p string) (text, hash string, err error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return "", "", fmt.Errorf("read note %s: %w", p, unwrapPathErr(err))
	}
	return decodeText(data), HashBytes(data), nil
}

// stableNames returns notes with output names that stay the same across
// runs and never take another note's name: a note drafted before keeps the
// name its manifest entry records; a new note whose name another note's
// entry (or an earlier note of this run) already has gets a short hash of
// its path relative to the output root (deterministic, no absolute path).
func stableNames(notes []Note, out string, m *Manifest) []Note {
	notes = append([]Note(nil), notes...)
	claimed := map[string]string{} // name -> note key
	m.mu.Lock()
	keys, entries := m.snapshotLocked()
	m.mu.Unlock()
	for i, k := range keys {
		if n := entries[i].Name; n != "" && claimed[n] == "" {
			claimed[n] = k
		}
	}
	for i := range notes {
		key := noteKey(out, notes[i].Path)
		if prev := m.Get(key); prev != nil && prev.Name != "" && claimed[prev.Name] == key {
			notes[i].Name = prev.Name
			continue
		}
		name := notes[i].Name
		if owner, ok := claimed[name]; ok && owner != key {
			name = notes[i].Name + "_" + strings.TrimPrefix(HashBytes([]byte(key)), "sha256:")[:8]
		}
		base := name
		for k := 2; claimed[name] != "" && claimed[name] != key; k++ {
			name = fmt.Sprintf("%s_%d", base, k)
		}
		claimed[name] = key
		notes[i].Name = name
	}
	return notes
}

// owners maps every file a note's entry wrote to that note's key.
func (m *Manifest) owners() map[string]string {
	m.mu.Lock()
	defer m.mu.Unlock()
	o := map[string]string{}
	for k, e := range m.Notes {
		for p := range e.written() {
			if prev, ok := o[p]; !ok || k < prev {
				o[p] = k
			}
		}
	}
	return o
}
