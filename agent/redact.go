package agent

import (
	"strings"
	"unicode/utf8"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/prompts"
	"github.com/dataeng-os/dataeng-os/providers"
)

// redact scrubs the configured secrets (and key-shaped strings) from s.
func (a *Architect) redact(s string) string {
	if s == "" {
		return s
	}
	return providers.Redact(s, a.opts.Secrets...)
}

// redactEvent scrubs every text an event carries, so that no API key a
// server echoes reaches the journal, a renderer or the session state.
func (a *Architect) redactEvent(ev Event) Event { return RedactEvent(ev, a.opts.Secrets...) }

// RedactEvent returns ev with the secrets (and key-shaped strings) scrubbed
// from every text it carries, and the prompt protocol's markers
// (prompts.ReadyMarker) removed, so renderers show text as it is: for live
// events and for events read back from older journals.
func RedactEvent(ev Event, secrets ...string) Event {
	r := func(s string) string {
		if s == "" {
			return s
		}
		return stripMarkers(providers.Redact(s, secrets...))
	}
	ev.Text, ev.Content, ev.Reason = r(ev.Text), r(ev.Content), r(ev.Reason)
	if len(ev.Findings) > 0 {
		fs := make([]contract.Finding, len(ev.Findings))
		for i, f := range ev.Findings {
			f.Message, f.Hint = r(f.Message), r(f.Hint)
			fs[i] = f
		}
		ev.Findings = fs
	}
	if ev.Question != nil {
		q := *ev.Question
		q.Text, q.Default = r(q.Text), r(q.Default)
		ev.Question = &q
	}
	return ev
}

// stripMarkers removes the prompt protocol's markers from shown text.
func stripMarkers(s string) string {
	if !strings.Contains(s, prompts.ReadyMarker) {
		return s
	}
	return strings.TrimRight(strings.ReplaceAll(s, prompts.ReadyMarker, ""), " \n")
}

// streamRedactor scrubs a token stream of secrets and protocol markers.
// Either may arrive split across deltas, so it holds back the last
// longest-one-minus-one bytes until the next delta (or Flush) shows whether
// they start one.
type streamRedactor struct {
	a    *Architect
	hold int
	pend string
}

func (a *Architect) newStreamRedactor() *streamRedactor {
	r := &streamRedactor{a: a, hold: len(prompts.ReadyMarker) - 1}
	for _, s := range a.opts.Secrets {
		r.hold = max(r.hold, len(s)-1)
	}
	return r
}

// Write takes one delta and returns the text that is safe to show now.
func (r *streamRedactor) Write(delta string) string {
	r.pend = strings.ReplaceAll(r.a.redact(r.pend+delta), prompts.ReadyMarker, "")
	cut := len(r.pend) - r.hold
	if cut <= 0 {
		return ""
	}
	for cut > 0 && cut < len(r.pend) && !utf8.RuneStart(r.pend[cut]) {
		cut--
	}
	out := r.pend[:cut]
	r.pend = r.pend[cut:]
	return out
}

// Flush returns what is held back at the end of the stream.
func (r *streamRedactor) Flush() string {
	out := stripMarkers(r.a.redact(r.pend))
	r.pend = ""
	return out
}
