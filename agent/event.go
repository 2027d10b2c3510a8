package agent

import "github.com/dataeng-os/dataeng-os/agent/event"

// The typed events live in agent/event (so the guided interviewer can emit
// them without importing agent); these names are the same types.
type (
	EventType  = event.EventType
	Event      = event.Event
	Question   = event.Question
	SavedPaths = event.SavedPaths
)

// Event types, documents and stop reasons (see agent/event).
const (
	EventSession    = event.EventSession
	EventUser       = event.EventUser
	EventToken      = event.EventToken
	EventAssistant  = event.EventAssistant
	EventQuestion   = event.EventQuestion
	EventAttempt    = event.EventAttempt
	EventDraft      = event.EventDraft
	EventFindings   = event.EventFindings
	EventRepair     = event.EventRepair
	EventUsage      = event.EventUsage
	EventStop       = event.EventStop
	EventSaved      = event.EventSaved
	EventError      = event.EventError
	EventCancelled  = event.EventCancelled
	EventInfo       = event.EventInfo
	EventTurnEnd    = event.EventTurnEnd
	EventHistoryEnd = event.EventHistoryEnd
	DocCanvas       = event.DocCanvas
	DocContract     = event.DocContract
	StopValid       = event.StopValid
	StopAttempts    = event.StopAttempts
	StopTokens      = event.StopTokens
	StopRepeated    = event.StopRepeated
	StopCancelled   = event.StopCancelled
	StopError       = event.StopError
	StopOpen        = event.StopOpen
)

// EventTypes lists every event type (see event.EventTypes).
var EventTypes = event.EventTypes
