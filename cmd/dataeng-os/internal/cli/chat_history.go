package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// historyMax is how many answers the chat history keeps.
const historyMax = 1000

// chatHistory is the line editor's history, kept per project in
// .dataeng-os/history: one JSON string per line (answers may span lines),
// mode 0600, never written through a symlink. It satisfies the line
// editor's history source (Write, GetLine, Len, Dump).
type chatHistory struct {
	path  string
	lines []string
	err   error // why the file is not written (a symlink, a permission); memory only
}

// openChatHistory loads the history file; a missing file is an empty
// history. A file that cannot be used leaves an in-memory history and err.
func openChatHistory(path string) *chatHistory {
	h := &chatHistory{path: path}
	st, err := os.Lstat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return h
	case err != nil:
		h.err = err
	case !st.Mode().IsRegular():
		h.err = fmt.Errorf("%s is not a regular file (a symlink?): history is not saved", path)
	default:
		h.err = h.load()
	}
	return h
}

func (h *chatHistory) load() error {
	f, err := os.Open(h.path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for sc.Scan() {
		var s string
		if json.Unmarshal(sc.Bytes(), &s) == nil && strings.TrimSpace(s) != "" {
			h.lines = append(h.lines, s)
		}
	}
	if len(h.lines) > historyMax {
		h.lines = h.lines[len(h.lines)-historyMax:]
	}
	return sc.Err()
}

// Write appends an answer (the same as the last one is not repeated).
func (h *chatHistory) Write(line string) (int, error) {
	line = strings.TrimSpace(line)
	if line == "" || (len(h.lines) > 0 && h.lines[len(h.lines)-1] == line) {
		return len(h.lines), nil
	}
	h.lines = append(h.lines, line)
	if h.err == nil {
		h.err = h.append(line)
	}
	return len(h.lines), nil
}

// append writes one entry; it refuses a path that turned into a symlink or
// another file between the check and the open.
func (h *chatHistory) append(line string) error {
	if err := os.MkdirAll(filepath.Dir(h.path), 0o755); err != nil {
		return err
	}
	before, lerr := os.Lstat(h.path)
	if lerr == nil && !before.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file: history is not saved", h.path)
	}
	flags := os.O_WRONLY | os.O_APPEND
	if lerr != nil {
		flags |= os.O_CREATE | os.O_EXCL // a symlink planted meanwhile makes this fail
	}
	f, err := os.OpenFile(h.path, flags, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	after, err := f.Stat()
	if err != nil || (lerr == nil && !os.SameFile(before, after)) {
		return fmt.Errorf("%s changed while opening it: history is not saved", h.path)
	}
	if after.Mode().Perm() != 0o600 {
		_ = f.Chmod(0o600)
	}
	b, _ := json.Marshal(line)
	_, err = f.Write(append(b, '\n'))
	return err
}

// GetLine returns entry pos, 0 being the oldest.
func (h *chatHistory) GetLine(pos int) (string, error) {
	if pos < 0 || pos >= len(h.lines) {
		return "", fmt.Errorf("history: no entry %d", pos)
	}
	return h.lines[pos], nil
}

// Len is the number of entries.
func (h *chatHistory) Len() int { return len(h.lines) }

// Dump returns the entries.
func (h *chatHistory) Dump() any { return append([]string(nil), h.lines...) }
