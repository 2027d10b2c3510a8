package cli

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/dataeng-os/dataeng-os/agent"
	"github.com/dataeng-os/dataeng-os/contract"
)

// chatRenderer prints session events: the conversation on stdout,
// progress on stderr. On a colour terminal streamed Markdown gets light
// styling (headings, bullets), line by line; piped output is plain text.
type chatRenderer struct {
	f      *Factory
	root   string
	line   strings.Builder // streamed text not yet printed (styled mode)
	midway bool            // streamed text left the cursor mid-line
}

func newChatRenderer(f *Factory, root string) *chatRenderer {
	return &chatRenderer{f: f, root: root}
}

func (r *chatRenderer) render(ev agent.Event) {
	io := r.f.IO
	switch ev.Type {
	case agent.EventToken:
		if ev.Phase == agent.PhaseInterview {
			r.stream(ev.Text)
		}
	case agent.EventAssistant:
		r.endLine()
	case agent.EventQuestion:
		r.endLine()
		fmt.Fprintln(io.Out, io.Bold("architect> ")+ev.Text)
	case agent.EventInfo:
		r.endLine()
		fmt.Fprintln(io.Out, ev.Text)
	case agent.EventAttempt:
		fmt.Fprintf(io.ErrOut, "attempt %d/%d: drafting the canvas and the contract…\n", ev.Attempt, ev.MaxAttempts)
	case agent.EventRepair:
		fmt.Fprintf(io.ErrOut, "  fixed without a model call: %s\n", ev.Text)
	case agent.EventFindings:
		r.findings(ev.Findings)
	case agent.EventStop:
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
		fmt.Fprintln(io.Out, r.styled(r.line.String()))
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
		fmt.Fprintln(io.Out, r.styled(r.line.String()))
		r.line.Reset()
	}
	if r.midway {
		fmt.Fprintln(io.Out)
		r.midway = false
	}
}

func (r *chatRenderer) styled(l string) string {
	io := r.f.IO
	t := strings.TrimSpace(l)
	switch {
	case strings.HasPrefix(t, "#"):
		return io.Bold(strings.TrimSpace(strings.TrimLeft(t, "#")))
	case strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* "):
		return strings.Replace(l, t[:2], "• ", 1)
	case strings.Contains(l, "**"):
		parts := strings.Split(l, "**")
		for i := 1; i < len(parts); i += 2 {
			parts[i] = io.Bold(parts[i])
		}
		return strings.Join(parts, "")
	}
	return l
}

func (r *chatRenderer) findings(fs []contract.Finding) {
	io := r.f.IO
	errs := 0
	for _, f := range fs {
		if f.Severity == contract.SeverityError {
			errs++
		}
	}
	if errs == 0 {
		fmt.Fprintln(io.ErrOut, io.Green("✓ the drafts pass validation")+warnSuffix(len(fs)))
		return
	}
	fmt.Fprintf(io.ErrOut, "validator: %d errors, %d warnings\n", errs, len(fs)-errs)
	for _, f := range fs {
		line := "  " + f.String()
		if f.Severity == contract.SeverityError {
			line = io.Red(line)
		}
		fmt.Fprintln(io.ErrOut, line)
	}
}

func warnSuffix(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf(" (%d warnings)", n)
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
