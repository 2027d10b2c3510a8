package agent

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/prompts"
	"github.com/dataeng-os/dataeng-os/providers/scripted"
)

// TestChatGroundsInThePersonsWords: in a chat the drafts are grounded in
// what the person wrote, never in the Architect's own turns; an invention
// the model insists on is not in the saved contract.
func TestChatGroundsInThePersonsWords(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	bad := strings.Replace(groundBase(t), inventions[0].old, inventions[0].new, 1)
	p := plain(
		turn("Do you also need basket_value? And who owns it?"), // the Architect's words ground nothing
		turn("Thanks, I have enough.\n"+prompts.ReadyMarker),
		scripted.Turn{Text: reply(fixture(t, "canvas.md"), bad), Repeat: true, ChunkSize: -1},
	)
	s := newArchitect(t, p, nil).NewSession(SessionOptions{ID: "g1", Root: root})
	s.Start()
	ctx := context.Background()
	for _, msg := range strings.Split(groundNotes, "\n") {
		if err := s.Send(ctx, msg); err != nil {
			t.Fatal(err)
		}
		if s.Done() {
			break
		}
	}
	sp := s.Saved()
	if sp == nil {
		t.Fatalf("nothing saved; findings %v", s.Findings())
	}
	data, err := os.ReadFile(sp.Contract)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "basket_value") || !strings.Contains(string(data), "customer_email") {
		t.Fatalf("saved contract:\n%s", data)
	}
	reask := p.Requests()[3].Messages
	if !strings.Contains(reask[len(reask)-1].Content, "column `basket_value` is not in the conversation") {
		t.Fatalf("reask lacks the finding:\n%s", reask[len(reask)-1].Content)
	}
}
