package guided

import (
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/event"
	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/internal/msg"
	"github.com/dataeng-os/dataeng-os/prompts"
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

// Config is what the guided interviewer needs from its project: the
// canvas template's sections (one question each), the governance rules
// (PII policy, naming) and the validator the Architect runs on each draft.
type Config struct {
	Sections []prompts.Section
	Rules    contract.Rules
	// Check validates a draft pair: the canvas and the contract of name.
	Check func(name, canvas, contract string) []contract.Finding
	// FixedLang says the session's language is decided (--lang): the
	// person's messages do not change it.
	FixedLang bool
}

// Interviewer is the offline interviewer: it asks the canvas template's
// questions one by one, reads fields as people write them, builds the
// canvas and the contract, and turns each validator finding into a
// follow-up question. It knows nothing of models or providers and is
// deterministic: replaying the same answers rebuilds the same state
// (resume).
type Interviewer struct {
	cfg     Config
	lang    string
	fixLang bool
	steps   []event.Question
	pos     int
	cur     *event.Question

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

// New returns an interviewer in lang ("" = English until the person's
// first substantive message tells).
func New(cfg Config, lang string) *Interviewer {
	g := &Interviewer{cfg: cfg, lang: lang, fixLang: cfg.FixedLang, answers: map[string]string{}, skipped: map[string]bool{}}
	if g.lang == "" {
		g.lang = "en"
	}
	g.steps = append(g.steps, event.Question{Kind: QName})
	hasOwner := false
	for _, s := range cfg.Sections {
		switch sectionRole(s.Title) {
		case roleFields:
			g.steps = append(g.steps, event.Question{Kind: QTable, Section: s.Title}, event.Question{Kind: QFields, Section: s.Title})
		case roleOwner:
			hasOwner = true
			g.steps = append(g.steps, event.Question{Kind: QSection, Section: s.Title})
		default:
			g.steps = append(g.steps, event.Question{Kind: QSection, Section: s.Title})
		}
	}
	if !hasOwner {
		g.steps = append(g.steps, event.Question{Kind: QOwner})
	}
	return g
}

// Start returns the greeting and the first question.
func (g *Interviewer) Start() []event.Event {
	return []event.Event{{Type: event.EventInfo, Text: texts(g.lang).greeting}, g.ask(g.steps[0])}
}

// Answer takes the person's reply to the current question.
func (g *Interviewer) Answer(text string) []event.Event {
	text = strings.TrimSpace(text)
	if evs, ok := g.fieldCommand(text); ok { // /fields, /undo, /edit
		return evs
	}
	if !g.fixLang && msg.Substantive(text) { // the first message that tells fixes it
		if l := msg.Detect(text); l != "" {
			g.lang, g.fixLang = l, true
		}
	}
	if g.finished {
		if contract.HasErrors(g.findings) {
			return []event.Event{{Type: event.EventInfo, Text: texts(g.lang).leftHint + " " + strings.Join(g.OpenQuestions(), "; ")}}
		}
		return []event.Event{{Type: event.EventInfo, Text: texts(g.lang).allSet}}
	}
	if g.cur == nil {
		return []event.Event{g.ask(g.steps[g.pos])}
	}
	q := *g.cur
	var evs []event.Event
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
		return append(evs, event.Event{Type: event.EventInfo, Text: retry}, g.ask(q))
	}
	if q.Kind != QFinding {
		g.pos++
		if g.pos < len(g.steps) {
			return append(evs, g.ask(g.steps[g.pos]))
		}
		evs = append(evs, event.Event{Type: event.EventInfo, Text: texts(g.lang).drafting})
	}
	return append(evs, g.Review()...)
}

// Review builds and validates the drafts and asks the next follow-up, or
// finishes.
func (g *Interviewer) Review() []event.Event {
	g.build()
	g.findings = g.cfg.Check(spec.SanitizeName(g.name), g.canvas, g.yml)
	evs := []event.Event{
		{Type: event.EventDraft, Doc: event.DocCanvas, Content: g.canvas},
		{Type: event.EventDraft, Doc: event.DocContract, Content: g.yml},
		{Type: event.EventFindings, Findings: g.findings},
	}
	if q := g.followUp(); q != nil {
		return append(evs, g.ask(*q))
	}
	g.finished, g.cur = true, nil
	return evs
}

func (g *Interviewer) ask(q event.Question) event.Event {
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
	return event.Event{Type: event.EventQuestion, Text: q.Text, Question: &q}
}

// sectionQuestion asks a canvas section: in Portuguese the catalog's
// question under the section's Portuguese label, in English the
// template's own question (the owner's from the catalog, with an example).
func (g *Interviewer) sectionQuestion(title string) string {
	label, role := sectionLabel(title, g.lang), sectionRole(title)
	if g.lang == "pt" || role == roleOwner {
		if q := roleQuestion(role, g.lang); q != "" {
			return label + ": " + q
		}
	}
	tq := "?"
	for _, s := range g.cfg.Sections {
		if s.Title == title && s.Question != "" {
			tq = s.Question
		}
	}
	return label + ": " + tq
}

// applyStep stores an interview answer; a non-empty result is why it must
// be asked again.
func (g *Interviewer) applyStep(q event.Question, text string) string {
	switch q.Kind {
	case QName:
		return g.takeName(text)
	case QNameConfirm:
		return g.confirmName(text, q)
	case QTable:
		name, desc, _ := strings.Cut(text, ":")
		g.table, g.tableDesc = strings.TrimSpace(name), strings.TrimSpace(desc)
		if g.table == "" {
			g.table = spec.SanitizeName(g.name)
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
