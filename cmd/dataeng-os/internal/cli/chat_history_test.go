package cli

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/reeflective/readline"
)

// TestChatHistoryKeepsAnswers: answers (multi-line ones too) survive a
// reload, the file is 0600, and a repeated answer is kept once.
func TestChatHistoryKeepsAnswers(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), ".dataeng-os", "history")
	h := openChatHistory(path)
	for _, a := range []string{"checkout orders", "order_id: string\ncreated_at: timestamp", "done", "done", "  "} {
		if _, err := h.Write(a); err != nil {
			t.Fatal(err)
		}
	}
	if h.err != nil {
		t.Fatal(h.err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
	again := openChatHistory(path)
	if again.Len() != 3 {
		t.Fatalf("%d entries after reload: %q", again.Len(), again.Dump())
	}
	if l, _ := again.GetLine(1); l != "order_id: string\ncreated_at: timestamp" {
		t.Errorf("multi-line entry: %q", l)
	}
	if _, err := again.GetLine(3); err == nil {
		t.Error("GetLine past the end: no error")
	}
}

// TestChatHistoryRefusesSymlink: a history path that is a symlink is
// never written through; the history stays in memory.
func TestChatHistoryRefusesSymlink(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	target := filepath.Join(dir, "elsewhere")
	if err := os.WriteFile(target, []byte("keep\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "history")
	if err := os.Symlink(target, path); err != nil {
		t.Fatalf("symlink: %v", err)
	}
	h := openChatHistory(path)
	if _, err := h.Write("secret answer"); err != nil {
		t.Fatal(err)
	}
	if h.err == nil || h.Len() != 1 {
		t.Errorf("err=%v len=%d: want a refusal and an in-memory entry", h.err, h.Len())
	}
	if b, _ := os.ReadFile(target); string(b) != "keep\n" {
		t.Errorf("symlink target written: %q", b)
	}
}

// TestReadersPipe: piped input is one answer per line, --stdin-as-one
// reads it all as one answer, and SIGINT while waiting is Ctrl-C at the
// prompt.
func TestReadersPipe(t *testing.T) {
	t.Parallel()
	sigs := make(chan os.Signal, 1)
	p := newPipeReader(strings.NewReader("a\nb"), sigs)
	if l, err := p.Read(); l != "a" || err != nil {
		t.Errorf("first: %q %v", l, err)
	}
	if l, err := p.Read(); l != "b" || !errors.Is(err, io.EOF) {
		t.Errorf("last: %q %v", l, err)
	}
	pr, pw := io.Pipe()
	defer pw.Close()
	sigs <- os.Interrupt
	if _, err := newPipeReader(pr, sigs).Read(); !errors.Is(err, errPromptInterrupt) {
		t.Errorf("SIGINT: %v", err)
	}
	w := &wholeReader{in: strings.NewReader("orders:\n  a\n  b\n")}
	if l, err := w.Read(); l != "orders:\n  a\n  b" || !errors.Is(err, io.EOF) {
		t.Errorf("whole: %q %v", l, err)
	}
}

// TestContinuation: a trailing backslash asks for another line and is
// not part of the answer.
func TestContinuation(t *testing.T) {
	t.Parallel()
	if !continues(`order_id: string \`) || continues("done") {
		t.Error("continues")
	}
	if got := joinContinued("a \\\nb\\  \nc"); got != "a \nb\nc" {
		t.Errorf("joined: %q", got)
	}
}

func TestCompleteSlash(t *testing.T) {
	t.Parallel()
	for line, want := range map[string]string{"/dr": "/draft", "/fin": "/findings", "/fie": "/fields", "hello /d": "", "/draft x": ""} {
		c := completeSlash([]rune(line), len(line))
		var vals []string
		c.EachValue(func(comp readline.Completion) readline.Completion {
			vals = append(vals, comp.Value)
			return comp
		})
		if strings.Join(vals, ",") != want {
			t.Errorf("%q: %q, want %q", line, vals, want)
		}
	}
}
