package agent

import (
	"time"

	"github.com/dataeng-os/dataeng-os/providers"
)

// SessionSummary describes a journaled session without replaying it.
type SessionSummary struct {
	ID       string          `json:"id"`
	Started  time.Time       `json:"started"`
	Updated  time.Time       `json:"updated"`
	Mode     string          `json:"mode"`
	Provider string          `json:"provider,omitempty"`
	Model    string          `json:"model,omitempty"`
	Lang     string          `json:"lang,omitempty"`
	Name     string          `json:"name,omitempty"`
	Turns    int             `json:"turns"`    // messages from the person
	Attempts int             `json:"attempts"` // drafting attempts
	Usage    providers.Usage `json:"usage"`
	Errors   int             `json:"errors"` // error findings on the latest drafts
	// Status is open (no draft saved), draft (saved with findings) or
	// saved (a passing contract was saved).
	Status string      `json:"status"`
	Saved  *SavedPaths `json:"saved,omitempty"`
}

// SummarizeSession folds a session's events into a summary.
func SummarizeSession(events []Event) SessionSummary {
	var s SessionSummary
	s.Status = "open"
	var yml string
	for _, ev := range events {
		if s.Started.IsZero() {
			s.Started = ev.Time
		}
		if !ev.Time.IsZero() {
			s.Updated = ev.Time
		}
		switch ev.Type {
		case EventSession:
			s.ID, s.Mode, s.Provider, s.Model, s.Lang = ev.Session, ev.Mode, ev.Provider, ev.Model, ev.Lang
		case EventUser:
			s.Turns++
		case EventAttempt:
			s.Attempts++
		case EventUsage:
			if ev.Total != nil {
				s.Usage = *ev.Total
			}
		case EventDraft:
			if ev.Doc == DocContract {
				yml = ev.Content
			}
		case EventFindings:
			s.Errors = len(errorsOnly(ev.Findings))
		case EventSaved:
			s.Saved, s.Name = ev.Paths, ev.Name
			s.Status = "saved"
			if ev.Paths != nil && ev.Paths.Draft {
				s.Status = "draft"
			}
		}
	}
	if s.Name == "" && yml != "" {
		s.Name = nameFromContract(yml)
	}
	return s
}
