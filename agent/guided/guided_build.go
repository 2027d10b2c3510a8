package guided

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/contract"
)

// build renders the canvas and the contract from the answers so far.
func (g *Interviewer) build() {
	g.yml = g.contractYAML()
	g.canvas = g.canvasMarkdown()
}

func (g *Interviewer) contractYAML() string {
	c := spec.Contract(g.specDraft(), g.cfg.Rules.Policy.PII)
	y, err := contract.Marshal(&c)
	if err != nil {
		return "" // cannot happen for this typed value; checkDrafts reports the empty draft
	}
	return string(y)
}

// specDraft is the interview so far as a typed draft, for the one
// assembler. It records what the answers ask for that it cannot place.
func (g *Interviewer) specDraft() spec.Draft {
	g.derived = nil
	d := spec.Draft{Name: spec.SanitizeName(g.name), BusinessName: g.ProductName(), Purpose: g.purpose, Domain: g.domain,
		Owner: g.owner, Team: g.team, Source: g.dbtSource()}
	if g.purpose != "" {
		d.Consumers = g.answerFor(roleConsumers)
	}
	if g.table != "" {
		d.Tables = []spec.Table{g.specTable()}
	}
	if sla := g.slaFacts(); sla.Value > 0 {
		d.SLA = sla
		if g.table != "" {
			d.SLA.Column = freshnessColumn(g.fields)
		}
		if d.SLA.Column == "" && len(g.fields) > 0 {
			g.derived = append(g.derived, texts(g.lang).noteFresh)
		}
	}
	return d
}

// specTable is the table with its fields, the uniqueness the Quality
// answer asks for, and the mart the Delivery answer asks for.
func (g *Interviewer) specTable() spec.Table {
	t := spec.Table{Name: g.table, Description: g.tableDesc}
	uniques := qualityUniques(g.answerFor(roleQuality), g.fields)
	said := readSensitiveAnswer(g.answerFor(roleSensitive), g.fields, g.cfg.Rules.Policy.PII)
	masks, classes := said.masks, said.classes
	for i, f := range g.fields {
		c := f.column()
		c.Unique = c.Unique || uniques[i]
		if c.Masking == "" {
			c.Masking = masks[i]
		}
		if c.Classification == "" && classes[i] != "" {
			c.Classification = classes[i]
			c.Inferred = slices.DeleteFunc(slices.Clone(c.Inferred), func(s string) bool { return s == spec.InferredPII })
		}
		t.Columns = append(t.Columns, c)
	}
	mp := deliveryMarts(g.answerFor(roleDelivery), []string{g.table})
	mp.soleTable([]string{g.table})
	t.Mart = spec.Mart(mp.kinds[g.table])
	for _, u := range mp.unknown {
		_, entity, _ := strings.Cut(u, "_")
		g.derived = append(g.derived, fmt.Sprintf(texts(g.lang).noteMart, u, entity))
	}
	return t
}

// OpenQuestions are the open questions: the skipped follow-ups, then what the
// last build could not place.
func (g *Interviewer) OpenQuestions() []string {
	return append(append([]string(nil), g.notes...), g.derived...)
}

func (g *Interviewer) answerFor(role int) string {
	for _, s := range g.cfg.Sections {
		if sectionRole(s.Title) == role {
			return g.answers[s.Title]
		}
	}
	return ""
}

func (g *Interviewer) canvasMarkdown() string {
	var b strings.Builder
	b.WriteString("# Product Canvas: " + g.ProductName() + "\n")
	for _, s := range g.cfg.Sections {
		b.WriteString("\n## " + s.Title + "\n")
		body := strings.TrimSpace(g.answers[s.Title])
		switch sectionRole(s.Title) {
		case roleFields:
			body = g.fieldsMarkdown()
		case roleOwner:
			if body == "" && (g.team != "" || g.owner != "") {
				body = strings.Trim(g.team+", "+g.owner, ", ")
			}
		case rolePurpose:
			if body == "" {
				body = g.purpose
			}
		case roleSensitive:
			body = strings.TrimSpace(body + "\n" + g.sensitiveMarkdown())
		}
		if body != "" {
			b.WriteString(body + "\n")
		}
	}
	b.WriteString("\n## " + say(g.lang, "canvas.openHeading") + "\n")
	notes := g.OpenQuestions()
	if len(notes) == 0 {
		b.WriteString("- " + say(g.lang, "canvas.none") + "\n")
	}
	for _, n := range notes {
		b.WriteString("- " + n + "\n")
	}
	return b.String()
}

func (g *Interviewer) fieldsMarkdown() string {
	var b strings.Builder
	if g.table != "" {
		b.WriteString(say(g.lang, "canvas.table") + " `" + g.table + "`")
		if g.tableDesc != "" {
			b.WriteString(": " + g.tableDesc)
		}
		b.WriteString("\n\n")
	}
	for _, f := range g.fields {
		opts := []string{f.LogicalType}
		if f.PrimaryKey {
			opts = append(opts, say(g.lang, "canvas.pk"))
		} else if f.Required {
			opts = append(opts, say(g.lang, "canvas.required"))
		}
		if f.Classification != "" {
			opts = append(opts, say(g.lang, "canvas.classification")+"="+f.Classification)
		}
		opts = append(opts, f.valueOptions()...)
		b.WriteString("- `" + f.Name + "` (" + strings.Join(opts, ", ") + ")")
		if f.Description != "" {
			b.WriteString(": " + f.Description)
		}
		b.WriteString("\n")
	}
	return strings.TrimSpace(b.String())
}

func (g *Interviewer) sensitiveMarkdown() string {
	pol := g.cfg.Rules.Policy.PII
	said := readSensitiveAnswer(g.answerFor(roleSensitive), g.fields, pol)
	masks, classes := said.masks, said.classes
	var lines []string
	for i, f := range g.fields {
		class := cmp.Or(f.Classification, classes[i])
		if f.PII || (class != "" && containsFold(pol.Classifications, class)) {
			l := "- `" + f.Name + "`: " + g.orUnclassified(class)
			if m := cmp.Or(f.Masking, masks[i]); m != "" {
				l += ", " + say(g.lang, "canvas.masking") + " " + m
			}
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

func (g *Interviewer) orUnclassified(s string) string {
	if s == "" {
		return say(g.lang, "canvas.unclassified")
	}
	return s
}

func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(strings.TrimSpace(x), strings.TrimSpace(s)) })
}
