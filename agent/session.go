package agent

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/prompts"
	"github.com/dataeng-os/dataeng-os/providers"
)

// Session phases.
const (
	PhaseInterview = "interview"
	PhaseDraft     = "draft"
	PhaseDone      = "done"
)

// SessionOptions configure a chat session.
type SessionOptions struct {
	ID string
	// Root is the project root drafts are saved under; "" disables saving.
	Root string
	// Journal records every event (nil = none).
	Journal *Journal
	// Sink renders events (terminal, cockpit); nil = none.
	Sink func(Event)
	// Force lets /save overwrite a file a person edited.
	Force bool
	// Lang is a first guess of the person's language ("pt", "en"), e.g.
	// from $LANG; their first substantive message overrides it unless the
	// language is fixed.
	Lang string
	// Language fixes the session's language ("en" or "pt", `chat --lang`);
	// "" detects it from the first substantive message.
	Language string
}

// Session is one conversation with the Architect: an interview, drafting
// with the validate-and-reask loop, and saving. Its state is rebuilt from
// its events (ResumeSession). Methods are safe for concurrent use; turns
// run one at a time.
type Session struct {
	a    *Architect
	o    SessionOptions
	turn sync.Mutex
	mu   sync.Mutex

	lang      string
	langFixed bool // the language is decided: only SetLang changes it
	msgs      []providers.Message
	pending   bool
	name      string
	canvas    string
	yml       string
	findings  []contract.Finding
	questions []string
	attempts  int
	m         meter
	saved     *SavedPaths
	stop      string
	drafting  bool // a drafting loop started and did not finish
	iv        Interviewer
	replaying bool
}

// NewSession starts a session; call Start to greet the person.
func (a *Architect) NewSession(o SessionOptions) *Session {
	s := &Session{a: a, o: o, m: meter{budget: a.opts.TokenBudget}}
	s.initLang()
	s.iv = a.newInterviewer(s)
	return s
}

// ResumeSession rebuilds a session from its journaled events; new events
// go to o.Journal and o.Sink. Guided sessions replay the person's answers.
func ResumeSession(a *Architect, events []Event, o SessionOptions) (*Session, error) {
	if len(events) == 0 || events[0].Type != EventSession {
		return nil, errors.New("resume: not a session file (no session header)")
	}
	if o.ID == "" {
		o.ID = events[0].Session
	}
	s := a.NewSession(o)
	s.replaying = true
	defer func() { s.replaying = false }()
	if l := events[0].Lang; l != "" && !s.langFixed {
		s.lang = l
	}
	for _, ev := range events {
		s.apply(ev)
	}
	return s, nil
}

// ID is the session's identifier.
func (s *Session) ID() string { return s.o.ID }

// Start writes the session header and greets the person with the
// interviewer's first question.
func (s *Session) Start() {
	s.emit(Event{Type: EventSession, Mode: s.iv.Mode(), Provider: s.a.opts.ProviderName, Model: s.a.model(), Lang: s.lang})
	s.emitAll(s.iv.Greet(s.langOr("en")))
	s.sync()
}

// Resume goes on where a resumed session stopped: the pending model turn,
// an interrupted draft, or the guided interview's current question.
func (s *Session) Resume(ctx context.Context) error { return s.iv.Resume(ctx) }

// Send takes one message from the person and runs the Architect's turn.
// Cancelling ctx stops the generation, not the session: the message is
// kept and Continue (or the next Send) answers it.
func (s *Session) Send(ctx context.Context, text string) error {
	s.turn.Lock()
	defer s.turn.Unlock()
	defer s.sync()
	s.emit(Event{Type: EventUser, Text: text})
	return s.iv.Answer(ctx, text)
}

// Continue answers the pending message (after a cancelled turn or a crash).
func (s *Session) Continue(ctx context.Context) error {
	s.turn.Lock()
	defer s.turn.Unlock()
	defer s.sync()
	return s.iv.Continue(ctx)
}

func (s *Session) interviewTurn(ctx context.Context) error {
	if s.m.spent() {
		err := fmt.Errorf("the session's token budget (%d tokens, agent.token_budget) is spent: /save keeps the drafts; raise the budget and --resume to go on", s.m.budget)
		s.emit(Event{Type: EventError, Text: err.Error()})
		return err
	}
	system, err := s.a.systemPrompt(s.langOr(""))
	if err != nil {
		return err
	}
	iv, err := prompts.Interview(s.a.sections)
	if err != nil {
		return err
	}
	req := providers.Request{MaxTokens: s.a.opts.MaxOutputTokens, Model: s.a.opts.Model, System: system + "\n" + iv, Messages: mergeRoles(s.snapshot())}
	text, err := s.a.call(ctx, req, &s.m, PhaseInterview, s.emit)
	if err != nil {
		if ctx.Err() == nil {
			s.emit(Event{Type: EventError, Text: err.Error()})
		}
		return err
	}
	if strings.Contains(text, prompts.ReadyMarker) {
		return s.draft(ctx)
	}
	return nil
}

// Draft drafts now (the /draft command) instead of waiting for the model
// to say it has enough; guided mode builds from the answers so far.
func (s *Session) Draft(ctx context.Context) error {
	s.turn.Lock()
	defer s.turn.Unlock()
	defer s.sync()
	return s.iv.Draft(ctx)
}

func (s *Session) draft(ctx context.Context) error {
	in := draftInput{Name: s.Name(), Input: s.transcript(), Lang: s.langOr(""), Source: personText(s.snapshot())}
	res, err := s.a.draftLoop(ctx, in, &s.m, s.emit)
	if err != nil {
		if ctx.Err() == nil {
			s.emit(Event{Type: EventError, Text: err.Error()})
		}
		return err
	}
	s.mu.Lock()
	s.name, s.questions = res.Name, res.OpenQuestions
	s.mu.Unlock()
	if s.o.Root != "" {
		if _, err := s.save(res); err != nil {
			return err
		}
	}
	if !res.Valid {
		s.emit(Event{Type: EventQuestion, Text: say(s.langOr("en"), "guided.leftHint") + "\n" + res.Left()})
	}
	return nil
}

// finishInterview saves the drafts of an interview that asked everything,
// as passing or with the findings the person skipped.
func (s *Session) finishInterview() error {
	res := s.Result()
	res.StopReason = StopValid
	if contract.HasErrors(res.Findings) {
		res.StopReason = StopOpen
	}
	res.Valid = res.StopReason == StopValid
	s.emit(Event{Type: EventStop, Reason: res.StopReason, Text: res.Left(), Findings: res.Findings})
	if s.o.Root == "" {
		return nil
	}
	_, err := s.save(res)
	return err
}
