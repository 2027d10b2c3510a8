package agent

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/agent/guided"
	"github.com/dataeng-os/dataeng-os/prompts"
	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/providers/scripted"
)

func TestModelSessionInterviewDraftSave(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	p := plain(
		turn("Who owns the orders data?"),
		turn("Thanks. I have enough.\n"+prompts.ReadyMarker),
		turn(reply(fixture(t, "canvas.md"), fixture(t, "invalid.odcs.yaml"))),
		turn(reply("", fixture(t, "valid.odcs.yaml"))),
	)
	a := newArchitect(t, p, nil)
	j, err := OpenJournal(filepath.Join(root, ".dataeng-os/sessions/s1.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var rec recorder
	s := a.NewSession(SessionOptions{ID: "s1", Root: root, Journal: j, Sink: rec.emit})
	s.Start()
	ctx := context.Background()
	if err := s.Send(ctx, "We need a daily view of checkout orders for finance: order id, customer email, total in cents, created at."); err != nil {
		t.Fatal(err)
	}
	if err := s.Send(ctx, "The Checkout squad, bruno.souza is the owner."); err != nil {
		t.Fatal(err)
	}
	if !s.Done() || s.Attempts() != 2 {
		t.Fatalf("done=%v attempts=%d findings=%v", s.Done(), s.Attempts(), s.Findings())
	}
	if sp := s.Saved(); sp == nil || sp.Contract != filepath.Join(root, "contracts/checkout_orders.odcs.yaml") {
		t.Fatalf("saved %+v", s.Saved())
	}
	draftReq := p.Requests()[2]
	if !strings.Contains(draftReq.Messages[0].Content, "Stakeholder: The Checkout squad, bruno.souza is the owner.") {
		t.Errorf("draft request lacks the transcript:\n%s", draftReq.Messages[0].Content)
	}
	if !strings.Contains(p.Requests()[0].System, "Interview mode") {
		t.Error("interview turn without interview instructions")
	}
	j.Close()
	evs, err := ReadJournal(j.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		if e.Type == EventToken {
			t.Fatal("token events must not be journaled")
		}
	}
	if len(rec.of(EventToken)) == 0 || evs[len(evs)-1].Type != EventSaved {
		t.Errorf("last journaled event %s", evs[len(evs)-1].Type)
	}
}

func TestCancelMidStreamThenResumeLosesNothing(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	path := filepath.Join(root, ".dataeng-os/sessions/s2.jsonl")
	p1 := plain(
		turn("Which team owns it?"),
		scripted.Turn{Text: "Good. And which fields does the orders table have, and which is the key?", ChunkSize: 4, ChunkDelay: 20 * time.Millisecond},
	)
	j, _ := OpenJournal(path)
	ctx, cancel := context.WithCancel(context.Background())
	var streamed strings.Builder // tokens arrive held back a little (redaction), in any cut
	s := newArchitect(t, p1, nil).NewSession(SessionOptions{ID: "s2", Root: root, Journal: j, Sink: func(ev Event) {
		if ev.Type == EventToken && ev.Phase == PhaseInterview {
			if streamed.WriteString(ev.Text); strings.Contains(streamed.String(), "Good") {
				cancel()
			}
		}
	}})
	s.Start()
	if err := s.Send(context.Background(), "Checkout orders for finance, daily: order id, customer email, total in cents, created at."); err != nil {
		t.Fatal(err)
	}
	err := s.Send(ctx, "Checkout squad owns it; bruno.souza is the owner.")
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	if !s.Pending() {
		t.Fatal("the cancelled turn's message must stay pending")
	}
	j.Close() // the process dies here

	evs, err := ReadJournal(path)
	if err != nil {
		t.Fatal(err)
	}
	p2 := plain(
		turn("Thanks, that is enough.\n"+prompts.ReadyMarker),
		turn(reply(fixture(t, "canvas.md"), fixture(t, "valid.odcs.yaml"))),
	)
	j2, _ := OpenJournal(path)
	defer j2.Close()
	r, err := ResumeSession(newArchitect(t, p2, nil), evs, SessionOptions{Root: root, Journal: j2})
	if err != nil {
		t.Fatal(err)
	}
	if r.ID() != "s2" || !r.Pending() {
		t.Fatalf("id=%s pending=%v", r.ID(), r.Pending())
	}
	if err := r.Resume(context.Background()); err != nil {
		t.Fatal(err)
	}
	msgs := p2.Requests()[0].Messages
	got := make([]string, len(msgs))
	for i, m := range msgs {
		got[i] = string(m.Role) + ": " + m.Content
	}
	want := []string{"user: Checkout orders for finance, daily: order id, customer email, total in cents, created at.", "assistant: Which team owns it?", "user: Checkout squad owns it; bruno.souza is the owner."}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("resumed request:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !r.Done() {
		t.Fatalf("not done after resume: %v", r.Findings())
	}
	_, calls, _ := r.Usage()
	if calls != 4 { // 2 before the crash (one cancelled), 2 after
		t.Errorf("calls = %d", calls)
	}
}

func TestGuidedSessionResumesFromJournal(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	path := filepath.Join(root, "s3.jsonl")
	a := newArchitect(t, nil, nil)
	answer := (&guided.Person{Name: "checkout orders", Table: "orders: one row per order placed in checkout",
		Fields:   []string{"order_id: string, primary key, description=Order id", "customer_email: string"},
		Findings: map[string]string{"classification": "restricted", "masking": "hash", "description": "Customer e-mail used for receipts", "domain": "sales", "rename": "", "section": "skip"},
		Sections: map[string]string{"owner": "Checkout squad, bruno.souza"}}).Answer
	j, _ := OpenJournal(path)
	var last *Question
	sink := func(ev Event) {
		if ev.Type == EventQuestion {
			last = ev.Question
		}
	}
	s := a.NewSession(SessionOptions{ID: "s3", Root: root, Journal: j, Sink: sink})
	s.Start()
	for i := 0; i < 6; i++ {
		if err := s.Send(context.Background(), answer(*last)); err != nil {
			t.Fatal(err)
		}
	}
	j.Close()
	evs, _ := ReadJournal(path)
	j2, _ := OpenJournal(path)
	defer j2.Close()
	last = nil
	r, err := ResumeSession(a, evs, SessionOptions{Root: root, Journal: j2, Sink: sink})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Resume(context.Background()); err != nil || last == nil {
		t.Fatalf("resume did not re-ask: %v", err)
	}
	for i := 0; i < 40 && !r.Done(); i++ {
		if err := r.Send(context.Background(), answer(*last)); err != nil {
			t.Fatal(err)
		}
	}
	if !r.Done() {
		t.Fatalf("guided session did not finish: %v", r.Findings())
	}
	if !strings.Contains(r.Contract(), "customer_email") || !strings.Contains(r.Contract(), "order_id") {
		t.Errorf("answers before the crash were lost:\n%s", r.Contract())
	}
}

func TestSessionTokenBudgetStopsFurtherCalls(t *testing.T) {
	t.Parallel()
	p := plain(scripted.Turn{Text: "Who owns it?", Repeat: true, ChunkSize: -1, Usage: &providers.Usage{InputTokens: 900, OutputTokens: 200}})
	s := newArchitect(t, p, func(o *Options) { o.TokenBudget = 2000 }).NewSession(SessionOptions{ID: "b"})
	s.Start()
	ctx := context.Background()
	for i := 0; i < 2; i++ {
		if err := s.Send(ctx, "orders"); err != nil {
			t.Fatal(err)
		}
	}
	err := s.Send(ctx, "more")
	if err == nil || !strings.Contains(err.Error(), "token budget") || p.Calls() != 2 {
		t.Fatalf("err=%v calls=%d", err, p.Calls())
	}
}

func TestCancelDuringDraftingThenResumeDrafts(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	path := filepath.Join(root, "s4.jsonl")
	p1 := plain(
		turn("Enough.\n"+prompts.ReadyMarker),
		scripted.Turn{Text: reply(fixture(t, "canvas.md"), fixture(t, "valid.odcs.yaml")), ChunkSize: 8, ChunkDelay: 5 * time.Millisecond},
	)
	j, _ := OpenJournal(path)
	ctx, cancel := context.WithCancel(context.Background())
	s := newArchitect(t, p1, nil).NewSession(SessionOptions{ID: "s4", Root: root, Journal: j, Sink: func(ev Event) {
		if ev.Type == EventToken && ev.Phase == "draft" {
			cancel()
		}
	}})
	s.Start()
	if err := s.Send(ctx, "Orders for finance (order id, customer email, total in cents, created at), owned by the Checkout squad, bruno.souza."); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	j.Close()
	evs, _ := ReadJournal(path)
	p2 := plain(turn(reply(fixture(t, "canvas.md"), fixture(t, "valid.odcs.yaml"))))
	r, err := ResumeSession(newArchitect(t, p2, nil), evs, SessionOptions{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Resume(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !r.Done() || p2.Calls() != 1 || !strings.Contains(p2.Requests()[0].Messages[0].Content, "owned by the Checkout squad") {
		t.Fatalf("done=%v calls=%d", r.Done(), p2.Calls())
	}
}
