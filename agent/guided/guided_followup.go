package guided

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/event"
	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
	"github.com/dataeng-os/dataeng-os/internal/msg"
)

// followUp turns the first open error finding into a question, or returns
// nil when nothing is left to ask.
func (g *Interviewer) followUp() *event.Question {
	if g.needsSource() {
		q := g.sourceQuestion()
		return &q
	}
	for _, f := range guidedFindings(g.findings) {
		key := f.Rule + "|" + f.Path
		if g.skipped[key] {
			continue
		}
		q := g.findingQuestion(f)
		q.Path = key
		return &q
	}
	return nil
}

// guidedAsks are the warnings guided mode still asks about: the governance
// defaults made them warnings, but the person can answer them in one line.
var guidedAsks = map[string]bool{contract.RulePIIMasking: true, contract.RuleOwner: true, contract.RuleDomain: true, contract.RulePurpose: true}

// guidedFindings returns the error findings and the warnings guided mode
// asks about, in finding order.
func guidedFindings(fs []contract.Finding) []contract.Finding {
	var out []contract.Finding
	for _, f := range fs {
		if f.Severity == contract.SeverityError || f.Severity == contract.SeverityWarning && guidedAsks[f.Rule] {
			out = append(out, f)
		}
	}
	return out
}

var propIndexRE = lazyre.New(`^schema\[(\d+)\]\.properties\[(\d+)\]`)

// fieldIndex returns the guided field a finding path points at, or -1.
func fieldIndex(path string) int {
	m := propIndexRE.FindStringSubmatch(path)
	if m == nil || m[1] != "0" {
		return -1
	}
	i, _ := strconv.Atoi(m[2])
	return i
}

func (g *Interviewer) findingQuestion(f contract.Finding) event.Question {
	fi := fieldIndex(f.Path)
	field := ""
	if fi >= 0 && fi < len(g.fields) {
		field = g.fields[fi].Name
	}
	q := event.Question{Kind: QFinding, Field: field}
	f = contract.Localize([]contract.Finding{f}, g.lang)[0]
	switch {
	case strings.HasPrefix(f.Rule, "gov-naming-") && strings.HasSuffix(f.Path, ".name") && (field != "" || f.Path == "schema[0].name"):
		q.Key, q.Default = KeyRename, g.renameSuggestion(f, fi)
		q.Text = fmt.Sprintf(texts(g.lang).qRename, f.Message, q.Default)
	case f.Rule == contract.RuleCanvasSection || f.Rule == contract.RuleCanvasBlank:
		q.Key, q.Section, q.Text = KeySection, f.Path, g.sectionQuestion(f.Path)
	default:
		q.Key, q.Text = askFor(f, field, g.lang, g.cfg.Rules.Policy.PII)
	}
	return q
}

// findingAsk is how one rule's finding becomes a question: the key the
// answer sets and the question's text. perField rules are asked only when
// the finding names a field.
type findingAsk struct {
	key      string
	perField bool
	text     func(t strs, f contract.Finding, field, lang string, pol contract.PIIPolicy) string
}

// findingAsks is the one table, keyed by rule id, that turns validator
// findings into questions for a person: guided follow-ups and the open
// questions of a model's draft (QuestionFor) both read it.
var findingAsks = map[string]findingAsk{
	contract.RulePIIUnclassified: {KeyClassification, true, askClassify},
	contract.RuleClassification:  {KeyClassification, true, askClassify},
	contract.RulePIIDescription: {KeyDescription, true, func(t strs, _ contract.Finding, field, _ string, _ contract.PIIPolicy) string {
		return fmt.Sprintf(t.qPIIDesc, field)
	}},
	contract.RulePIIMasking: {KeyMasking, true, func(t strs, _ contract.Finding, field, _ string, pol contract.PIIPolicy) string {
		return fmt.Sprintf(t.qMasking, field, strings.Join(pol.MaskingValues, ", "))
	}},
	contract.RuleLogicalType: {KeyType, true, func(t strs, f contract.Finding, _, lang string, _ contract.PIIPolicy) string {
		return fmt.Sprintf(t.qGeneric, say(lang, "guided.qType", f.Message))
	}},
	contract.RuleOwner:      {KeyOwner, false, fixed(func(t strs) string { return t.qOwner })},
	contract.RuleDomain:     {KeyDomain, false, fixed(func(t strs) string { return t.qDomain })},
	contract.RulePurpose:    {KeyPurpose, false, fixed(func(t strs) string { return t.qPurpose })},
	contract.RulePrimaryKey: {KeyPK, false, fixed(func(t strs) string { return t.qPK })},
	contract.RuleObjectDesc: {KeyTableDesc, false, func(t strs, f contract.Finding, _, _ string, _ contract.PIIPolicy) string {
		return fmt.Sprintf(t.qGeneric, f.Message)
	}},
}

func askClassify(t strs, _ contract.Finding, field, _ string, pol contract.PIIPolicy) string {
	return fmt.Sprintf(t.qClassify, field, strings.Join(pol.AllowedClassifications, ", "))
}

func fixed(text func(strs) string) func(strs, contract.Finding, string, string, contract.PIIPolicy) string {
	return func(t strs, _ contract.Finding, _, _ string, _ contract.PIIPolicy) string { return text(t) }
}

// askFor reads the table for finding f (about field, "" when none); a rule
// it does not know becomes a generic note with the finding's message.
func askFor(f contract.Finding, field, lang string, pol contract.PIIPolicy) (key, text string) {
	if a, ok := findingAsks[f.Rule]; ok && (field != "" || !a.perField) {
		return a.key, a.text(texts(lang), f, field, lang, pol)
	}
	return KeyNote, fmt.Sprintf(texts(lang).qGeneric, f.Message+hintText(f))
}

