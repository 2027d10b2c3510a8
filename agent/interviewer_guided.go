package agent

import (
	"context"

	"github.com/dataeng-os/dataeng-os/agent/guided"
)

// guidedInterviewer runs guided.Interviewer in a session: its events go
// to the session, and a finished interview is saved like a passing draft.
type guidedInterviewer struct {
	g *guided.Interviewer
	s *Session
}

func (gi *guidedInterviewer) Mode() string { return "guided" }

func (gi *guidedInterviewer) Greet(string) []Event { return gi.g.Start() }

// Record replays the person's answers into the interview (live answers
// go through Answer); the header restarts it in the journal's language.
func (gi *guidedInterviewer) Record(ev Event, replaying bool) {
	switch {
	case ev.Type == EventInfo && ev.Lang != "":
		gi.g.SetLang(ev.Lang)
	case !replaying:
	case ev.Type == EventSession:
		gi.g.Restart(gi.s.lang) // the caller holds the session's state lock
	case ev.Type == EventUser:
		gi.g.Answer(ev.Text)
	}
}

func (gi *guidedInterviewer) Answer(_ context.Context, text string) error {
	gi.s.emitAll(gi.g.Answer(text))
	return gi.finish()
}

func (gi *guidedInterviewer) Continue(context.Context) error { return nil }

func (gi *guidedInterviewer) Resume(context.Context) error {
	gi.s.emitAll(gi.g.Again())
	return nil
}

func (gi *guidedInterviewer) Draft(context.Context) error {
	gi.s.emitAll(gi.g.Review())
	return gi.finish()
}

// finish saves the drafts once, when the last question is answered.
func (gi *guidedInterviewer) finish() error {
	if !gi.g.Finished() || gi.s.saved != nil {
		return nil
	}
	return gi.s.finishInterview()
}

func (gi *guidedInterviewer) SetLang(lang string)     { gi.g.SetLang(lang) }
func (gi *guidedInterviewer) Again() []Event          { return gi.g.Again() }
func (gi *guidedInterviewer) Name() string            { return gi.g.Name() }
func (gi *guidedInterviewer) OpenQuestions() []string { return gi.g.OpenQuestions() }
