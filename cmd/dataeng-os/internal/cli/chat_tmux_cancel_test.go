package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const slowScript = `model: slow-model
turns:
  - text: "Thinking about the orders data product and which team owns it, please wait while I write a long answer"
    chunk_size: 4
    chunk_delay: 250ms
    repeat: true
`

// TestChatInTmuxCancelsGeneration: Ctrl-C while the model streams cancels
// that answer only, says what became of it, and the chat goes on; the
// status line shows the provider, model and token budget.
func TestChatInTmuxCancelsGeneration(t *testing.T) {
	t.Parallel()
	setup := func(proj string) {
		f, err := os.OpenFile(filepath.Join(proj, "dataeng-os.toml"), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.WriteString("\n[providers.slow]\ntype = \"scripted\"\nmodel = \"slow-model\"\nscript = \"slow.yaml\"\n"); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(proj, "slow.yaml"), []byte(slowScript), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, _ := startChatPaneWith(t, setup, "--provider slow", "architect> ")
	p.waitPrompt()
	if s := p.screen(); !strings.Contains(s, "slow slow-model · 0/") {
		t.Fatalf("no status line with the provider and model:\n%s", s)
	}
	p.keys("orders from checkout", "Enter")
	p.waitFor("Thinking about", 1)
	p.keys("C-c")
	s := p.waitFor("(cancelled: the partial answer stays above and in the session journal", 1)
	if strings.Contains(s, "please wait while I write a long answer") {
		t.Fatalf("the generation was not cut short:\n%s", s)
	}
	p.waitPrompt()
	p.keys("C-c")
	p.waitFor("press Ctrl-C again or /quit to leave", 1)
	p.waitPrompt()
	p.keys("C-c")
	if s := p.waitFor("EXIT=", 1); !strings.Contains(s, "EXIT=0") {
		t.Fatalf("exit:\n%s", s)
	}
}
