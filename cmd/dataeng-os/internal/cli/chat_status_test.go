package cli

import (
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/agent"
	"github.com/dataeng-os/dataeng-os/cmd/dataeng-os/internal/iostreams"
	"github.com/dataeng-os/dataeng-os/providers/scripted"
)

// TestStatusLine: the status line names the provider and model, tokens
// used of the budget and the last drafting attempt; guided mode says so.
func TestStatusLine(t *testing.T) {
	t.Parallel()
	ios, _, _, _ := iostreams.Test()
	a, err := agent.New(agent.Options{Provider: scripted.New(), ProviderName: "ollama", Model: "qwen2.5:7b", TokenBudget: 120000, MaxAttempts: 3})
	if err != nil {
		t.Fatal(err)
	}
	c := &chat{f: &Factory{IO: ios}, a: a, id: "x"}
	c.r = newChatRenderer(c.f, "")
	c.s = a.NewSession(agent.SessionOptions{ID: "x", Sink: c.r.render})
	c.s.Start()
	if got, want := c.status(), "ollama qwen2.5:7b · 0/120k tokens"; got != want {
		t.Errorf("status %q, want %q", got, want)
	}
	c.r.render(agent.Event{Type: agent.EventAttempt, Attempt: 2, MaxAttempts: 3})
	if got := c.status(); !strings.HasSuffix(got, " · attempt 2/3") {
		t.Errorf("status after an attempt: %q", got)
	}
	g := &chat{f: c.f, r: newChatRenderer(c.f, "")}
	if got := g.status(); got != "guided, no model" {
		t.Errorf("guided: %q", got)
	}
}

func TestShortCount(t *testing.T) {
	t.Parallel()
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1k", 1234: "1.2k", 200000: "200k", 2_000_000: "2M", 1_500_000: "1.5M"} {
		if got := shortCount(n); got != want {
			t.Errorf("%d: %q, want %q", n, got, want)
		}
	}
}

// TestAttemptsCountsEveryDraft: /attempts counts model attempts with their
// reasks, and guided mode's drafts (which have no attempt events).
func TestAttemptsCountsEveryDraft(t *testing.T) {
	t.Parallel()
	ios, _, _, _ := iostreams.Test()
	a, err := agent.New(agent.Options{Provider: scripted.New(), ProviderName: "ollama", MaxAttempts: 3})
	if err != nil {
		t.Fatal(err)
	}
	c := &chat{f: &Factory{IO: ios}, a: a, id: "x"}
	c.r = newChatRenderer(c.f, "")
	c.s = a.NewSession(agent.SessionOptions{ID: "x", Sink: c.r.render})
	for _, ev := range []agent.Event{
		{Type: agent.EventAttempt, Attempt: 1, MaxAttempts: 3}, {Type: agent.EventDraft, Doc: agent.DocContract},
		{Type: agent.EventAttempt, Attempt: 2, MaxAttempts: 3}, {Type: agent.EventDraft, Doc: agent.DocContract},
		{Type: agent.EventStop, Reason: agent.StopValid},
	} {
		c.r.render(ev)
	}
	if got, want := c.attempts(), "attempts: 2 drafting attempts (1 reask); up to 3 per draft; open: 0 errors, 0 warnings"; got != want {
		t.Errorf("model: %q, want %q", got, want)
	}
	ga, err := agent.New(agent.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := &chat{f: c.f, a: ga, r: newChatRenderer(c.f, "")}
	g.s = ga.NewSession(agent.SessionOptions{ID: "g", Sink: g.r.render})
	for range 3 {
		g.r.render(agent.Event{Type: agent.EventDraft, Doc: agent.DocCanvas})
		g.r.render(agent.Event{Type: agent.EventDraft, Doc: agent.DocContract})
	}
	if got, want := g.attempts(), "attempts: 3 drafting attempts; open: 0 errors, 0 warnings"; got != want {
		t.Errorf("guided: %q, want %q", got, want)
	}
}
