package cli

import (
	"strings"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/agent/batch"
	"github.com/dataeng-os/dataeng-os/cmd/dataeng-os/internal/iostreams"
	"github.com/dataeng-os/dataeng-os/providers"
)

func progressEvents() []batch.Event {
	snap := batch.Snapshot{Total: 10, Skipped: 2, Elapsed: 4 * time.Second}
	done := snap
	done.Passed, done.Failed, done.InFlight = 3, 1, 2
	done.Tokens = providers.Usage{InputTokens: 1500, OutputTokens: 700}
	return []batch.Event{
		{Kind: batch.EventStart, Snapshot: snap},
		{Kind: batch.EventNoteDone, Note: "orders", Snapshot: done, Row: &batch.Row{Entry: batch.Entry{Note: "notes/orders.md", Status: batch.StatusPassed, Attempts: 1}}},
		{Kind: batch.EventNoteStep, Note: "leads", Step: 4, Steps: 11, Label: "leads.email: PII kind", Snapshot: done},
		{Kind: batch.EventNoteDone, Note: "subs", Snapshot: done, Row: &batch.Row{Entry: batch.Entry{Note: "notes/subs.md", Status: batch.StatusFailed, Attempts: 1, Error: "openai: 500 server error"}}},
		{Kind: batch.EventEnd, Snapshot: done},
	}
}

func TestDraftProgressTTYDrawsABar(t *testing.T) {
	t.Parallel()
	ios, _, _, errOut := iostreams.Test()
	ios.SetTTY(false, false, true)
	p := newDraftProgress(&Factory{IO: ios, Getenv: func(string) string { return "" }}, "scripted")
	for _, ev := range progressEvents() {
		p.event(ev)
	}
	s := errOut.String()
	for _, want := range []string{"\r\x1b[K", "4/8", "✓ 3", "✗ 1", "2 in flight", "2.2k tokens", "ETA 4s", "failed      notes/subs.md", "leads · leads.email: PII kind 4/11"} {
		if !strings.Contains(s, want) {
			t.Errorf("TTY progress lacks %q:\n%q", want, s)
		}
	}
	if strings.Contains(s, "passed      notes/orders.md") {
		t.Error("a passed note got its own line on a TTY")
	}
	if !strings.HasSuffix(s, "\r\x1b[K") {
		t.Errorf("the bar is not cleared at the end: %q", s[len(s)-20:])
	}
}

func TestDraftProgressPlainInCI(t *testing.T) {
	t.Parallel()
	ios, _, _, errOut := iostreams.Test()
	ios.SetTTY(false, false, true)
	env := map[string]string{"CI": "true"}
	p := newDraftProgress(&Factory{IO: ios, Getenv: func(k string) string { return env[k] }}, "scripted")
	for _, ev := range progressEvents() {
		p.event(ev)
	}
	s := errOut.String()
	if strings.Contains(s, "\x1b") || strings.Contains(s, "\r") || strings.Contains(s, "4/11") {
		t.Errorf("control characters in CI logs: %q", s)
	}
	for _, want := range []string{"draft: 10 notes, 2 up to date, 8 to draft (scripted)\n", "draft: [4/8] passed      notes/orders.md", "draft: [4/8] failed      notes/subs.md (1 attempt, 0 tokens, 0s): openai: 500 server error\n"} {
		if !strings.Contains(s, want) {
			t.Errorf("plain progress lacks %q:\n%s", want, s)
		}
	}
}
