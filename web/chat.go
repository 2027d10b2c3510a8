package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/dataeng-os/dataeng-os/agent"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

// ChatSession is one Architect conversation (agent.Session satisfies it).
// Send runs one turn and returns when it is over; the session reports what
// happens through the emit function it was opened with. A session may also
// implement Draft(ctx) error (the panel's /draft) and Continue(ctx) error
// (/retry).
type ChatSession interface {
	Send(ctx context.Context, message string) error
}

// ChatInfo describes one of the project's conversations.
type ChatInfo struct {
	ID      string    `json:"id"`
	Name    string    `json:"name,omitempty"`   // the product drafted, when known
	Mode    string    `json:"mode,omitempty"`   // guided | model
	Status  string    `json:"status,omitempty"` // interview, drafted, saved...
	Turns   int       `json:"turns"`
	Updated time.Time `json:"updated,omitzero"`
}

// ChatBackend creates, reopens and lists the project's conversations. The
// CLI implements it on agent sessions and their journals, so a chat begun
// in the terminal opens in the browser and the other way round.
type ChatBackend interface {
	// New starts a conversation; it may emit a greeting before returning.
	New(emit func(agent.Event)) (id string, s ChatSession, err error)
	// Open reloads a journaled conversation and returns its past events.
	Open(id string, emit func(agent.Event)) (ChatSession, []agent.Event, error)
	// List returns the conversations, newest first.
	List() ([]ChatInfo, error)
}

// ErrNoChat is what a ChatBackend's Open returns (wrapped) for a
// conversation that does not exist.
var ErrNoChat = errors.New("no such conversation")

// chatIDRE is what a conversation id may look like (it names a file).
var chatIDRE = lazyre.New(`^[A-Za-z0-9][A-Za-z0-9_.-]{0,80}$`)

// chatEvent is one event as sent over SSE.
type chatEvent struct {
	ID   int
	Data []byte // JSON, secrets redacted
}

const chatHistoryMax = 2000

// room is one loaded conversation: its session, the events so far (a page
// that connects late replays them) and the open event streams.
type room struct {
	id      string
	redact  func(string) string
	mu      sync.Mutex
	sess    ChatSession
	busy    bool
	used    time.Time
	history []chatEvent
	nextID  int
	subs    map[chan chatEvent]bool
}

func newRoom(id string, redact func(string) string) *room {
	return &room{id: id, redact: redact, nextID: 1, subs: map[chan chatEvent]bool{}, used: time.Now()}
}

// publish marshals an agent event, redacts it and fans it out.
func (r *room) publish(ev agent.Event) {
	data, err := json.Marshal(ev)
	if err != nil {
		data, _ = json.Marshal(agent.Event{Type: agent.EventError, Text: "event not serialisable: " + err.Error()})
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	ce := chatEvent{ID: r.nextID, Data: []byte(r.redact(string(data)))}
	r.nextID++
	r.history = append(r.history, ce)
	if len(r.history) > chatHistoryMax {
		r.history = r.history[len(r.history)-chatHistoryMax:]
	}
	for ch := range r.subs {
		select {
		case ch <- ce:
		default: // a stalled reader misses events rather than blocking the agent
		}
	}
}

func (r *room) subscribe(after int) (chan chatEvent, []chatEvent) {
	r.mu.Lock()
	defer r.mu.Unlock()
	ch := make(chan chatEvent, 256)
	r.subs[ch] = true
	r.used = time.Now()
	var past []chatEvent
	for _, ev := range r.history {
		if ev.ID > after {
			past = append(past, ev)
		}
	}
	return ch, past
}

func (r *room) unsubscribe(ch chan chatEvent) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.subs, ch)
	r.used = time.Now()
}

// claim marks the room busy for one turn; false when a turn is running.
func (r *room) claim() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.busy {
		return false
	}
	r.busy, r.used = true, time.Now()
	return true
}

func (r *room) release() {
	r.mu.Lock()
	r.busy, r.used = false, time.Now()
	r.mu.Unlock()
}

// idleSince reports whether nobody uses the room and it has been idle
// since before t.
func (r *room) idleSince(t time.Time) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return !r.busy && len(r.subs) == 0 && r.used.Before(t)
}

// rooms holds the loaded conversations. A page visit never starts one:
// New does, on request; get reloads a journaled one on demand, and sweep
// unloads the idle ones (their journals keep them).
type rooms struct {
	backend ChatBackend
	redact  func(string) string
	mu      sync.Mutex
	open    map[string]*room
}

func newRooms(b ChatBackend, redact func(string) string) *rooms {
	return &rooms{backend: b, redact: redact, open: map[string]*room{}}
}

func (rs *rooms) available() bool { return rs.backend != nil }

// create starts a new conversation.
func (rs *rooms) create() (*room, error) {
	var r *room
	pending := []agent.Event{}
	var mu sync.Mutex
	emit := func(ev agent.Event) { // the greeting may come before the id is known
		mu.Lock()
		defer mu.Unlock()
		if r == nil {
			pending = append(pending, ev)
			return
		}
		r.publish(ev)
	}
	id, sess, err := rs.backend.New(emit)
	if err != nil {
		return nil, fmt.Errorf("start a conversation: %w", err)
	}
	nr := newRoom(id, rs.redact)
	nr.sess = sess
	mu.Lock()
	for _, ev := range pending {
		nr.publish(ev)
	}
	r = nr
	mu.Unlock()
	rs.mu.Lock()
	rs.open[id] = nr
	rs.mu.Unlock()
	return nr, nil
}

// get returns a loaded conversation, reloading it from its journal.
func (rs *rooms) get(id string) (*room, error) {
	if !chatIDRE.MatchString(id) {
		return nil, fmt.Errorf("%w: %q", ErrNoChat, id)
	}
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if r := rs.open[id]; r != nil {
		return r, nil
	}
	r := newRoom(id, rs.redact)
	sess, past, err := rs.backend.Open(id, r.publish)
	if err != nil {
		return nil, err
	}
	for _, ev := range past {
		r.publish(ev)
	}
	r.sess = sess
	rs.open[id] = r
	return r, nil
}

// sweep unloads conversations idle for longer than idle.
func (rs *rooms) sweep(idle time.Duration) int {
	cut := time.Now().Add(-idle)
	rs.mu.Lock()
	defer rs.mu.Unlock()
	n := 0
	for id, r := range rs.open {
		if r.idleSince(cut) {
			delete(rs.open, id)
			if c, ok := r.sess.(io.Closer); ok {
				_ = c.Close()
			}
			n++
		}
	}
	return n
}

func (rs *rooms) loaded(id string) bool {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return rs.open[id] != nil
}
