package web

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/dataeng-os/dataeng-os/agent"
	"github.com/dataeng-os/dataeng-os/providers/scripted"
)

// scriptedChat is one conversation's scripted Architect: every answer is
// streamed in tokens that name its conversation and turn, so a token in the
// wrong stream is cross-talk.
type scriptedChat struct {
	id   string
	emit func(agent.Event)
}

func (c scriptedChat) Send(ctx context.Context, msg string) error {
	c.emit(agent.Event{Type: agent.EventUser, Text: "[" + c.id + "] " + msg})
	for k := 0; k < 5; k++ {
		time.Sleep(time.Millisecond) // a provider streaming
		c.emit(agent.Event{Type: agent.EventToken, Text: fmt.Sprintf("[%s] token %d ", c.id, k)})
	}
	c.emit(agent.Event{Type: agent.EventAssistant, Text: "[" + c.id + "] answer to " + msg})
	return nil
}

// scriptedBackend starts scripted conversations; like a journal on disk,
// it keeps nothing in memory.
type scriptedBackend struct{ ids idCounter }

// idCounter numbers a backend's conversations.
type idCounter struct {
	mu sync.Mutex
	n  int
}

func (c *idCounter) next(prefix string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
	return fmt.Sprintf("%s%03d", prefix, c.n)
}

func (b *scriptedBackend) New(emit func(agent.Event)) (string, ChatSession, error) {
	id := b.ids.next("load")
	return id, scriptedChat{id: id, emit: emit}, nil
}

func (b *scriptedBackend) Open(id string, emit func(agent.Event)) (ChatSession, []agent.Event, error) {
	return scriptedChat{id: id, emit: emit}, nil, nil
}

func (b *scriptedBackend) List() ([]ChatInfo, error) { return nil, nil }

// agentBackend starts real agent sessions, journaled under dir, each with
// its own scripted provider that answers in the conversation's name.
type agentBackend struct {
	dir string
	ids idCounter
}

func (b *agentBackend) New(emit func(agent.Event)) (string, ChatSession, error) {
	id := b.ids.next("agent")
	s, err := b.session(id, emit)
	if err != nil {
		return "", nil, err
	}
	s.Start()
	return id, s, nil
}

func (b *agentBackend) session(id string, emit func(agent.Event)) (*agent.Session, error) {
	p := scripted.New(scripted.Turn{Text: "[" + id + "] Who will use this data, and how often?", Repeat: true, ChunkSize: -1})
	a, err := agent.New(agent.Options{Provider: p, Model: "scripted"})
	if err != nil {
		return nil, err
	}
	j, err := agent.OpenJournal(filepath.Join(b.dir, id+".jsonl"))
	if err != nil {
		return nil, err
	}
	return a.NewSession(agent.SessionOptions{ID: id, Journal: j, Sink: emit}), nil
}

func (b *agentBackend) Open(id string, emit func(agent.Event)) (ChatSession, []agent.Event, error) {
	s, err := b.session(id, emit)
	return s, nil, err
}

func (b *agentBackend) List() ([]ChatInfo, error) { return nil, nil }