// QuestionFor is the question a person answers for finding f of a draft
// (the property it names is read from its message), or "" when the table
// has none: what is left of a model's draft becomes open questions.
func QuestionFor(f contract.Finding, lang string, pol contract.PIIPolicy) string {
	field := ""
	if m := quotedName.FindStringSubmatch(f.Message); m != nil {
		field = m[1]
	}
	if a, ok := findingAsks[f.Rule]; ok && (field != "" || !a.perField) {
		return a.text(texts(lang), f, field, lang, pol)
	}
	return ""
}

// Askable returns the findings a person is asked about: the errors, and
// the warnings guided mode asks about, in finding order.
func Askable(fs []contract.Finding) []contract.Finding { return guidedFindings(fs) }

var quotedName = lazyre.New(`["'` + "`" + `]([A-Za-z0-9_]+)["'` + "`" + `]`)

func hintText(f contract.Finding) string {
	if f.Hint == "" {
		return ""
	}
	return " (" + f.Hint + ")"
}

var quotedRE = lazyre.New(`"([^"]+)"`)

// suggestion is the validator's proposed name (from its hint) or a
// sanitised one.
// renameSuggestion is the name the shared fixer (validate --fix and the
// Architect's repairs) would give, so no rename logic exists twice; the
// finding's hint when the field is unknown.
func (g *Interviewer) renameSuggestion(f contract.Finding, fi int) string {
	if fi >= 0 && fi < len(g.fields) {
		fs := g.fields[fi]
		if to, rules := g.cfg.Rules.NameFix(fs.Name, fs.LogicalType, true); len(rules) > 0 && to != fs.Name {
			return to
		}
	}
	return suggestion(f)
}

func suggestion(f contract.Finding) string {
	if m := quotedRE.FindStringSubmatch(f.Hint); m != nil {
		return m[1]
	}
	if m := quotedRE.FindStringSubmatch(f.Message); m != nil {
		return spec.SanitizeName(m[1])
	}
	return ""
}

// applyFinding applies a follow-up answer; a non-empty result is why the
// question is asked again.
func (g *Interviewer) applyFinding(q event.Question, text string) string {
	t := texts(g.lang)
	if strings.EqualFold(text, t.skipWord) || strings.EqualFold(text, "skip") {
		g.skipped[q.Path] = true
		g.notes = append(g.notes, strings.TrimSpace(strings.Split(q.Text, "\n")[0]))
		return ""
	}
	fi := fieldIndex(strings.SplitN(q.Path, "|", 2)[1])
	pol := g.cfg.Rules.Policy.PII
	var f *FieldSpec
	if fi >= 0 && fi < len(g.fields) {
		f = &g.fields[fi]
	}
	if f == nil && (q.Key == KeyClassification || q.Key == KeyMasking || q.Key == KeyDescription || q.Key == KeyType) {
		q.Key = KeyNote // the field is gone; keep the answer as a note
	}
	switch q.Key {
	case KeyClassification:
		v := strings.ToLower(text)
		if len(pol.AllowedClassifications) > 0 && !containsFold(pol.AllowedClassifications, v) {
			return fmt.Sprintf(texts(g.lang).oneOf, text, strings.Join(pol.AllowedClassifications, ", "))
		}
		f.Classification = v
		f.confirm(spec.InferredPII)
	case KeyMasking:
		v := strings.ToLower(text)
		if len(pol.MaskingValues) > 0 && !containsFold(pol.MaskingValues, v) {
			return fmt.Sprintf(texts(g.lang).oneOf, text, strings.Join(pol.MaskingValues, ", "))
		}
		f.Masking = v
	case KeyDescription:
		if text == "" {
			return q.Text
		}
		f.Description = text
	case KeyType:
		if err := f.setType(text); err != nil {
			return msg.Translate(err.Error(), g.lang, "fields.")
		}
		f.confirm(spec.InferredType)
	case KeyRename:
		return g.rename(f, text, q)
	case KeyOwner:
		if g.team, g.owner = ownerFacts(text); g.team == "" && g.owner == "" {
			return q.Text
		}
	case KeyDomain, KeyPurpose, KeyTableDesc:
		if text == "" {
			return q.Text
		}
		switch q.Key {
		case KeyDomain:
			g.domain = text
		case KeyPurpose:
			g.purpose = text
		default:
			g.tableDesc = text
		}
	case KeyPK:
		return g.setPK(text)
	case KeySource:
		return g.setSource(text, q)
	case KeySection:
		if text == "" {
			return q.Text
		}
		g.answers[q.Section] = text
	default:
		g.skipped[q.Path] = true
		g.notes = append(g.notes, strings.Split(q.Text, "\n")[0]+" → "+text)
	}
	return ""
}

func (g *Interviewer) rename(f *FieldSpec, text string, q event.Question) string {
	if text == "" {
		text = q.Default
	}
	if text == "" || strings.ContainsAny(text, " \t") {
		return q.Text
	}
	if f == nil {
		g.table = text
	} else {
		f.Name = text
	}
	return ""
}

func (g *Interviewer) setPK(text string) string {
	for _, name := range strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ' ' }) {
		found := false
		for i := range g.fields {
			if strings.EqualFold(g.fields[i].Name, name) {
				g.fields[i].PrimaryKey, g.fields[i].Required, g.fields[i].Unique = true, true, true
				found = true
			}
		}
		if !found {
			return fmt.Sprintf(texts(g.lang).badField, name) + " — " + texts(g.lang).qPK
		}
	}
	return ""
}
