// Package event holds the Architect's typed events: what a session, a
// draft from notes or a batch emits, and what the terminal, the cockpit and
// the session journal render or store. Package agent re-exports them; the
// guided interviewer (agent/guided) emits them without importing agent.
package event

import (
	"time"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/providers"
)

// EventType tells what an Event carries. It is the "type" field of the
// event's JSON form (session files, the cockpit's SSE stream).
type EventType string

// Event types.
const (
	// EventSession opens a session file: ID, Mode, Provider, Model, Lang.
	EventSession EventType = "session"
	// EventUser is a message from the person (Text).
	EventUser EventType = "user"
	// EventToken is a streamed text delta (Text). Never journaled: the
	// complete message follows as EventAssistant.
	EventToken EventType = "token"
	// EventAssistant is a completed model message (Text, Phase).
	EventAssistant EventType = "assistant"
	// EventQuestion is a question to the person (Text; Question for guided
	// mode's structured question).
	EventQuestion EventType = "question"
	// EventAttempt starts a drafting attempt (Attempt, MaxAttempts).
	EventAttempt EventType = "attempt"
	// EventDraft carries a complete draft (Doc = canvas|contract, Content).
	EventDraft EventType = "draft"
	// EventFindings carries the validator's findings for the current drafts
	// (Findings; empty means the drafts pass).
	EventFindings EventType = "findings"
	// EventRepair reports a mechanical fix applied without a model call.
	EventRepair EventType = "repair"
	// EventUsage reports one model call's usage (Usage) and the running
	// total (Total, Cost).
	EventUsage EventType = "usage"
	// EventStop ends a drafting loop (Reason, Text = what is left).
	EventStop EventType = "stop"
	// EventSaved reports written files (Paths).
	EventSaved EventType = "saved"
	// EventError reports a failure (Text); the session goes on.
	EventError EventType = "error"
	// EventCancelled marks a turn cancelled by the person (Text = the
	// partial answer, which is discarded).
	EventCancelled EventType = "cancelled"
	// EventInfo is a notice to show the person (Text).
	EventInfo EventType = "info"

	// EventTurnEnd says a turn is over (the cockpit sends it; renderers
	// accept input again). Never journaled.
	EventTurnEnd EventType = "turn_end"
	// EventHistoryEnd follows the replayed history of a conversation on
	// the cockpit's event stream: what comes after it is live.
	EventHistoryEnd EventType = "history_end"
)

// EventTypes lists every event type, for renderers that mirror them (the
// cockpit's events.js is checked against it).
var EventTypes = []EventType{EventSession, EventUser, EventToken, EventAssistant, EventQuestion,
	EventAttempt, EventDraft, EventFindings, EventRepair, EventUsage, EventStop, EventSaved,
	EventError, EventCancelled, EventInfo, EventTurnEnd, EventHistoryEnd}

// Event is one thing that happened in a session. It is JSON-serialisable;
// renderers switch on Type and ignore fields they do not know.
type Event struct {
	Type     EventType          `json:"type"`
	Time     time.Time          `json:"time,omitzero"`
	Session  string             `json:"session,omitempty"`
	Phase    string             `json:"phase,omitempty"`
	Text     string             `json:"text,omitempty"`
	Doc      string             `json:"doc,omitempty"`
	Content  string             `json:"content,omitempty"`
	Findings []contract.Finding `json:"findings,omitempty"`
	Question *Question          `json:"question,omitempty"`

	// Step of Steps: progress inside one draft (assist mode: question 4 of 11).
	Step  int `json:"step,omitempty"`
	Steps int `json:"steps,omitempty"`

	Attempt     int              `json:"attempt,omitempty"`
	MaxAttempts int              `json:"maxAttempts,omitempty"`
	Reason      string           `json:"reason,omitempty"`
	Usage       *providers.Usage `json:"usage,omitempty"`
	Total       *providers.Usage `json:"total,omitempty"`
	Cost        float64          `json:"cost,omitempty"` // USD, when a price is configured

	Paths *SavedPaths `json:"paths,omitempty"`
	Name  string      `json:"name,omitempty"`

	// Session metadata (EventSession).
	Mode     string `json:"mode,omitempty"` // guided | model | notes
	Provider string `json:"provider,omitempty"`
	Model    string `json:"model,omitempty"`
	Lang     string `json:"lang,omitempty"`
}

// Question is a guided-mode question: Kind says what the answer sets.
type Question struct {
	Kind    string `json:"kind"`              // name, section, table, fields, finding
	Section string `json:"section,omitempty"` // canvas section title
	Path    string `json:"path,omitempty"`    // contract path a finding answer sets
	Field   string `json:"field,omitempty"`   // the property concerned
	Key     string `json:"key,omitempty"`     // the key a finding answer sets (classification, masking...)
	Default string `json:"default,omitempty"` // the answer an empty reply means
	Text    string `json:"text"`
}

// Documents.
const (
	DocCanvas   = "canvas"
	DocContract = "contract"
)

// Stop reasons.
const (
	StopValid     = "valid"
	StopAttempts  = "max-attempts"
	StopTokens    = "token-budget"
	StopRepeated  = "repeated-findings"
	StopCancelled = "cancelled"
	StopError     = "error"
	// StopOpen ends a guided interview whose drafts keep findings the
	// person skipped.
	StopOpen = "open-findings"
)

// SavedPaths says what agent.SaveDrafts wrote. Paths are projectRoot joined with
// the project-relative path.
type SavedPaths struct {
	Canvas   string `json:"canvas,omitempty"`
	Contract string `json:"contract,omitempty"`
	// Findings is the JSON file with the open findings and questions,
	// written when a draft did not pass.
	Findings string `json:"findings,omitempty"`
	// Draft is true when a document was saved as a draft
	// (<name>.draft.odcs.yaml, <name>.draft.md) because it has findings.
	Draft bool `json:"draft,omitempty"`
	// Kept lists human-edited files that were left alone; the new draft was
	// written beside each of them.
	Kept []string `json:"kept,omitempty"`
	// Owned lists the project-relative files that belong to another note
	// (SaveOptions.Owned) and were left alone; the new draft is beside each.
	Owned []string `json:"owned,omitempty"`
}
