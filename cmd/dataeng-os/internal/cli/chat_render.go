package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/dataeng-os/dataeng-os/agent"
	"github.com/dataeng-os/dataeng-os/contract"
)

// chatRenderer prints session events: the conversation on stdout,
// progress on stderr. On a colour terminal the Architect's Markdown is
// rendered line by line (chat_markdown.go); piped output is plain text.
type chatRenderer struct {
	f      *Factory
	root   string
	line   strings.Builder // streamed text not yet printed (styled mode)
	midway bool            // streamed text left the cursor mid-line

	lang     func() string      // the session's language ("" = en)
	width    int                // stderr's terminal width; 0 = no wrapping
	asked    int                // questions asked so far
	question string             // the pending question
	seen     []contract.Finding // findings last shown
	showAll  bool               // list every finding once (/validate)
	drafts   int                // drafting attempts, guided reviews included
	reasks   int                // attempts after the first of a drafting loop

	attempting bool       // a model drafting loop runs (attempt ... stop)
	status     chatStatus // what the status line shows
	outWidth   int        // stdout's terminal width; 0 = no wrapping
	fence      bool       // streamed Markdown is inside a ``` block
}

func newChatRenderer(f *Factory, root string) *chatRenderer {
	return &chatRenderer{f: f, root: root, width: termWidth(f.IO.ErrOut), outWidth: termWidth(f.IO.Out)}
}

func (r *chatRenderer) render(ev agent.Event) {
	io := r.f.IO
	r.status.track(ev)
	switch ev.Type {
	case agent.EventToken:
		if ev.Phase == agent.PhaseInterview {
			r.stream(ev.Text)
		}
	case agent.EventAssistant:
		r.endLine()
	case agent.EventQuestion:
		r.endLine()
		r.asked++
		r.question = ev.Text
		r.ask(ev.Text)
	case agent.EventInfo:
		r.endLine()
		fmt.Fprintln(io.Out, wrapBlock(ev.Text, r.outWidth, 0))
	case agent.EventAttempt:
		r.track(ev)
		r.count(ev)
		fmt.Fprintf(io.ErrOut, "attempt %d/%d: drafting the canvas and the contract…\n", ev.Attempt, ev.MaxAttempts)
	case agent.EventRepair:
		fmt.Fprintf(io.ErrOut, "  fixed without a model call: %s\n", ev.Text)
	case agent.EventDraft:
		r.count(ev)
	case agent.EventFindings:
		r.findings(ev.Findings)
	case agent.EventStop:
		r.track(ev)
		if ev.Reason != agent.StopValid && ev.Text != "" {
			fmt.Fprint(io.Out, io.Yellow(ev.Text))
		}
	case agent.EventSaved:
		r.saved(ev)
	case agent.EventError:
		r.endLine()
		fmt.Fprintln(io.ErrOut, io.Red("error: ")+ev.Text)
	}
}

func (r *chatRenderer) stream(s string) {
	io := r.f.IO
	if !io.ColorEnabled() {
		r.plain(s)
		return
	}
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			r.line.WriteString(s)
			return
		}
		r.line.WriteString(s[:i])
		fmt.Fprintln(io.Out, r.markdownLine(r.line.String()))
		r.line.Reset()
		s = s[i+1:]
	}
}

// plain writes streamed text as it comes (the agent has already removed
// the prompt protocol's markers).
func (r *chatRenderer) plain(s string) {
	if s == "" {
		return
	}
	fmt.Fprint(r.f.IO.Out, s)
	r.midway = !strings.HasSuffix(s, "\n")
}

// endLine finishes a streamed line.
func (r *chatRenderer) endLine() {
	io := r.f.IO
	if r.line.Len() > 0 {
		fmt.Fprintln(io.Out, r.markdownLine(r.line.String()))
		r.line.Reset()
	}
	if r.midway {
		fmt.Fprintln(io.Out)
		r.midway = false
	}
}

func (r *chatRenderer) saved(ev agent.Event) {
	io := r.f.IO
	p := ev.Paths
	if p == nil {
		return
	}
	for _, path := range []string{p.Canvas, p.Contract, p.Findings} {
		if path != "" {
			fmt.Fprintln(io.Out, "saved "+r.rel(path))
		}
	}
	for _, k := range p.Kept {
		fmt.Fprintf(io.Out, "kept %s: a person edited it, so the new draft went beside it\n", r.rel(k))
	}
	if p.Draft {
		fmt.Fprintln(io.Out, io.Yellow("the drafts still have findings: answer the open questions, then /draft again"))
		return
	}
	fmt.Fprintln(io.Out, io.Green("✓ contract saved.")+" Next, scaffold the dbt models:")
	fmt.Fprintln(io.Out, "  dataeng-os scaffold "+r.rel(p.Contract))
}

// rel shows a path relative to the project root.
func (r *chatRenderer) rel(p string) string {
	if rel, err := filepath.Rel(r.root, p); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return p
}
