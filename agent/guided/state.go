package guided

import "github.com/dataeng-os/dataeng-os/agent/event"

// What a session reads of the interview (it never reaches inside).

// Again asks the current question again (after a resume or a language
// change); nothing once the interview is finished.
func (g *Interviewer) Again() []event.Event {
	if g.cur == nil || g.finished {
		return nil
	}
	return []event.Event{g.ask(*g.cur)}
}

// SetLang fixes the interview's language (/lang, or the session's
// language once it is known).
func (g *Interviewer) SetLang(lang string) { g.lang, g.fixLang = lang, true }

// Lang is the language the interview asks in.
func (g *Interviewer) Lang() string { return g.lang }

// Finished reports that every question and follow-up is answered or
// skipped: the drafts are final.
func (g *Interviewer) Finished() bool { return g.finished }

// Name is the product name the person gave ("" before).
func (g *Interviewer) Name() string { return g.name }

// Current is the question waiting for an answer (nil when none).
func (g *Interviewer) Current() *event.Question { return g.cur }

// Fields are the fields read so far, in order.
func (g *Interviewer) Fields() []FieldSpec { return append([]FieldSpec(nil), g.fields...) }

// Restart begins the interview again in lang ("" keeps the current one),
// as a resumed session does before replaying the person's answers.
func (g *Interviewer) Restart(lang string) []event.Event {
	if lang != "" {
		g.lang = lang
	}
	return g.Start()
}

// Progress is the step the interview is at and how many it has (the
// canvas template's questions; follow-ups come after the last).
func (g *Interviewer) Progress() (step, steps int) { return g.pos, len(g.steps) }
