package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dataeng-os/dataeng-os/agent/batch"
)

// draftProgress renders batch events on stderr: a live bar on a terminal,
// one plain line per finished note otherwise (pipes, CI).
type draftProgress struct {
	w      io.Writer
	tty    bool
	label  string
	step   string // the latest in-flight note's step: "orders · orders.status: type 4/11"
	stepOf string // the note of step
	last   time.Time
	drawn  bool
	color  func(code, s string) string
}

func newDraftProgress(f *Factory, label string) *draftProgress {
	tty := f.IO.IsStderrTTY() && f.Getenv("CI") == "" && f.Getenv("TERM") != "dumb"
	return &draftProgress{w: f.IO.ErrOut, tty: tty, label: label, color: f.IO.Color}
}

// event is the batch.Options.OnEvent callback (called one at a time).
func (p *draftProgress) event(ev batch.Event) {
	s := ev.Snapshot
	switch ev.Kind {
	case batch.EventStart:
		todo := s.Total - s.Skipped
		p.printLine(fmt.Sprintf("draft: %d notes, %d up to date, %d to draft (%s)", s.Total, s.Skipped, todo, p.label))
	case batch.EventNoteStep:
		p.step, p.stepOf = fmt.Sprintf("%s · %s %d/%d", ev.Note, ev.Label, ev.Step, ev.Steps), ev.Note
	case batch.EventNoteDone:
		if ev.Note == p.stepOf {
			p.step = ""
		}
		p.noteDone(ev)
	case batch.EventEnd:
		p.clear()
		return
	}
	if p.tty && (ev.Kind != batch.EventUsage && ev.Kind != batch.EventNoteStep || time.Since(p.last) > 100*time.Millisecond) {
		p.draw(s)
	}
}

func (p *draftProgress) noteDone(ev batch.Event) {
	r, s := ev.Row, ev.Snapshot
	if p.tty && r.Status == batch.StatusPassed {
		return // the bar counts it; only problems get a line of their own
	}
	msg := fmt.Sprintf("[%d/%d] %-11s %s (%s, %s tokens, %s)", s.Done(), s.Total-s.Skipped, r.Status, r.Note,
		draftPlural(r.Attempts, "attempt"), draftCount(r.Tokens.Total()), (time.Duration(r.DurationMS) * time.Millisecond).Round(10*time.Millisecond))
	if r.Error != "" {
		msg += ": " + r.Error
	} else if r.Status == batch.StatusDraft {
		msg += fmt.Sprintf(": %s, %s left", draftPlural(r.Findings, "finding"), draftPlural(len(r.Questions), "question"))
	}
	p.printLine("draft: " + msg)
}

func (p *draftProgress) printLine(s string) {
	p.clear()
	fmt.Fprintln(p.w, s)
}

func (p *draftProgress) clear() {
	if p.tty && p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drawn = false
	}
}

func (p *draftProgress) draw(s batch.Snapshot) {
	todo := max(s.Total-s.Skipped, 1)
	const width = 24
	fill := s.Done() * width / todo
	bar := strings.Repeat("█", fill) + strings.Repeat("░", width-fill)
	eta := "ETA --"
	if d, ok := s.ETA(); ok {
		eta = "ETA " + d.Round(time.Second).String()
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s %d/%d  %s %d  %s %d  %s %d  ⋯ %d in flight  %s tokens  %s",
		bar, s.Done(), todo, p.color("32", "✓"), s.Passed, p.color("33", "~"), s.Drafts,
		p.color("31", "✗"), s.Failed+s.Interrupted, s.InFlight, draftCount(s.Tokens.Total()), eta)
	if p.step != "" {
		fmt.Fprintf(p.w, "  %s", p.step)
	}
	p.drawn, p.last = true, time.Now()
}

// humanCount writes 1234 as 1.2k.
func draftCount(n int) string {
	switch {
	case n >= 1_000_000:
		return fmt.Sprintf("%.1fM", float64(n)/1e6)
	case n >= 1000:
		return fmt.Sprintf("%.1fk", float64(n)/1e3)
	}
	return fmt.Sprint(n)
}

func draftPlural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
