package guided

import (
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/event"
	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/internal/msg"
)

// fieldCommand runs the fields commands of guided mode: /fields lists the
// fields so far, /undo removes the last one, /edit NAME [type, options]
// changes one (Portuguese aliases: /campos, /desfazer, /editar). ok is
// false for any other message. The current question is asked again.
func (g *Interviewer) fieldCommand(text string) (evs []event.Event, ok bool) {
	cmd, arg, _ := strings.Cut(strings.TrimSpace(text), " ")
	var info string
	switch strings.ToLower(cmd) {
	case "/fields", "/campos":
		info = g.listFields()
	case "/undo", "/desfazer":
		info = g.inFieldsStep(g.undoField)
	case "/edit", "/editar":
		info = g.inFieldsStep(func() string { return g.editCommand(strings.TrimSpace(arg)) })
	default:
		return nil, false
	}
	if info != "" {
		evs = []event.Event{{Type: event.EventInfo, Text: info}}
	}
	if g.cur != nil && !g.finished {
		evs = append(evs, g.ask(*g.cur))
	}
	return evs, true
}

// inFieldsStep runs fn while the fields are listed: later the drafts and
// follow-ups are built on them.
func (g *Interviewer) inFieldsStep(fn func() string) string {
	if g.finished || g.cur == nil || g.cur.Kind != QFields {
		return say(g.lang, "plain.closed")
	}
	return fn()
}

func (g *Interviewer) listFields() string {
	if len(g.fields) == 0 {
		return say(g.lang, "plain.listNone")
	}
	lines := []string{msg.N(g.lang, "plain.list", len(g.fields))}
	for _, f := range g.fields {
		lines = append(lines, "  "+g.echo(plainField{f: f, typed: typeGiven}))
	}
	return strings.Join(lines, "\n")
}

func (g *Interviewer) undoField() string {
	if len(g.fields) == 0 {
		return say(g.lang, "plain.undoNone")
	}
	last := g.fields[len(g.fields)-1]
	g.fields = g.fields[:len(g.fields)-1]
	if g.fieldEdit == last.Name {
		g.fieldEdit = ""
	}
	return say(g.lang, "plain.undone", last.Name)
}

// editCommand reads `/edit NAME` (the next answer is the field) or `/edit
// NAME type, options` (the change itself). NAME may be the field's words.
func (g *Interviewer) editCommand(arg string) string {
	words := strings.Fields(arg)
	if len(words) == 0 {
		return say(g.lang, "plain.editUsage")
	}
	for n := len(words); n >= 1; n-- {
		i := g.fieldIndex(strings.Join(words[:n], " "))
		if i < 0 {
			continue
		}
		name := g.fields[i].Name
		if rest := strings.Join(words[n:], " "); rest != "" {
			info, ok := g.editField(name, rest)
			if !ok {
				g.fieldEdit = "" // a one-line edit that failed leaves nothing pending
			}
			return info
		}
		g.fieldEdit = name
		return "" // the question asks for it
	}
	return say(g.lang, "plain.editUnknown", strings.Trim(words[0], "`:"), g.fieldNames())
}

// editField replaces field name with what body says: a whole field
// (`churn_date: timestamp, required`, a new name renames it) or only its
// type and options (`timestamp required`). A failed edit stays pending.
func (g *Interviewer) editField(name, body string) (string, bool) {
	i := g.fieldIndex(name)
	if i < 0 {
		g.fieldEdit = ""
		return say(g.lang, "plain.editUnknown", name, g.fieldNames()), false
	}
	line := strings.TrimSpace(body)
	if first, _, _ := strings.Cut(strings.TrimLeft(line, ": "), " "); strings.HasPrefix(line, ":") || startsWithOption(first, line) {
		line = name + ": " + strings.TrimLeft(line, ": ")
	}
	res := parsePlainFields(line, g.lang, g.cfg.Rules.Policy.PII)
	switch {
	case len(res.bad) > 0:
		g.fieldEdit = name
		return strings.Join(res.bad, "\n"), false
	case len(res.fields) != 1:
		g.fieldEdit = name
		return say(g.lang, "plain.editOne", len(res.fields)), false
	}
	pf := res.fields[0]
	if j := g.fieldIndex(pf.f.Name); j >= 0 && j != i {
		g.fieldEdit = name
		return say(g.lang, "plain.editTaken", pf.f.Name), false
	}
	if pf.f.Name == g.fields[i].Name && pf.f.BusinessName == "" {
		pf.f.BusinessName = g.fields[i].BusinessName
	}
	g.fields[i], g.fieldEdit = pf.f, ""
	return g.echo(pf), true
}

// startsWithOption reports an edit that gives only a type and options.
func startsWithOption(first, line string) bool {
	w := strings.ToLower(spec.FoldAccents(strings.Trim(first, ",")))
	_, known := plainWords[w]
	return known || isTypeWord(w) || optionOnly(line)
}
