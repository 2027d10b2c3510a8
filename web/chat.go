package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// ChatSession is one Architect conversation. Send runs one turn: it passes
// every agent event (a JSON-serialisable value with a "type" field, such as
// agent.Event) to emit and returns when the turn is over.
type ChatSession interface {
	Send(ctx context.Context, message string, emit func(event any)) error
}

// ChatStarter opens a new Architect session for the chat panel.
type ChatStarter func(ctx context.Context) (ChatSession, error)

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
	s.emitChat(map[string]string{"type": "user", "text": req.Message})
	go s.runTurn(req.Message)
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
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	h.mu.Lock()
	sess := h.sess
	h.mu.Unlock()
	if sess == nil {
		var err error
		if sess, err = h.start(ctx); err != nil {
			s.emitChat(map[string]string{"type": "error", "error": fmt.Sprintf("start the Architect: %v", err)})
			return
		}
		h.mu.Lock()
		h.sess = sess
		h.mu.Unlock()
	}
	if err := sess.Send(ctx, msg, s.emitChat); err != nil {
		s.emitChat(map[string]string{"type": "error", "error": err.Error()})
	}
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
