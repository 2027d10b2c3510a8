package agent

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/internal/msg"
)

// followUp turns the first open error finding into a question, or returns
// nil when nothing is left to ask.
func (g *guided) followUp() *Question {
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

var propIndexRE = regexp.MustCompile(`^schema\[(\d+)\]\.properties\[(\d+)\]`)

// fieldIndex returns the guided field a finding path points at, or -1.
func fieldIndex(path string) int {
	m := propIndexRE.FindStringSubmatch(path)
	if m == nil || m[1] != "0" {
		return -1
	}
	i, _ := strconv.Atoi(m[2])
	return i
}

func (g *guided) findingQuestion(f contract.Finding) Question {
	t := texts(g.lang)
	pol := g.a.project.Rules.Policy.PII
	fi := fieldIndex(f.Path)
	field := ""
	if fi >= 0 && fi < len(g.fields) {
		field = g.fields[fi].Name
	}
	q := Question{Kind: QFinding, Field: field}
	f = contract.Localize([]contract.Finding{f}, g.lang)[0]
	switch {
	case field != "" && (f.Rule == contract.RulePIIUnclassified || f.Rule == contract.RuleClassification):
		q.Key, q.Text = "classification", fmt.Sprintf(t.qClassify, field, strings.Join(pol.AllowedClassifications, ", "))
	case field != "" && f.Rule == contract.RulePIIDescription:
		q.Key, q.Text = "description", fmt.Sprintf(t.qPIIDesc, field)
	case field != "" && f.Rule == contract.RulePIIMasking:
		q.Key, q.Text = "masking", fmt.Sprintf(t.qMasking, field, strings.Join(pol.MaskingValues, ", "))
	case field != "" && f.Rule == contract.RuleLogicalType:
		q.Key, q.Text = "type", fmt.Sprintf(t.qGeneric, say(g.lang, "guided.qType", f.Message))
	case strings.HasPrefix(f.Rule, "gov-naming-") && strings.HasSuffix(f.Path, ".name") && (field != "" || f.Path == "schema[0].name"):
		q.Key, q.Default = "rename", g.renameSuggestion(f, fi)
		q.Text = fmt.Sprintf(t.qRename, f.Message, q.Default)
	case f.Rule == contract.RuleOwner:
		q.Key, q.Text = "owner", t.qOwner
	case f.Rule == contract.RuleDomain:
		q.Key, q.Text = "domain", t.qDomain
	case f.Rule == contract.RulePurpose:
		q.Key, q.Text = "purpose", t.qPurpose
	case f.Rule == contract.RulePrimaryKey:
		q.Key, q.Text = "pk", t.qPK
	case f.Rule == contract.RuleObjectDesc:
		q.Key, q.Text = "tabledesc", fmt.Sprintf(t.qGeneric, f.Message)
	case f.Rule == contract.RuleCanvasSection || f.Rule == contract.RuleCanvasBlank:
		q.Key, q.Section, q.Text = "section", f.Path, g.sectionQuestion(f.Path)
	default:
		q.Key, q.Text = "note", fmt.Sprintf(t.qGeneric, f.Message+hintText(f))
	}
	return q
}

func hintText(f contract.Finding) string {
	if f.Hint == "" {
		return ""
	}
	return " (" + f.Hint + ")"
}

var quotedRE = regexp.MustCompile(`"([^"]+)"`)

// suggestion is the validator's proposed name (from its hint) or a
// sanitised one.
// renameSuggestion is the name the shared fixer (validate --fix and the
// Architect's repairs) would give, so no rename logic exists twice; the
// finding's hint when the field is unknown.
func (g *guided) renameSuggestion(f contract.Finding, fi int) string {
	if fi >= 0 && fi < len(g.fields) {
		fs := g.fields[fi]
		if to, rules := g.a.project.Rules.NameFix(fs.Name, fs.LogicalType, true); len(rules) > 0 && to != fs.Name {
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
		return SanitizeName(m[1])
	}
	return ""
}

// applyFinding applies a follow-up answer; a non-empty result is why the
// question is asked again.
func (g *guided) applyFinding(q Question, text string) string {
	t := texts(g.lang)
	if strings.EqualFold(text, t.skipWord) || strings.EqualFold(text, "skip") {
		g.skipped[q.Path] = true
		g.notes = append(g.notes, strings.TrimSpace(strings.Split(q.Text, "\n")[0]))
		return ""
	}
	fi := fieldIndex(strings.SplitN(q.Path, "|", 2)[1])
	pol := g.a.project.Rules.Policy.PII
	var f *FieldSpec
	if fi >= 0 && fi < len(g.fields) {
		f = &g.fields[fi]
	}
	if f == nil && (q.Key == "classification" || q.Key == "masking" || q.Key == "description" || q.Key == "type") {
		q.Key = "note" // the field is gone; keep the answer as a note
	}
	switch q.Key {
	case "classification":
		v := strings.ToLower(text)
		if len(pol.AllowedClassifications) > 0 && !containsFold(pol.AllowedClassifications, v) {
			return fmt.Sprintf(texts(g.lang).oneOf, text, strings.Join(pol.AllowedClassifications, ", "))
		}
		f.Classification = v
	case "masking":
		v := strings.ToLower(text)
		if len(pol.MaskingValues) > 0 && !containsFold(pol.MaskingValues, v) {
			return fmt.Sprintf(texts(g.lang).oneOf, text, strings.Join(pol.MaskingValues, ", "))
		}
		f.Masking = v
	case "description":
		if text == "" {
			return q.Text
		}
		f.Description = text
	case "type":
		if err := f.setType(text); err != nil {
			return msg.Translate(err.Error(), g.lang, "fields.")
		}
	case "rename":
		return g.rename(f, text, q)
	case "owner":
		if g.team, g.owner = ownerFacts(text); g.team == "" && g.owner == "" {
			return q.Text
		}
	case "domain", "purpose", "tabledesc":
		if text == "" {
			return q.Text
		}
		switch q.Key {
		case "domain":
			g.domain = text
		case "purpose":
			g.purpose = text
		default:
			g.tableDesc = text
		}
	case "pk":
		return g.setPK(text)
	case "source":
		return g.setSource(text, q)
	case "section":
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

func (g *guided) rename(f *FieldSpec, text string, q Question) string {
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

func (g *guided) setPK(text string) string {
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
