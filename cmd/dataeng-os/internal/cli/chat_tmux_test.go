package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/internal/testenv"
)

// pane drives `dataeng-os chat` in a tmux pane, as a person would.
type pane struct {
	t      *testing.T
	tmux   string
	socket string
}

func (p *pane) run(args ...string) string {
	p.t.Helper()
	cmd := exec.Command(p.tmux, append([]string{"-L", p.socket, "-f", os.DevNull}, args...)...)
	cmd.Env = withoutEnv(os.Environ(), "TMUX")
	out, err := cmd.CombinedOutput()
	if err != nil {
		p.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (p *pane) keys(keys ...string) { p.run(append([]string{"send-keys", "-t", "chat"}, keys...)...) }

// screen is the pane's text, wrapped lines joined, trailing blanks cut.
func (p *pane) screen() string {
	lines := strings.Split(p.run("capture-pane", "-p", "-J", "-S", "-200", "-t", "chat"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n") + "\n"
}

// waitFor waits until the pane shows want n times; it fails with the
// screen when it does not within 15 s.
func (p *pane) waitFor(want string, n int) string {
	p.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := p.screen()
		if strings.Count(s, want) >= n {
			return s
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("the pane never showed %q (%d times):\n%s", want, n, s)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// emptyPrompt is an empty prompt on the last line, with the status line
// on its right.
var emptyPrompt = regexp.MustCompile(`\nyou>( {2,}[^\n]*)?$`)

// waitPrompt waits for an empty prompt on the last line: the line editor
// is reading (keys sent before it is would be echoed by the cooked tty).
func (p *pane) waitPrompt() {
	p.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		s := strings.TrimRight(p.screen(), "\n")
		if emptyPrompt.MatchString(s) {
			time.Sleep(50 * time.Millisecond)
			return
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("no empty prompt:\n%s", s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func withoutEnv(env []string, key string) []string {
	var out []string
	for _, e := range env {
		if !strings.HasPrefix(e, key+"=") {
			out = append(out, e)
		}
	}
	return out
}

// startChatPane builds the binary, makes a project and starts guided chat
// in an 80-column tmux pane.
func startChatPane(t *testing.T) (*pane, string) {
	return startChatPaneWith(t, nil, "", "What is the data product called?")
}

// startChatPaneWith is startChatPane with a project setup, chat flags and
// the first text to wait for.
func startChatPaneWith(t *testing.T, setup func(proj string), flags, first string) (*pane, string) {
	tmux := testenv.Require(t, "tmux (scripts/setup-tmux.sh)", "TMUX_PATH", nil, "tmux")
	dir := t.TempDir()
	bin := filepath.Join(dir, "dataeng-os")
	build := exec.Command("go", "build", "-o", bin, "./cmd/dataeng-os")
	build.Dir = testenv.RepoRoot()
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	proj := filepath.Join(dir, "proj")
	if err := os.Mkdir(proj, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "init", proj).CombinedOutput(); err != nil {
		t.Fatalf("init: %v\n%s", err, out)
	}
	if setup != nil {
		setup(proj)
	}
	p := &pane{t: t, tmux: tmux, socket: fmt.Sprintf("deo-test-%d", time.Now().UnixNano())}
	t.Cleanup(func() { _ = exec.Command(tmux, "-L", p.socket, "kill-server").Run() })
	// The shell ignores Ctrl-C (a no-op trap, reset for chat) so that a
	// SIGINT during a generation cannot end the pane before EXIT= prints.
	shell := fmt.Sprintf("trap : INT; cd %q && env HOME=%q TERM=xterm-256color NO_COLOR=1 LANG=C.UTF-8 %q chat %s; echo EXIT=$?; sleep 60", proj, dir, bin, flags)
	p.run("new-session", "-d", "-s", "chat", "-x", "80", "-y", "50", shell)
	p.waitFor(first, 1)
	p.waitPrompt()
	return p, proj
}

// TestChatInTmux: in a real terminal the prompt edits (Ctrl-A, word moves,
// arrows), completes /commands with Tab, repeats the pending question after
// one, takes a bracketed paste of six fields as one answer, recalls it with
// ↑, and Ctrl-C twice at an empty prompt leaves with exit 0 and the resume
// line.
func TestChatInTmux(t *testing.T) {
	t.Parallel()
	p, proj := startChatPane(t)
	p.keys("rders", "C-a", "checkout", "Space", "o", "C-e", "Space", "x", "BSpace", "BSpace", "Enter")
	p.waitFor("Problem and decision supported", 1)
	p.waitPrompt()
	p.keys("/he", "Tab", "Enter")
	s := p.waitFor("Problem and decision supported", 2)
	if !regexp.MustCompile(`\nyou> checkout orders +guided, no model\n`).MatchString(s) || !strings.Contains(s, "/findings") {
		t.Fatalf("editing or /help:\n%s", s)
	}
	for _, a := range []string{"Finance reconciles revenue", "Finance dashboards", "Checkout squad, bruno.souza", "Postgres, schema checkout", "orders: one row per order"} {
		p.waitPrompt()
		p.keys(a, "Enter")
		p.waitFor("you> "+a, 1)
	}
	p.waitFor("Which fields does the table", 1)
	p.waitPrompt()
	fields := "order_id: string, required, primary key\ncustomer_email: string, required\ntotal_cents: integer\ncreated_at: timestamp, required\nstatus: string\nchannel: string"
	p.run("set-buffer", "-b", "fields", fields)
	p.run("paste-buffer", "-p", "-d", "-b", "fields", "-t", "chat")
	p.keys("Enter")
	p.waitFor("More fields?", 1)
	p.waitPrompt()
	if got := lastUserText(t, proj); got != fields {
		t.Fatalf("the paste was not one answer: last answer %q", got)
	}
	p.keys("Up")
	p.waitFor("you> order_id: string", 2)
	p.keys("C-c") // with text: the line is dropped, no hint
	p.waitPrompt()
	p.keys("C-c")
	p.waitFor("press Ctrl-C again or /quit to leave; the session is kept (resume: dataeng-os chat --resume ", 1)
	p.waitPrompt()
	p.keys("C-c")
	s = p.waitFor("EXIT=", 1)
	if !strings.Contains(s, "EXIT=0") || !strings.Contains(s, "kept; resume with: dataeng-os chat --resume") {
		t.Fatalf("second Ctrl-C:\n%s", s)
	}
	if strings.Count(s, "press Ctrl-C again") != 1 {
		t.Errorf("the hint shows once (Ctrl-C on a line with text only drops it):\n%s", s)
	}
	checkHistoryFile(t, proj, fields)
}

// lastUserText is the last message the journal recorded from the person.
func lastUserText(t *testing.T, proj string) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(proj, ".dataeng-os", "sessions", "*.jsonl"))
	if len(files) != 1 {
		t.Fatalf("%d session files", len(files))
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	var last string
	for _, l := range strings.Split(string(b), "\n") {
		var ev struct{ Type, Text string }
		if json.Unmarshal([]byte(l), &ev) == nil && ev.Type == "user" {
			last = ev.Text
		}
	}
	return last
}

func checkHistoryFile(t *testing.T, proj, want string) {
	t.Helper()
	path := filepath.Join(proj, ".dataeng-os", "history")
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("history mode %v, want 0600", st.Mode().Perm())
	}
	h := openChatHistory(path)
	if got, _ := h.GetLine(h.Len() - 1); got != want {
		t.Errorf("last history entry %q, want the paste as one entry", got)
	}
}
