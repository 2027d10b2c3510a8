package guided

import (
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/event"
	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/internal/msg"
)

// The fields step in plain language. Every answer and command is a person
// message, so replaying a session's journal rebuilds the same fields.

// answerFields takes an answer of the fields step: a list of fields (one
// message, however many lines), the field a pending /edit waits for, or
// `done` (also as the list's last line). more is true while the step goes
// on.
func (g *Interviewer) answerFields(text string) (evs []event.Event, more bool) {
	body, done := trailingDone(text)
	ok := true
	if body != "" {
		var info string
		if g.fieldEdit != "" {
			info, ok = g.editField(g.fieldEdit, body)
		} else {
			info, ok = g.addFields(body)
		}
		evs = append(evs, event.Event{Type: event.EventInfo, Text: info})
	}
	if !done || !ok {
		return evs, true
	}
	g.fieldEdit = ""
	if len(g.fields) == 0 {
		return append(evs, event.Event{Type: event.EventInfo, Text: texts(g.lang).noFields}), true
	}
	return evs, false
}

// trailingDone splits a closing `done` line off an answer.
func trailingDone(text string) (string, bool) {
	text = strings.TrimSpace(text)
	if isDone(text) {
		return "", true
	}
	i := strings.LastIndex(text, "\n")
	if i >= 0 && isDone(text[i+1:]) {
		return strings.TrimSpace(text[:i]), true
	}
	return text, false
}

// addFields reads a field list and echoes each field; ok is false when an
// item could not be read (the others are kept).
func (g *Interviewer) addFields(body string) (string, bool) {
	res := parsePlainFields(body, g.lang, g.cfg.Rules.Policy.PII)
	var lines []string
	for _, pf := range res.fields {
		lines = append(lines, g.putField(pf))
	}
	return strings.Join(append(lines, res.bad...), "\n"), len(res.bad) == 0
}

// putField adds a field, or replaces the one of the same name in place.
func (g *Interviewer) putField(pf plainField) string {
	if i := g.fieldIndex(pf.f.Name); i >= 0 {
		g.fields[i] = pf.f
		return g.echo(pf) + say(g.lang, "plain.replaced", pf.f.Name)
	}
	g.fields = append(g.fields, pf.f)
	return g.echo(pf)
}

// echo is the line that confirms a field: `✓ churn_date — date, optional`,
// with how to change a guessed type.
func (g *Interviewer) echo(pf plainField) string {
	f := pf.f
	opts := []string{f.LogicalType}
	switch {
	case f.PrimaryKey:
		opts = append(opts, say(g.lang, "plain.pk"))
	case f.Required:
		opts = append(opts, say(g.lang, "plain.required"))
	default:
		opts = append(opts, say(g.lang, "plain.optional"))
	}
	if f.Unique && !f.PrimaryKey {
		opts = append(opts, say(g.lang, "plain.unique"))
	}
	if f.PII || f.PIIKind != spec.PIINone {
		pii := say(g.lang, "plain.pii")
		if f.PIIKind != spec.PIINone && f.PIIKind != spec.PIIOther {
			pii += " (" + string(f.PIIKind) + ")"
		}
		opts = append(opts, pii)
	}
	if f.Classification != "" {
		opts = append(opts, "classification="+f.Classification)
	}
	line := say(g.lang, "plain.echo", f.Name, strings.Join(append(opts, f.valueOptions()...), ", "))
	switch pf.typed {
	case typeGuessed:
		line += say(g.lang, "plain.guessName", f.Name)
	case typeDefault:
		line += say(g.lang, "plain.guessDefault", f.Name)
	}
	return line
}

// fieldIndex finds a field by its name, its business name, or the name
// its words make ("churn date" is churn_date); -1 when none.
func (g *Interviewer) fieldIndex(name string) int {
	name = strings.Trim(strings.TrimSpace(name), "`:")
	snake, _ := plainName(name)
	for i, f := range g.fields {
		if strings.EqualFold(f.Name, name) || f.Name == snake || f.BusinessName != "" && strings.EqualFold(f.BusinessName, name) {
			return i
		}
	}
	return -1
}

func (g *Interviewer) fieldNames() string {
	names := make([]string, len(g.fields))
	for i, f := range g.fields {
		names[i] = f.Name
	}
	if len(names) == 0 {
		return msg.Get(g.lang, "guided.none")
	}
	return strings.Join(names, ", ")
}

// fieldsQuestion is the fields step's question: the first, the next, or
// the field a bare /edit waits for.
func (g *Interviewer) fieldsQuestion() string {
	switch {
	case g.fieldEdit != "":
		return say(g.lang, "plain.editAsk", g.fieldEdit, g.fieldEdit)
	case len(g.fields) > 0:
		return say(g.lang, "plain.more")
	}
	return say(g.lang, "plain.qFields")
}
