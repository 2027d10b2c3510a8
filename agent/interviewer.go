package agent

import (
	"context"

	"github.com/dataeng-os/dataeng-os/agent/guided"
	"github.com/dataeng-os/dataeng-os/internal/msg"
	"github.com/dataeng-os/dataeng-os/providers"
)

// Interviewer asks a session's questions. Session holds one and never asks
// which kind it is: the model interviewer (the interview prompt, then the
// validate-and-reask drafting loop) or the guided one (agent/guided: the
// canvas template's questions, no model). Answer, Continue and Draft run
// under the session's turn lock, Record under its state lock; Resume takes
// the locks through the session methods it calls.
type Interviewer interface {
	// Mode names the interviewer in the session header: "model" or "guided".
	Mode() string
	// Greet returns the greeting and the first question, in lang.
	Greet(lang string) []Event
	// Record folds one session event into the interviewer's state, live or
	// replayed from the journal (replaying).
	Record(ev Event, replaying bool)
	// Answer takes the person's message (already recorded).
	Answer(ctx context.Context, text string) error
	// Continue answers a message left pending by a cancelled turn or a crash.
	Continue(ctx context.Context) error
	// Resume goes on where a resumed session stopped.
	Resume(ctx context.Context) error
	// Draft drafts now (/draft).
	Draft(ctx context.Context) error
	// SetLang tells the interviewer the session's language, once decided.
	SetLang(lang string)
	// Again is the current question asked again (after /lang), if any.
	Again() []Event
	// Name is the product name the interview found ("" = none).
	Name() string
	// OpenQuestions are what the person skipped or was not asked yet.
	OpenQuestions() []string
}

// newInterviewer is the Architect's interviewer for s: guided when it has
// no model.
func (a *Architect) newInterviewer(s *Session) Interviewer {
	if a.Guided() {
		g := guided.New(guided.Config{Sections: a.sections, Rules: a.project.Rules, Check: a.checkDrafts, FixedLang: s.langFixed}, s.lang)
		return &guidedInterviewer{g: g, s: s}
	}
	return &modelInterviewer{s: s}
}

// modelInterviewer is the model's side of a session: the conversation it
// is sent, and whether the person's last message still waits for it.
type modelInterviewer struct{ s *Session }

func (m *modelInterviewer) Mode() string { return "model" }

func (m *modelInterviewer) Greet(lang string) []Event {
	return []Event{{Type: EventInfo, Text: say(lang, "guided.greeting")}, {Type: EventQuestion, Text: say(lang, "guided.qPurpose")}}
}

func (m *modelInterviewer) Record(ev Event, _ bool) {
	s := m.s
	switch {
	case ev.Type == EventUser:
		s.msgs = append(s.msgs, providers.Message{Role: providers.RoleUser, Content: ev.Text})
		s.pending = true
	case ev.Type == EventAssistant && ev.Phase == PhaseInterview:
		s.msgs = append(s.msgs, providers.Message{Role: providers.RoleAssistant, Content: ev.Text})
		s.pending = false
	case ev.Type == EventQuestion && len(s.msgs) > 0:
		s.msgs = append(s.msgs, providers.Message{Role: providers.RoleAssistant, Content: ev.Text})
	}
}

func (m *modelInterviewer) Answer(ctx context.Context, _ string) error { return m.s.interviewTurn(ctx) }

func (m *modelInterviewer) Continue(ctx context.Context) error {
	if !m.s.Pending() {
		return nil
	}
	return m.s.interviewTurn(ctx)
}

func (m *modelInterviewer) Resume(ctx context.Context) error {
	s := m.s
	if s.Pending() {
		return s.Continue(ctx)
	}
	s.mu.Lock()
	drafting := s.drafting
	s.mu.Unlock()
	if drafting {
		return s.Draft(ctx)
	}
	return nil
}

func (m *modelInterviewer) Draft(ctx context.Context) error { return m.s.draft(ctx) }
func (m *modelInterviewer) SetLang(string)                  {}
func (m *modelInterviewer) Again() []Event                  { return nil }
func (m *modelInterviewer) Name() string                    { return "" }
func (m *modelInterviewer) OpenQuestions() []string         { return nil }

// say renders a catalog key in lang.
func say(lang, key string, args ...any) string { return msg.Get(lang, msg.Key(key), args...) }
