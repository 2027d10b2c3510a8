package agent

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/dataeng-os/dataeng-os/contract"
)

// build renders the canvas and the contract from the answers so far.
func (g *guided) build() {
	g.yml = g.contractYAML()
	g.canvas = g.canvasMarkdown()
}

func (g *guided) contractYAML() string {
	id := SanitizeName(g.name)
	c := contract.Contract{APIVersion: contract.APIVersion, Kind: "DataContract", ID: id, Name: g.name,
		Version: "0.1.0", Status: "draft", Domain: g.domain, DataProduct: id}
	if g.purpose != "" {
		c.Description = &contract.Description{Purpose: g.purpose, Usage: g.answerFor(roleConsumers)}
	}
	if g.team != "" || g.owner != "" {
		c.Team = &contract.Team{Name: g.team}
		if g.owner != "" {
			c.Team.Members = []contract.TeamMember{{Username: g.owner, Role: "owner"}}
		}
	}
	g.derived = nil
	if src := g.dbtSource(); src != "" {
		c.CustomProperties = []contract.CustomProperty{{Property: propSource, Value: src}}
	}
	if g.table != "" {
		c.Schema = []contract.SchemaObject{g.schemaObject()}
	}
	sla, placed := g.slaProperties()
	c.SLAProperties = sla
	if !placed && len(g.fields) > 0 {
		g.derived = append(g.derived, texts(g.lang).noteFresh)
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&c); err != nil {
		return "" // cannot happen for this typed value; checkDrafts reports the empty draft
	}
	_ = enc.Close()
	return b.String()
}

// schemaObject is the table with its fields, the uniqueness the Quality
// answer asks for, and the mart the Delivery answer asks for.
func (g *guided) schemaObject() contract.SchemaObject {
	obj := contract.SchemaObject{Name: g.table, LogicalType: "object", PhysicalType: "table", Description: g.tableDesc}
	uniques := qualityUniques(g.answerFor(roleQuality), g.fields)
	pos := 0
	for i, f := range g.fields {
		p := g.property(f, &pos)
		p.Unique = p.Unique || uniques[i]
		obj.Properties = append(obj.Properties, p)
	}
	mp := deliveryMarts(g.answerFor(roleDelivery), []string{g.table})
	if kind := mp.kinds[g.table]; kind != "" {
		obj.CustomProperties = []contract.CustomProperty{{Property: propMart, Value: kind}}
	}
	for _, u := range mp.unknown {
		_, entity, _ := strings.Cut(u, "_")
		g.derived = append(g.derived, fmt.Sprintf(texts(g.lang).noteMart, u, entity))
	}
	return obj
}

// openNotes are the open questions: the skipped follow-ups, then what the
// last build could not place.
func (g *guided) openNotes() []string {
	return append(append([]string(nil), g.notes...), g.derived...)
}

func (g *guided) property(f FieldSpec, pos *int) contract.Property {
	pol := g.a.project.Rules.Policy.PII
	p := contract.Property{Name: f.Name, LogicalType: f.LogicalType, PhysicalType: f.PhysicalType, Description: f.Description,
		Required: f.Required, Unique: f.Unique, PrimaryKey: f.PrimaryKey, Classification: f.Classification, CriticalDataElement: f.Critical}
	if f.PrimaryKey {
		*pos++
		p.PrimaryKeyPosition = *pos
	}
	sensitive := f.Classification != "" && containsFold(pol.Classifications, f.Classification)
	if f.PII && !sensitive && pol.Tag != "" {
		p.Tags = []string{pol.Tag}
	}
	if sensitive && pol.RequireCriticalDataElement {
		p.CriticalDataElement = true // the policy's consequence of the person's classification
	}
	if f.Masking != "" {
		prop := pol.MaskingProperty
		if prop == "" {
			prop = "masking"
		}
		p.CustomProperties = []contract.CustomProperty{{Property: prop, Value: f.Masking}}
	}
	f.applyValueRules(&p)
	return p
}

func (g *guided) answerFor(role int) string {
	for _, s := range g.a.sections {
		if sectionRole(s.Title) == role {
			return g.answers[s.Title]
		}
	}
	return ""
}

func (g *guided) canvasMarkdown() string {
	var b strings.Builder
	b.WriteString("# Product Canvas: " + g.name + "\n")
	for _, s := range g.a.sections {
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
	b.WriteString("\n## Open questions\n")
	notes := g.openNotes()
	if len(notes) == 0 {
		b.WriteString("- none\n")
	}
	for _, n := range notes {
		b.WriteString("- " + n + "\n")
	}
	return b.String()
}

func (g *guided) fieldsMarkdown() string {
	var b strings.Builder
	if g.table != "" {
		b.WriteString("Table `" + g.table + "`")
		if g.tableDesc != "" {
			b.WriteString(": " + g.tableDesc)
		}
		b.WriteString("\n\n")
	}
	for _, f := range g.fields {
		opts := []string{f.LogicalType}
		if f.PrimaryKey {
			opts = append(opts, "primary key")
		} else if f.Required {
			opts = append(opts, "required")
		}
		if f.Classification != "" {
			opts = append(opts, "classification="+f.Classification)
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

func (g *guided) sensitiveMarkdown() string {
	pol := g.a.project.Rules.Policy.PII
	var lines []string
	for _, f := range g.fields {
		if f.PII || (f.Classification != "" && containsFold(pol.Classifications, f.Classification)) {
			l := "- `" + f.Name + "`: " + orDash(f.Classification)
			if f.Masking != "" {
				l += ", masking " + f.Masking
			}
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

func orDash(s string) string {
	if s == "" {
		return "unclassified"
	}
	return s
}

func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(strings.TrimSpace(x), strings.TrimSpace(s)) })
}
