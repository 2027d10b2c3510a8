package agent

import (
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/dataeng-os/dataeng-os/agent/guided"
	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/providers/scripted"
)

func fixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// reply renders a model answer with a canvas block and a YAML block.
func reply(canvas, yml string) string {
	var b strings.Builder
	b.WriteString("Here are the drafts.\n\n")
	if canvas != "" {
		b.WriteString("```markdown\n" + canvas + "```\n\n")
	}
	if yml != "" {
		b.WriteString("```yaml\n" + yml + "```\n")
	}
	return b.String()
}

// plain returns a scripted client without structured output.
func plain(turns ...scripted.Turn) *scripted.Client {
	return scripted.New(turns...).WithCapabilities(providers.Capabilities{Streaming: true})
}

func turn(text string) scripted.Turn { return scripted.Turn{Text: text, ChunkSize: -1} }

// recorder collects events.
type recorder struct {
	mu  sync.Mutex
	evs []Event
}

func (r *recorder) emit(ev Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.evs = append(r.evs, ev)
}

func (r *recorder) of(t EventType) []Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []Event
	for _, e := range r.evs {
		if e.Type == t {
			out = append(out, e)
		}
	}
	return out
}

func newArchitect(t testing.TB, p providers.Provider, mod func(*Options)) *Architect {
	t.Helper()
	o := Options{Provider: p}
	if mod != nil {
		mod(&o)
	}
	a, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func promptSize(r providers.Request) int {
	n := len(r.System)
	for _, m := range r.Messages {
		n += len(m.Content)
	}
	return n
}

// guidedOf is the guided interview a session without a model runs.
func guidedOf(s *Session) *guided.Interviewer { return s.iv.(*guidedInterviewer).g }
