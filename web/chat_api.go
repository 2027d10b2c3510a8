package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/dataeng-os/dataeng-os/agent"
)

// chatUnavailable is the answer when serve has no Architect.
const chatUnavailable = "the Architect is not available in this cockpit (start `dataeng-os serve` with a provider configured)"

// apiChatList lists the project's conversations (the same ones as
// `dataeng-os sessions list`).
func (s *Server) apiChatList(w http.ResponseWriter, r *http.Request) {
	if !s.chats.available() {
		writeError(w, http.StatusServiceUnavailable, chatUnavailable)
		return
	}
	list, err := s.chats.backend.List()
	if err != nil {
		writeError(w, http.StatusInternalServerError, "list conversations: %v", err)
		return
	}
	if list == nil {
		list = []ChatInfo{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"sessions": list})
}

// apiChatNew starts a new conversation, on the person's request only.
func (s *Server) apiChatNew(w http.ResponseWriter, r *http.Request) {
	if !s.chats.available() {
		writeError(w, http.StatusServiceUnavailable, chatUnavailable)
		return
	}
	rm, err := s.chats.create()
	if err != nil {
		writeError(w, http.StatusInternalServerError, "%s", s.redact(err.Error()))
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"session": rm.id})
}

// room resolves the request's conversation, writing the error response
// when there is none.
func (s *Server) room(w http.ResponseWriter, id string) *room {
	switch {
	case !s.chats.available():
		writeError(w, http.StatusServiceUnavailable, chatUnavailable)
		return nil
	case id == "":
		writeError(w, http.StatusBadRequest, "no conversation: start one with New conversation, or pick one on /chat")
		return nil
	}
	rm, err := s.chats.get(id)
	if errors.Is(err, ErrNoChat) {
		writeError(w, http.StatusNotFound, "no conversation %q", id)
		return nil
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, "open conversation %s: %s", id, s.redact(err.Error()))
		return nil
	}
	return rm
}

// apiChatSend posts a message to one conversation; the reply streams over
// /api/chat/events. One turn runs at a time per conversation.
func (s *Server) apiChatSend(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Session string `json:"session"`
		Message string `json:"message"`
	}
	if !s.readJSON(w, r, &req) {
		return
	}
	if strings.TrimSpace(req.Message) == "" {
		writeError(w, http.StatusBadRequest, "message is empty")
		return
	}
	rm := s.room(w, req.Session)
	if rm == nil {
		return
	}
	if !rm.claim() {
		writeJSON(w, http.StatusConflict, map[string]any{"busy": true,
			"error": "busy: another tab is sending in this conversation; its answer shows here too, then send again"})
		return
	}
	go s.runTurn(rm, req.Message) // the session echoes the message as a "user" event
	writeJSON(w, http.StatusAccepted, map[string]any{"accepted": true, "session": rm.id})
}

func (s *Server) runTurn(rm *room, msg string) {
	defer func() {
		rm.release()
		rm.publish(agent.Event{Type: agent.EventTurnEnd})
	}()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	var err error
	switch {
	case msg == "/draft":
		if d, ok := rm.sess.(interface{ Draft(context.Context) error }); ok {
			err = d.Draft(ctx)
		} else {
			err = rm.sess.Send(ctx, msg)
		}
	case msg == "/retry":
		if c, ok := rm.sess.(interface{ Continue(context.Context) error }); ok {
			err = c.Continue(ctx)
		} else {
			err = rm.sess.Send(ctx, msg)
		}
	case fieldsCommand(msg) && guidedSession(rm.sess):
		err = rm.sess.Send(ctx, msg) // guided mode's /fields, /undo, /edit: journaled like an answer
	case strings.HasPrefix(msg, "/"):
		rm.publish(agent.Event{Type: agent.EventInfo, Text: chatHelp})
		return
	default:
		err = rm.sess.Send(ctx, msg)
	}
	if err != nil {
		rm.publish(agent.Event{Type: agent.EventError, Text: err.Error()})
	}
}

// chatHelp lists the panel's commands.
const chatHelp = "Commands here: /draft drafts now from what you said so far; /retry asks the Architect again; " +
	"while the fields are listed (no model): /fields lists them, /undo removes the last, /edit NAME changes one. " +
	"Drafts load into the editor: review them and press Save."

// fieldsCommand reports guided mode's field commands.
func fieldsCommand(msg string) bool {
	cmd, _, _ := strings.Cut(strings.TrimSpace(msg), " ")
	switch strings.ToLower(cmd) {
	case "/fields", "/undo", "/edit":
		return true
	}
	return false
}

// guidedSession reports a session of the guided interviewer.
func guidedSession(s any) bool {
	g, ok := s.(interface{ Guided() bool })
	return ok && g.Guided()
}

// apiChatEvents streams one conversation's events as Server-Sent Events,
// replaying its history after Last-Event-ID (or all of it), then a
// history_end event.
func (s *Server) apiChatEvents(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		writeError(w, http.StatusInternalServerError, "streaming unsupported")
		return
	}
	rm := s.room(w, r.URL.Query().Get("session"))
	if rm == nil {
		return
	}
	after, _ := strconv.Atoi(r.Header.Get("Last-Event-ID"))
	ch, past := rm.subscribe(after)
	defer rm.unsubscribe(ch)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	fmt.Fprintf(w, "retry: 2000\n: dataeng-os chat %s\n\n", rm.id)
	for _, ev := range past {
		writeSSE(w, ev)
	}
	fmt.Fprintf(w, "data: {\"type\":%q,\"session\":%q}\n\n", agent.EventHistoryEnd, rm.id)
	fl.Flush()
	s.streamRoom(r.Context(), w, fl, ch)
}

func (s *Server) streamRoom(ctx context.Context, w http.ResponseWriter, fl http.Flusher, ch chan chatEvent) {
	ping := time.NewTicker(20 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-ctx.Done():
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

// sweepChats unloads idle conversations until the server closes.
func (s *Server) sweepChats(idle time.Duration) {
	t := time.NewTicker(max(idle/4, time.Second))
	defer t.Stop()
	for {
		select {
		case <-s.done:
			return
		case <-t.C:
			s.chats.sweep(idle)
		}
	}
}
