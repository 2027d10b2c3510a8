package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ChatSession is one Architect conversation (agent.Session satisfies it).
// Send runs one turn and returns when it is over; the session reports what
// happens through the emit function it was started with. A session may also
// implement Draft(ctx) error (the panel's /draft) and Continue(ctx) error
// (/retry).
type ChatSession interface {
	Send(ctx context.Context, message string) error
}

// ChatStarter opens the panel's Architect session. emit takes every agent
// event (a JSON-serialisable value with a "type" field, such as
// agent.Event); the starter may emit a greeting before it returns.
type ChatStarter func(emit func(event any)) (ChatSession, error)

// chatEvent is one event as sent over SSE.
type chatEvent struct {
	ID   int
	Data []byte // JSON, secrets redacted
}

// chatHub runs the panel's single conversation and fans its events out to
// every open event stream, keeping a history so a page that (re)connects
// sees the conversation so far.
type chatHub struct {
	start   ChatStarter
	startMu sync.Mutex // held while the session starts (the starter emits)
	mu      sync.Mutex
	sess    ChatSession
	busy    bool
	history []chatEvent
	nextID  int
	subs    map[chan chatEvent]bool
}

const chatHistoryMax = 2000

func newChatHub(start ChatStarter) *chatHub {
	return &chatHub{start: start, subs: map[chan chatEvent]bool{}, nextID: 1}
}

func (h *chatHub) available() bool { return h.start != nil }

func (h *chatHub) publish(data []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	ev := chatEvent{ID: h.nextID, Data: data}
	h.nextID++
	h.history = append(h.history, ev)
	if len(h.history) > chatHistoryMax {
		h.history = h.history[len(h.history)-chatHistoryMax:]
	}
	for ch := range h.subs {
		select {
		case ch <- ev:
		default: // a stalled reader misses events rather than blocking the agent
		}
	}
}

func (h *chatHub) subscribe(after int) (chan chatEvent, []chatEvent) {
	h.mu.Lock()
	defer h.mu.Unlock()
	ch := make(chan chatEvent, 256)
	h.subs[ch] = true
	var past []chatEvent
	for _, ev := range h.history {
		if ev.ID > after {
			past = append(past, ev)
		}
	}
	return ch, past
}

func (h *chatHub) unsubscribe(ch chan chatEvent) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.subs, ch)
}

// emit marshals an agent event, redacts secrets and publishes it.
func (s *Server) emitChat(ev any) {
	data, err := json.Marshal(ev)
	if err != nil {
		data, _ = json.Marshal(map[string]string{"type": "error", "error": "event not serialisable: " + err.Error()})
	}
	s.chats.publish([]byte(s.redact(string(data))))
}

// apiChatSend posts the user's message; the reply streams over
// /api/chat/events. One turn runs at a time (409 while busy).
func (s *Server) apiChatSend(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Message string `json:"message"`
	}
	if !s.readJSON(w, r, &req) {
		return
	}
	h := s.chats
	if !h.available() {
		writeError(w, http.StatusServiceUnavailable, "the Architect is not available in this cockpit (start `dataeng-os serve` with a provider configured)")
		return
	}
	if req.Message == "" {
		writeError(w, http.StatusBadRequest, "message is empty")
		return
	}
	h.mu.Lock()
	if h.busy {
		h.mu.Unlock()
		writeError(w, http.StatusConflict, "the Architect is still answering the previous message")
		return
	}
	h.busy = true
	h.mu.Unlock()
	go s.runTurn(req.Message) // the session echoes the message as a "user" event
	writeJSON(w, http.StatusAccepted, map[string]any{"accepted": true})
}

func (s *Server) runTurn(msg string) {
	h := s.chats
	defer func() {
		h.mu.Lock()
		h.busy = false
		h.mu.Unlock()
		s.emitChat(map[string]string{"type": "turn_end"})
	}()
	sess, err := s.chatSession()
	if err != nil {
		s.emitChat(map[string]string{"type": "error", "error": err.Error()})
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	switch msg {
	case "/draft":
		if d, ok := sess.(interface{ Draft(context.Context) error }); ok {
			err = d.Draft(ctx)
		} else {
			err = sess.Send(ctx, msg)
		}
	case "/retry":
		if c, ok := sess.(interface{ Continue(context.Context) error }); ok {
			err = c.Continue(ctx)
		} else {
			err = sess.Send(ctx, msg)
		}
	default:
		if strings.HasPrefix(msg, "/") {
			s.emitChat(map[string]string{"type": "info", "text": chatHelp})
			return
		}
		err = sess.Send(ctx, msg)
	}
	if err != nil {
		s.emitChat(map[string]string{"type": "error", "error": err.Error()})
	}
}

// chatHelp lists the panel's commands.
const chatHelp = "Commands here: /draft drafts now from what you said so far; /retry asks the Architect again. " +
	"Drafts load into the editor: review them and press Save."

// chatSession returns the panel's session, starting it on first use (the
// first open event stream or message). A failed start is retried next time.
func (s *Server) chatSession() (ChatSession, error) {
	h := s.chats
	h.startMu.Lock()
	defer h.startMu.Unlock()
	h.mu.Lock()
	sess := h.sess
	h.mu.Unlock()
	if sess != nil {
		return sess, nil
	}
	sess, err := h.start(s.emitChat)
	if err != nil {
		return nil, fmt.Errorf("start the Architect: %w", err)
	}
	h.mu.Lock()
	h.sess = sess
	h.mu.Unlock()
	return sess, nil
}

// apiChatEvents streams chat events as Server-Sent Events, replaying the
// history after Last-Event-ID (or all of it).
func (s *Server) apiChatEvents(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		writeError(w, http.StatusInternalServerError, "streaming unsupported")
		return
	}
	after, _ := strconv.Atoi(r.Header.Get("Last-Event-ID"))
	ch, past := s.chats.subscribe(after)
	if site := r.Header.Get("Sec-Fetch-Site"); s.chats.available() && (site == "" || site == "same-origin") {
		go func() { // greet: start the session when the panel first connects
			if _, err := s.chatSession(); err != nil {
				s.emitChat(map[string]string{"type": "error", "error": err.Error()})
			}
		}()
	}
	defer s.chats.unsubscribe(ch)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	fmt.Fprintf(w, "retry: 2000\n: %s\n\n", "dataeng-os chat")
	for _, ev := range past {
		writeSSE(w, ev)
	}
	fl.Flush()
	ping := time.NewTicker(20 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case ev := <-ch:
			writeSSE(w, ev)
			fl.Flush()
		case <-ping.C:
			fmt.Fprint(w, ": ping\n\n")
			fl.Flush()
		}
	}
}

func writeSSE(w http.ResponseWriter, ev chatEvent) {
	fmt.Fprintf(w, "id: %d\ndata: %s\n\n", ev.ID, ev.Data)
}
