package agent

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// Journal appends a session's events to a JSONL file. Each event is written
// as it happens (a crash loses at most the token stream in flight, which is
// never journaled); Sync makes the turn durable (fsync).
type Journal struct {
	mu   sync.Mutex
	f    *os.File
	path string
}

// OpenJournal opens (or creates) a session file for appending.
func OpenJournal(path string) (*Journal, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("open session %s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open session %s: %w", path, err)
	}
	return &Journal{f: f, path: path}, nil
}

// Path is the session file.
func (j *Journal) Path() string { return j.path }

// Append writes one event as a JSON line. Token events are skipped.
func (j *Journal) Append(ev Event) error {
	if ev.Type == EventToken {
		return nil
	}
	b, err := json.Marshal(ev)
	if err != nil {
		return fmt.Errorf("journal event: %w", err)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, err := j.f.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("write session %s: %w", j.path, err)
	}
	return nil
}

// Sync flushes the file to disk.
func (j *Journal) Sync() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.f.Sync()
}

// Close syncs and closes the file.
func (j *Journal) Close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	err := j.f.Sync()
	if cerr := j.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// ReadJournal reads a session file. A last line cut short by a crash is
// ignored; any other bad line is an error naming the file and line.
func ReadJournal(path string) ([]Event, error) {
	evs, _, err := readJournal(path)
	return evs, err
}

// JournalRepair says that RecoverJournal dropped a torn last line.
type JournalRepair struct {
	Path   string // the session file
	Backup string // a copy of the file as it was, torn line included
	Line   int    // the dropped line's number
	Bytes  int    // its length
}

func (r *JournalRepair) String() string {
	return fmt.Sprintf("%s: dropped a torn last line (line %d, %d bytes, cut short by a crash); the original is kept in %s",
		r.Path, r.Line, r.Bytes, r.Backup)
}

// RecoverJournal reads a session file like ReadJournal and, when its last
// line was cut short by a crash, copies the file to a .bak beside it and
// truncates the torn line so that new events append cleanly. The repair,
// if any, is returned for the caller to report; a bad line in the middle
// is still an error.
func RecoverJournal(path string) ([]Event, *JournalRepair, error) {
	evs, torn, err := readJournal(path)
	if err != nil || torn == nil {
		return evs, nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return evs, nil, fmt.Errorf("repair session: %w", err)
	}
	bak := path + ".bak"
	for n := 1; ; n++ {
		if _, err := os.Lstat(bak); err != nil {
			break
		}
		bak = fmt.Sprintf("%s.%d.bak", path, n)
	}
	if err := os.WriteFile(bak, data, 0o600); err != nil {
		return evs, nil, fmt.Errorf("repair session %s: %w", path, err)
	}
	if err := os.Truncate(path, torn.offset); err != nil {
		return evs, nil, fmt.Errorf("repair session %s: %w", path, err)
	}
	return evs, &JournalRepair{Path: path, Backup: bak, Line: torn.line, Bytes: len(data) - int(torn.offset)}, nil
}

type tornLine struct {
	offset int64 // where the torn line starts
	line   int
}

// readJournal parses a session file; torn is the unparseable last line,
// if any.
func readJournal(path string) ([]Event, *tornLine, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("read session: %w", err)
	}
	var out []Event
	var bad *tornLine
	var badErr error
	off := 0
	for line := 1; off < len(data); line++ {
		end := bytes.IndexByte(data[off:], '\n')
		next := len(data)
		if end >= 0 {
			next = off + end + 1
		}
		b := bytes.Trim(data[off:next], " \t\r\n\x00")
		if len(b) > 0 {
			if bad != nil {
				return out, nil, fmt.Errorf("%s:%d: bad session line: %v", path, bad.line, badErr)
			}
			var ev Event
			if err := json.Unmarshal(b, &ev); err != nil {
				bad, badErr = &tornLine{offset: int64(off), line: line}, err
			} else {
				out = append(out, ev)
			}
		}
		off = next
	}
	return out, bad, nil
}
