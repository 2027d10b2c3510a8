package cli

import (
	"fmt"
	"os"

	"golang.org/x/term"

	"github.com/dataeng-os/dataeng-os/agent"
	"github.com/dataeng-os/dataeng-os/contract"
)

// count keeps the drafting counters: a model drafting attempt starts with
// an attempt event; a guided review drafts the contract with no attempt
// event, so a contract draft outside a model attempt counts too.
func (r *chatRenderer) count(ev agent.Event) {
	switch {
	case ev.Type == agent.EventAttempt:
		r.drafts++
		if ev.Attempt > 1 {
			r.reasks++
		}
	case ev.Type == agent.EventDraft && ev.Doc == agent.DocContract && !r.attempting:
		r.drafts++
	}
}

// resumed primes the renderer with a replayed session: its counters and
// the findings already known, so only later changes are shown.
func (r *chatRenderer) resumed(events []agent.Event, findings []contract.Finding) {
	for _, ev := range events {
		r.status.track(ev)
		switch ev.Type {
		case agent.EventAttempt, agent.EventDraft:
			r.track(ev)
			r.count(ev)
		case agent.EventStop:
			r.track(ev)
		case agent.EventQuestion:
			r.question = ev.Text
		}
	}
	r.seen = findings
}

// track follows model drafting loops (attempt ... stop): a contract
// draft inside one belongs to its attempt.
func (r *chatRenderer) track(ev agent.Event) {
	switch ev.Type {
	case agent.EventAttempt:
		r.attempting = true
	case agent.EventStop:
		r.attempting = false
	}
}

// findings shows what changed since the findings last shown, or all of
// them after /validate.
func (r *chatRenderer) findings(fs []contract.Finding) {
	v := r.view()
	lines := v.changes(r.seen, fs)
	if r.showAll {
		lines, r.showAll = v.all(fs), false
	}
	for _, l := range lines {
		fmt.Fprintln(r.f.IO.ErrOut, l)
	}
	r.seen = fs
}

// showFindings lists every current finding (/findings).
func (r *chatRenderer) showFindings(fs []contract.Finding) {
	for _, l := range r.view().all(fs) {
		fmt.Fprintln(r.f.IO.ErrOut, l)
	}
}

func (r *chatRenderer) view() findingsView {
	io := r.f.IO
	lang := ""
	if r.lang != nil {
		lang = r.lang()
	}
	return findingsView{width: r.width, lang: lang, root: r.root, exists: fileExists,
		dim: func(s string) string { return io.Color("2", s) }, red: io.Red, green: io.Green}
}

// repeatQuestion asks the pending question again (after a slash command).
func (r *chatRenderer) repeatQuestion() {
	if r.question != "" {
		r.ask(r.question)
	}
}

// ask prints a question under the "architect>" label, wrapped to a
// terminal's width with the label as a hanging indent.
func (r *chatRenderer) ask(q string) {
	const label = "architect> "
	fmt.Fprintln(r.f.IO.Out, r.f.IO.Bold(label)+wrapBlock(q, r.outWidth, len(label)))
}

// termWidth is w's terminal width, or 0 when w is not a terminal.
func termWidth(w any) int {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0
	}
	if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols > 0 {
		return cols
	}
	return 80
}
