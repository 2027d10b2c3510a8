package batch

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	"github.com/dataeng-os/dataeng-os/internal/atomicfile"

	"github.com/dataeng-os/dataeng-os/providers"
)

// ManifestPath is where a batch's manifest lives, relative to the output root.
const ManifestPath = ".dataeng-os/draft-manifest.json"

// Status is a note's outcome.
type Status string

// Outcomes. Passed: a valid contract was written. Draft: the budget ran out;
// a draft and its open findings were written for a human. Failed: an error
// (provider, I/O) stopped the note. Interrupted: the batch was stopped while
// the note was in flight; the next run retries it.
const (
	StatusPassed      Status = "passed"
	StatusDraft       Status = "draft"
	StatusFailed      Status = "failed"
	StatusInterrupted Status = "interrupted"
)

// Retry reports whether a note with this status is drafted again by a rerun.
func (s Status) Retry() bool { return s == StatusFailed || s == StatusInterrupted || s == "" }

// Output is one file the tool wrote for a note.
type Output struct {
	Kind string `json:"kind"` // canvas, contract, draft, findings, ...
	Path string `json:"path"` // slash path relative to the output root
	Hash string `json:"hash"` // sha256 of what the tool wrote
}

// Entry is one note's record.
type Entry struct {
	Note       string          `json:"note"` // note path relative to the output root
	Name       string          `json:"name"`
	Hash       string          `json:"hash"`
	Status     Status          `json:"status"`
	Attempts   int             `json:"attempts"`
	Calls      int             `json:"calls"`
	Tokens     providers.Usage `json:"tokens"`
	CostUSD    float64         `json:"costUSD,omitempty"`
	DurationMS int64           `json:"durationMs"`
	FinishedAt time.Time       `json:"finishedAt"`
	Outputs    []Output        `json:"outputs,omitempty"`
	Findings   int             `json:"findings,omitempty"`
	Questions  []string        `json:"openQuestions,omitempty"`
	Preserved  []string        `json:"preserved,omitempty"` // files kept because a person edited them
	Conflicts  []string        `json:"conflicts,omitempty"` // files kept because another note owns them
	Error      string          `json:"error,omitempty"`
	Runs       int             `json:"runs"`
	// Known maps earlier files the tool wrote for this note (not among
	// Outputs) to the hash it wrote; a file whose hash differs from what the
	// tool wrote was edited by a person.
	Known map[string]string `json:"known,omitempty"`
}

// Manifest records every note's outcome. Methods are safe for concurrent use;
// Save writes atomically.
type Manifest struct {
	Version int               `json:"version"`
	Notes   map[string]*Entry `json:"notes"`

	mu      sync.Mutex
	idle    sync.Cond // signalled when the background saver stops
	path    string
	dirty   bool // entries changed since the last save started
	saving  bool // a background save is running
	saveErr error
}

// LoadManifest reads the manifest under out, or returns an empty one.
func LoadManifest(out string) (*Manifest, error) {
	p := filepath.Join(out, filepath.FromSlash(ManifestPath))
	m := &Manifest{Version: 1, Notes: map[string]*Entry{}, path: p}
	m.idle.L = &m.mu
	data, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read draft manifest %s: %w", p, unwrapPathErr(err))
	}
	if err := json.Unmarshal(data, m); err != nil {
		return nil, fmt.Errorf("draft manifest %s: %w (fix or delete it to start over)", p, err)
	}
	if m.Notes == nil {
		m.Notes = map[string]*Entry{}
	}
	return m, nil
}

// Path is the manifest's file.
func (m *Manifest) Path() string { return m.path }

// Get returns a copy of the note's entry, or nil.
func (m *Manifest) Get(key string) *Entry {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.Notes[key]
	if !ok {
		return nil
	}
	c := *e
	return &c
}

// Put records e and schedules an atomic save. Saves run in the
// background, one at a time, each writing every entry recorded so far, so
// workers never wait on the disk. Put returns the last save's error.
func (m *Manifest) Put(e *Entry) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := *e
	m.Notes[e.Note] = &c // entries are never changed after Put: saves read them unlocked
	m.dirty = true
	if !m.saving {
		m.saving = true
		go m.saver()
	}
	return m.saveErr
}

// Flush waits for the background saves, then saves once more if the last
// one failed; it returns the error of that final state.
func (m *Manifest) Flush() error {
	m.mu.Lock()
	for m.saving {
		m.idle.Wait()
	}
	err := m.saveErr
	m.mu.Unlock()
	if err != nil {
		return m.Save()
	}
	return nil
}

// Save writes the manifest now.
func (m *Manifest) Save() error {
	m.mu.Lock()
	keys, entries := m.snapshotLocked()
	m.mu.Unlock()
	err := m.write(keys, entries)
	m.mu.Lock()
	m.saveErr = err
	m.mu.Unlock()
	return err
}

func (m *Manifest) saver() {
	m.mu.Lock()
	for m.dirty {
		m.dirty = false
		keys, entries := m.snapshotLocked()
		m.mu.Unlock()
		err := m.write(keys, entries)
		m.mu.Lock()
		m.saveErr = err
	}
	m.saving = false
	m.idle.Broadcast()
	m.mu.Unlock()
}

func (m *Manifest) snapshotLocked() ([]string, []*Entry) {
	if m.idle.L == nil {
		m.idle.L = &m.mu
	}
	keys := make([]string, 0, len(m.Notes))
	for k := range m.Notes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	entries := make([]*Entry, len(keys))
	for i, k := range keys {
		entries[i] = m.Notes[k]
	}
	return keys, entries
}

// write streams the manifest entry by entry (sorted by note), so a save
// holds one entry's JSON in memory, not the whole file.
func (m *Manifest) write(keys []string, entries []*Entry) error {
	if err := os.MkdirAll(filepath.Dir(m.path), 0o755); err != nil {
		return fmt.Errorf("write draft manifest: %w", err)
	}
	err := atomicfile.Write(m.path, 0o644, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		fmt.Fprintf(bw, "{\n  \"version\": %d,\n  \"notes\": {", m.Version)
		for i, k := range keys {
			kj, _ := json.Marshal(k)
			ej, err := json.MarshalIndent(entries[i], "    ", "  ")
			if err != nil {
				return err
			}
			if i > 0 {
				bw.WriteByte(',')
			}
			fmt.Fprintf(bw, "\n    %s: %s", kj, ej)
		}
		if len(keys) > 0 {
			bw.WriteString("\n  ")
		}
		bw.WriteString("}\n}\n")
		return bw.Flush()
	})
	if err != nil {
		return fmt.Errorf("write draft manifest %s: %w", m.path, err)
	}
	return nil
}

// WriteFileAtomic writes data atomically (temp file, sync, rename).
func WriteFileAtomic(path string, data []byte, perm fs.FileMode) error {
	return atomicfile.WriteFile(path, data, perm)
}
