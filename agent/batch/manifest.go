package batch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

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
	Error      string          `json:"error,omitempty"`
	Runs       int             `json:"runs"`
	// Known maps every file the tool ever wrote for this note to the hash it
	// wrote; a file whose hash differs was edited by a person.
	Known map[string]string `json:"known,omitempty"`
}

// Manifest records every note's outcome. Methods are safe for concurrent use;
// Save writes atomically.
type Manifest struct {
	Version int               `json:"version"`
	Notes   map[string]*Entry `json:"notes"`

	mu   sync.Mutex
	path string
}

// LoadManifest reads the manifest under out, or returns an empty one.
func LoadManifest(out string) (*Manifest, error) {
	p := filepath.Join(out, filepath.FromSlash(ManifestPath))
	m := &Manifest{Version: 1, Notes: map[string]*Entry{}, path: p}
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

// Put records e and saves the manifest atomically.
func (m *Manifest) Put(e *Entry) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := *e
	m.Notes[e.Note] = &c
	return m.saveLocked()
}

// Save writes the manifest atomically.
func (m *Manifest) Save() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.saveLocked()
}

func (m *Manifest) saveLocked() error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return fmt.Errorf("encode draft manifest: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(m.path), 0o755); err != nil {
		return fmt.Errorf("write draft manifest: %w", err)
	}
	if err := WriteFileAtomic(m.path, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("write draft manifest: %w", err)
	}
	return nil
}

// WriteFileAtomic writes data to a temporary file beside path, syncs it and
// renames it over path, so that readers see the old or the new file, never a
// torn one.
func WriteFileAtomic(path string, data []byte, perm fs.FileMode) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, perm)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	if d, err := os.Open(filepath.Dir(path)); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
