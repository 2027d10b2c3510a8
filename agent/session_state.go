package agent

import (
	"errors"
	"strings"
	"time"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/providers"
)

// emit stamps an event, applies it to the session state, journals it and
// hands it to the sink. While replaying a journal it only applies.
func (s *Session) emit(ev Event) {
	if s.replaying {
		return
	}
	ev = s.a.redactEvent(ev)
	ev.Session = s.o.ID
	if ev.Time.IsZero() {
		ev.Time = s.a.opts.Now().UTC()
	}
	s.apply(ev)
	if s.o.Journal != nil {
		if err := s.o.Journal.Append(ev); err != nil && s.o.Sink != nil {
			s.o.Sink(Event{Type: EventError, Session: s.o.ID, Text: err.Error()})
		}
	}
	if s.o.Sink != nil {
		s.o.Sink(ev)
	}
}

func (s *Session) emitAll(evs []Event) {
	for _, ev := range evs {
		s.emit(ev)
	}
}

// apply folds one event into the state; live and replayed events take the
// same path, so a resumed session equals the one that was interrupted.
func (s *Session) apply(ev Event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch ev.Type {
	case EventUser:
		s.learnLang(ev.Text)
	case EventDraft:
		if ev.Doc == DocCanvas {
			s.canvas = ev.Content
		} else {
			s.yml = ev.Content
		}
	case EventFindings:
		s.findings = ev.Findings
	case EventInfo:
		s.applyLang(ev)
	case EventAttempt:
		s.attempts++
		s.drafting = true
	case EventUsage:
		if s.replaying { // live calls update the meter themselves
			if ev.Total != nil {
				s.m.usage = *ev.Total
			}
			s.m.calls++
		}
	case EventStop:
		s.stop = ev.Reason
		s.drafting = ev.Reason == StopCancelled
	case EventSaved:
		s.saved = ev.Paths
	}
	s.iv.Record(ev, s.replaying)
}

func (s *Session) sync() {
	if s.o.Journal != nil && !s.replaying {
		_ = s.o.Journal.Sync()
	}
}

func (s *Session) langOr(def string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lang != "" {
		return s.lang
	}
	return def
}

func (s *Session) snapshot() []providers.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]providers.Message(nil), s.msgs...)
}

// mergeRoles joins consecutive messages of the same role (a message sent
// after a cancelled turn) so that roles alternate.
func mergeRoles(ms []providers.Message) []providers.Message {
	var out []providers.Message
	for _, m := range ms {
		if n := len(out); n > 0 && out[n-1].Role == m.Role {
			out[n-1].Content += "\n\n" + m.Content
			continue
		}
		out = append(out, m)
	}
	return out
}

// transcript renders the interview for the drafting prompt.
func (s *Session) transcript() string {
	var b strings.Builder
	for _, m := range s.snapshot() {
		who := "Stakeholder"
		if m.Role == providers.RoleAssistant {
			who = "Architect"
		}
		b.WriteString(who + ": " + strings.TrimSpace(m.Content) + "\n\n")
	}
	return b.String()
}

// Name is the dataset name (from guided answers or the drafts), "" before
// it is known.
func (s *Session) Name() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if n := s.iv.Name(); n != "" {
		return SanitizeName(n)
	}
	if s.name == "" && s.yml != "" {
		return nameFromContract(s.yml)
	}
	return s.name
}

// Canvas is the current canvas draft.
func (s *Session) Canvas() string { s.mu.Lock(); defer s.mu.Unlock(); return s.canvas }

// Contract is the current contract draft.
func (s *Session) Contract() string { s.mu.Lock(); defer s.mu.Unlock(); return s.yml }

// Findings are the current drafts' findings.
func (s *Session) Findings() []contract.Finding {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]contract.Finding(nil), s.findings...)
}

// Attempts counts drafting attempts in this session.
func (s *Session) Attempts() int { s.mu.Lock(); defer s.mu.Unlock(); return s.attempts }

// Usage is the session's token usage, model calls and cost estimate.
func (s *Session) Usage() (providers.Usage, int, float64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.m.usage, s.m.calls, s.a.cost(s.m.usage)
}

// Pending reports a person's message the model has not answered yet.
func (s *Session) Pending() bool { s.mu.Lock(); defer s.mu.Unlock(); return s.pending }

// Saved returns what was last saved, or nil.
func (s *Session) Saved() *SavedPaths { s.mu.Lock(); defer s.mu.Unlock(); return s.saved }

// Done reports that the drafts passed and were saved.
func (s *Session) Done() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.saved != nil && !s.saved.Draft && s.yml != "" && !contract.HasErrors(s.findings)
}

// Guided reports whether the session runs without a model.
func (s *Session) Guided() bool { return s.a.Guided() }

// Validate re-checks the current drafts and emits the findings.
func (s *Session) Validate() []contract.Finding {
	name := s.Name()
	if name == "" {
		name = "dataset"
	}
	fs := s.a.checkDrafts(name, s.Canvas(), s.Contract())
	s.emit(Event{Type: EventFindings, Findings: fs})
	s.sync()
	return fs
}

// Result is the session's drafts as a Result.
func (s *Session) Result() *Result {
	name := s.Name()
	s.mu.Lock()
	defer s.mu.Unlock()
	r := &Result{Name: name, Canvas: s.canvas, Contract: s.yml, Attempts: s.attempts, Calls: s.m.calls, Usage: s.m.usage,
		Findings: append([]contract.Finding(nil), s.findings...), OpenQuestions: s.questions, StopReason: s.stop, Lang: s.lang}
	if q := s.iv.OpenQuestions(); len(q) > 0 {
		r.OpenQuestions = append(r.OpenQuestions, q...)
	}
	r.Valid = r.Contract != "" && !contract.HasErrors(r.Findings)
	r.Cost = s.a.cost(r.Usage)
	return r
}

// Save writes the current drafts (the /save command).
func (s *Session) Save() (SavedPaths, error) {
	defer s.sync()
	if s.Contract() == "" && s.Canvas() == "" {
		return SavedPaths{}, errors.New("nothing to save yet: no draft")
	}
	return s.save(s.Result())
}

func (s *Session) save(res *Result) (SavedPaths, error) {
	if s.o.Root == "" {
		return SavedPaths{}, errors.New("no project to save into (run dataeng-os init)")
	}
	sp, err := SaveDrafts(s.o.Root, res, SaveOptions{Force: s.o.Force})
	if err != nil {
		s.emit(Event{Type: EventError, Text: err.Error()})
		return sp, err
	}
	s.emit(Event{Type: EventSaved, Paths: &sp, Name: res.Name, Time: time.Time{}})
	return sp, nil
}
