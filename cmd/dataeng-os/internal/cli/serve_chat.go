package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/dataeng-os/dataeng-os/agent"
	"github.com/dataeng-os/dataeng-os/kernel"
	"github.com/dataeng-os/dataeng-os/web"
)

// chatBackend gives the cockpit its conversations: each one an
// agent.Session journaled under .dataeng-os/sessions like a terminal chat,
// so `dataeng-os chat --resume ID` and the browser open the same ones. Its
// drafts go to the editor, which saves them.
type chatBackend struct {
	f *Factory
	p *kernel.Project
}

var _ web.ChatBackend = (*chatBackend)(nil)

// webSession is a cockpit conversation; Close closes its journal when the
// cockpit unloads it.
type webSession struct {
	*agent.Session
	j    *agent.Journal
	once sync.Once
}

func (w *webSession) Close() error {
	var err error
	w.once.Do(func() { err = w.j.Close() })
	return err
}

func (b *chatBackend) New(emit func(agent.Event)) (string, web.ChatSession, error) {
	a, err := newArchitect(b.f, b.p, "", "")
	if err != nil {
		return "", nil, err
	}
	id := newSessionID()
	j, err := agent.OpenJournal(filepath.Join(sessionsDir(b.p), id+".jsonl"))
	if err != nil {
		return "", nil, err
	}
	s := a.NewSession(agent.SessionOptions{ID: id, Root: b.p.Root, Journal: j, Sink: emit, Lang: langHint(b.f.Getenv)})
	fmt.Fprintf(b.f.IO.ErrOut, "cockpit: conversation %s (%s)\n", id, modeLabel(a, ""))
	s.Start()
	return id, &webSession{Session: s, j: j}, nil
}

func (b *chatBackend) Open(id string, emit func(agent.Event)) (web.ChatSession, []agent.Event, error) {
	path := filepath.Join(sessionsDir(b.p), id+".jsonl")
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, nil, fmt.Errorf("%w: %s", web.ErrNoChat, id)
	}
	evs, err := readJournal(b.f, path)
	if err != nil {
		return nil, nil, err
	}
	provider := ""
	if len(evs) > 0 {
		provider = resumeProvider(evs[0])
	}
	a, err := newArchitect(b.f, b.p, provider, "")
	if err != nil {
		return nil, nil, err
	}
	j, err := agent.OpenJournal(path)
	if err != nil {
		return nil, nil, err
	}
	s, err := agent.ResumeSession(a, evs, agent.SessionOptions{ID: id, Root: b.p.Root, Journal: j, Sink: emit})
	if err != nil {
		j.Close()
		return nil, nil, fmt.Errorf("resume %s: %w", id, err)
	}
	secrets := secretValues(b.f, b.p.Config)
	for i := range evs {
		evs[i] = agent.RedactEvent(evs[i], secrets...)
	}
	return &webSession{Session: s, j: j}, evs, nil
}

func (b *chatBackend) List() ([]web.ChatInfo, error) {
	dir := sessionsDir(b.p)
	ids, err := listSessions(dir)
	if err != nil {
		return nil, err
	}
	out := make([]web.ChatInfo, 0, len(ids))
	for _, id := range ids {
		evs, err := agent.ReadJournal(filepath.Join(dir, id+".jsonl"))
		if err != nil {
			continue // sessions list reports it
		}
		s := agent.SummarizeSession(evs)
		out = append(out, web.ChatInfo{ID: id, Name: s.Name, Mode: s.Mode, Status: s.Status, Turns: s.Turns, Updated: s.Updated})
	}
	return out, nil
}
