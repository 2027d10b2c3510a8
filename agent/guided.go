package agent

import (
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/internal/msg"
)

// Question kinds in guided mode.
const (
	QName    = "name"
	QSection = "section"
	QTable   = "table"
	QFields  = "fields"
	QOwner   = "owner"
	QFinding = "finding"
)

// guided is the offline interviewer: it asks the canvas template's
// questions one by one, reads fields in the line format, builds the canvas
// and the contract, and turns each validator finding into a follow-up
// question. It is deterministic: replaying the same answers rebuilds the
// same state (resume).
type guided struct {
	a       *Architect
	lang    string
	fixLang bool
	steps   []Question
	pos     int
	cur     *Question

	name, table, tableDesc       string
	purpose, domain, team, owner string
	source                       string // the dbt source name the person gave in a follow-up
	answers                      map[string]string
	fields                       []FieldSpec
	notes                        []string // questions the person skipped
	derived                      []string // open questions the last build found (mart, freshness)
	skipped                      map[string]bool
	fieldEdit                    string // the field a bare `/edit NAME` waits for
	business                     string // the product name's words when name is the proposed snake name

	canvas, yml string
	findings    []contract.Finding
	finished    bool
}

func newGuided(a *Architect, lang string) *guided {
	g := &guided{a: a, lang: lang, fixLang: a.opts.Language != "", answers: map[string]string{}, skipped: map[string]bool{}}
	if g.lang == "" {
		g.lang = "en"
	}
	g.steps = append(g.steps, Question{Kind: QName})
	hasOwner := false
	for _, s := range a.sections {
		switch sectionRole(s.Title) {
		case roleFields:
			g.steps = append(g.steps, Question{Kind: QTable, Section: s.Title}, Question{Kind: QFields, Section: s.Title})
		case roleOwner:
			hasOwner = true
			g.steps = append(g.steps, Question{Kind: QSection, Section: s.Title})
		default:
			g.steps = append(g.steps, Question{Kind: QSection, Section: s.Title})
		}
	}
	if !hasOwner {
		g.steps = append(g.steps, Question{Kind: QOwner})
	}
	return g
}

// start returns the greeting and the first question.
func (g *guided) start() []Event {
	return []Event{{Type: EventInfo, Text: texts(g.lang).greeting}, g.ask(g.steps[0])}
}

// answer takes the person's reply to the current question.
func (g *guided) answer(text string) []Event {
	text = strings.TrimSpace(text)
	if evs, ok := g.fieldCommand(text); ok { // /fields, /undo, /edit
		return evs
	}
	if !g.fixLang && msg.Substantive(text) { // the first message that tells fixes it
		if l := DetectLanguage(text); l != "" {
			g.lang, g.fixLang = l, true
		}
	}
	if g.finished {
		if contract.HasErrors(g.findings) {
			return []Event{{Type: EventInfo, Text: texts(g.lang).leftHint + " " + strings.Join(g.openNotes(), "; ")}}
		}
		return []Event{{Type: EventInfo, Text: texts(g.lang).allSet}}
	}
	if g.cur == nil {
		return []Event{g.ask(g.steps[g.pos])}
	}
	q := *g.cur
	var evs []Event
	var retry string
	switch q.Kind {
	case QFinding:
		retry = g.applyFinding(q, text)
	case QFields:
		var more bool
		if evs, more = g.answerFields(text); more {
			return append(evs, g.ask(q)) // stay on the fields list until "done"
		}
	default:
		retry = g.applyStep(q, text)
	}
	if retry != "" {
		return append(evs, Event{Type: EventInfo, Text: retry}, g.ask(q))
	}
	if q.Kind != QFinding {
		g.pos++
		if g.pos < len(g.steps) {
			return append(evs, g.ask(g.steps[g.pos]))
		}
		evs = append(evs, Event{Type: EventInfo, Text: texts(g.lang).drafting})
	}
	return append(evs, g.review()...)
}

// review builds and validates the drafts and asks the next follow-up, or
// finishes.
func (g *guided) review() []Event {
	g.build()
	g.findings = g.a.checkDrafts(SanitizeName(g.name), g.canvas, g.yml)
	evs := []Event{
		{Type: EventDraft, Doc: DocCanvas, Content: g.canvas},
		{Type: EventDraft, Doc: DocContract, Content: g.yml},
		{Type: EventFindings, Findings: g.findings},
	}
	if q := g.followUp(); q != nil {
		return append(evs, g.ask(*q))
	}
	g.finished, g.cur = true, nil
	return evs
}

func (g *guided) ask(q Question) Event {
	t := texts(g.lang)
	switch q.Kind {
	case QName:
		q.Text = t.qName
	case QTable:
		q.Text = t.qTable
	case QFields:
		q.Text = g.fieldsQuestion()
	case QOwner:
		q.Text = t.qOwner
	case QSection:
		q.Text = g.sectionQuestion(q.Section)
	}
	g.cur = &q
	return Event{Type: EventQuestion, Text: q.Text, Question: &q}
}

// sectionQuestion asks a canvas section: in Portuguese the catalog's
// question under the section's Portuguese label, in English the
// template's own question (the owner's from the catalog, with an example).
func (g *guided) sectionQuestion(title string) string {
	label, role := sectionLabel(title, g.lang), sectionRole(title)
	if g.lang == "pt" || role == roleOwner {
		if q := roleQuestion(role, g.lang); q != "" {
			return label + ": " + q
		}
	}
	tq := "?"
	for _, s := range g.a.sections {
		if s.Title == title && s.Question != "" {
			tq = s.Question
		}
	}
	return label + ": " + tq
}

// applyStep stores an interview answer; a non-empty result is why it must
// be asked again.
func (g *guided) applyStep(q Question, text string) string {
	switch q.Kind {
	case QName:
		return g.takeName(text)
	case QNameConfirm:
		return g.confirmName(text, q)
	case QTable:
		name, desc, _ := strings.Cut(text, ":")
		g.table, g.tableDesc = strings.TrimSpace(name), strings.TrimSpace(desc)
		if g.table == "" {
			g.table = SanitizeName(g.name)
		}
	case QOwner:
		g.team, g.owner = ownerFacts(text)
	case QSection:
		g.answers[q.Section] = text
		switch sectionRole(q.Section) {
		case roleOwner:
			g.team, g.owner = ownerFacts(text)
		case rolePurpose:
			g.purpose = text
		case roleDomain:
			g.domain = text
		}
	}
	return ""
}

func isDone(s string) bool {
	switch strings.ToLower(strings.Trim(strings.TrimSpace(s), "`.")) {
	case "", "done", "fim", "pronto", "end":
		return true
	}
	return false
}

// parseOwner reads "Checkout squad, bruno.souza" (team, then owner); a lone
// word with '.', '@' or '_' is taken as the owner, anything else as the team.
func parseOwner(s string) (team, owner string) {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '(' || r == ')' || r == '/' })
	for _, p := range parts {
		p = strings.TrimSpace(p)
		for _, pre := range []string{"owner:", "dono:", "lead:", "team:", "time:", "equipe:", "squad:"} {
			if len(p) >= len(pre) && strings.EqualFold(p[:len(pre)], pre) {
				p = strings.TrimSpace(p[len(pre):])
				break
			}
		}
		switch {
		case p == "":
		case owner == "" && !strings.Contains(p, " ") && strings.ContainsAny(p, ".@_"):
			owner = p
		case team == "":
			team = p
		case owner == "" && !strings.Contains(p, " "):
			owner = p
		}
	}
	return team, owner
}
