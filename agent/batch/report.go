package batch

import (
	"time"

	"github.com/dataeng-os/dataeng-os/providers"
)

// Row is one note in the report: its manifest entry, and whether this run
// skipped it.
type Row struct {
	Entry
	Skipped bool   `json:"skipped,omitempty"`
	Reason  string `json:"reason,omitempty"`
}

// Summary totals a run.
type Summary struct {
	Notes       int             `json:"notes"`
	Drafted     int             `json:"drafted"` // notes run this time
	Skipped     int             `json:"skipped"`
	Passed      int             `json:"passed"`
	Drafts      int             `json:"drafts"` // draft with open findings
	Failed      int             `json:"failed"`
	Interrupted int             `json:"interrupted"`
	Pending     int             `json:"pending,omitempty"` // never drafted (skipped by --retry-failed)
	Preserved   int             `json:"preserved"`         // edited files kept by this run
	Calls       int             `json:"calls"`
	Tokens      providers.Usage `json:"tokens"`
	CostUSD     float64         `json:"costUSD"`
	ElapsedMS   int64           `json:"elapsedMs"`
}

// Report is the result of a batch.
type Report struct {
	Out         string  `json:"out"`
	Manifest    string  `json:"manifest"`
	Interrupted bool    `json:"interrupted,omitempty"`
	Summary     Summary `json:"summary"`
	Notes       []Row   `json:"notes"`
}

// NeedsHuman reports whether some note did not end with a valid contract.
func (r *Report) NeedsHuman() bool {
	return r.Interrupted || r.Summary.Passed < r.Summary.Notes
}

// summarize counts every row, skipped ones by their recorded status.
func (r *Report) summarize(elapsed time.Duration) {
	s := Summary{Notes: len(r.Notes), ElapsedMS: elapsed.Milliseconds()}
	for _, row := range r.Notes {
		if row.Skipped {
			s.Skipped++
		} else {
			s.Drafted++
			s.Calls += row.Calls
			s.Tokens = s.Tokens.Add(row.Tokens)
			s.CostUSD += row.CostUSD
			s.Preserved += len(row.Preserved)
		}
		switch row.Status {
		case StatusPassed:
			s.Passed++
		case StatusDraft:
			s.Drafts++
		case StatusInterrupted:
			s.Interrupted++
		case "":
			s.Pending++
		default:
			s.Failed++
		}
	}
	r.Summary = s
}

// EventKind says what an Event reports.
type EventKind int

// Event kinds.
const (
	EventStart     EventKind = iota // the batch starts; Snapshot.Total is set
	EventNoteStart                  // a worker took Note
	EventUsage                      // a model call of Note finished; tokens updated
	EventNoteDone                   // Note finished; Row holds its record
	EventNoteStep                   // Note's draft moved on: Step of Steps, Label
	EventEnd                        // the batch is over
)

// Event is a progress report; the command only renders it.
type Event struct {
	Kind     EventKind
	Note     string // the note's name
	Row      *Row   // EventNoteDone
	Snapshot Snapshot

	Step, Steps int    // EventNoteStep
	Label       string // EventNoteStep: what the step is ("orders.status: type")
}

// Snapshot is the batch's progress at an event.
type Snapshot struct {
	Total, Skipped         int
	Passed, Drafts, Failed int
	Interrupted, InFlight  int
	Calls                  int
	Tokens                 providers.Usage
	Elapsed                time.Duration
}

// Done is the number of notes finished in this run.
func (s Snapshot) Done() int { return s.Passed + s.Drafts + s.Failed + s.Interrupted }

// ETA estimates the time left from the mean time per finished note so far.
func (s Snapshot) ETA() (time.Duration, bool) {
	done, left := s.Done(), s.Total-s.Skipped-s.Done()
	if done == 0 || left <= 0 {
		return 0, left <= 0
	}
	return s.Elapsed / time.Duration(done) * time.Duration(left), true
}

func (s *Snapshot) count(st Status) {
	switch st {
	case StatusPassed:
		s.Passed++
	case StatusDraft:
		s.Drafts++
	case StatusInterrupted:
		s.Interrupted++
	default:
		s.Failed++
	}
}
