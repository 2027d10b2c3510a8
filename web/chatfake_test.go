package web

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/dataeng-os/dataeng-os/agent"
)

// fakeBackend is a hand-written ChatBackend: each conversation keeps its
// events in memory, as a journal would, so an unloaded one can be reopened.
type fakeBackend struct {
	greet string
	make  func(id string, emit func(agent.Event)) ChatSession
	mu    sync.Mutex
	n     int
	logs  map[string][]agent.Event
	opens int
}

func newFakeBackend(greet string, make func(id string, emit func(agent.Event)) ChatSession) *fakeBackend {
	return &fakeBackend{greet: greet, make: make, logs: map[string][]agent.Event{}}
}

// journaling wraps emit so the backend records what a session emits.
func (b *fakeBackend) journaling(id string, emit func(agent.Event)) func(agent.Event) {
	return func(ev agent.Event) {
		b.mu.Lock()
		b.logs[id] = append(b.logs[id], ev)
		b.mu.Unlock()
		emit(ev)
	}
}

func (b *fakeBackend) New(emit func(agent.Event)) (string, ChatSession, error) {
	b.mu.Lock()
	b.n++
	id := fmt.Sprintf("s%d", b.n)
	b.logs[id] = nil
	b.mu.Unlock()
	em := b.journaling(id, emit)
	if b.greet != "" {
		em(agent.Event{Type: agent.EventQuestion, Text: b.greet})
	}
	return id, b.make(id, em), nil
}

func (b *fakeBackend) Open(id string, emit func(agent.Event)) (ChatSession, []agent.Event, error) {
	b.mu.Lock()
	past, ok := b.logs[id]
	b.opens++
	b.mu.Unlock()
	if !ok {
		return nil, nil, fmt.Errorf("%w: %s", ErrNoChat, id)
	}
	return b.make(id, b.journaling(id, emit)), append([]agent.Event(nil), past...), nil
}

func (b *fakeBackend) List() ([]ChatInfo, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []ChatInfo
	for id, evs := range b.logs {
		out = append(out, ChatInfo{ID: id, Turns: len(evs)})
	}
	return out, nil
}

// fakeChat answers every message with a token stream, a contract draft
// and, when asked, an error that contains the API key.
type fakeChat struct {
	id   string
	key  string
	emit func(agent.Event)
}

func (f fakeChat) Send(ctx context.Context, msg string) error {
	f.emit(agent.Event{Type: agent.EventUser, Text: msg})
	f.emit(agent.Event{Type: agent.EventToken, Text: "Hello "})
	f.emit(agent.Event{Type: agent.EventAssistant, Text: "Hello from " + f.id + ", " + msg})
	f.emit(agent.Event{Type: agent.EventDraft, Doc: agent.DocContract, Content: unclassifiedYAML})
	if strings.Contains(msg, "fail") {
		return errors.New("provider said: bad key " + f.key)
	}
	if strings.Contains(msg, "slow") {
		<-ctx.Done()
	}
	return nil
}

func fakeChats(key string) *fakeBackend {
	return newFakeBackend("What data do you need?", func(id string, emit func(agent.Event)) ChatSession {
		return fakeChat{id: id, key: key, emit: emit}
	})
}
