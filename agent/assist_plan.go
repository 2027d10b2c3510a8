package agent

import (
	"fmt"
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/spec"
)

// assistPlan lists the questions worth asking about an extracted draft:
// only what the extractor left open, so a slow local model is asked
// nothing twice. Every apply writes into d; no question can rename or add
// a table or a column.
func assistPlan(d *spec.Draft, g *grounder) []assistQuestion {
	var qs []assistQuestion
	total, n := 0, 0
	for _, t := range d.Tables {
		total += len(t.Columns)
	}
	for ti := range d.Tables {
		t := &d.Tables[ti]
		qs = append(qs, tableQuestions(d, t, ti == 0, g)...)
		for ci := range t.Columns {
			n++
			qs = append(qs, columnQuestions(t, &t.Columns[ci], fmt.Sprintf("column %d/%d", n, total), g)...)
		}
	}
	return append(qs, freshnessQuestion(d)...)
}

func tableQuestions(d *spec.Draft, t *spec.Table, first bool, g *grounder) []assistQuestion {
	var qs []assistQuestion
	label := "table " + t.Name
	if t.Description == "" || first && d.Purpose == "" {
		qs = append(qs, textQuestion(label+": purpose", fmt.Sprintf("In one line (at most %d characters), what is the table `%s` for? Use only facts from the notes.", assistDescLen, t.Name),
			assistDescLen, func(a string) string {
				a = trimMarkup(a)
				if why := g.usefulDescription(a, nil, t); why != "" {
					return why
				}
				if !g.descGrounded(a) {
					return "it adds a name or number the notes do not have"
				}
				if t.Description == "" {
					t.Description = a
				}
				if first && d.Purpose == "" {
					d.Purpose = a
				}
				return ""
			}))
	}
	if t.Mart == spec.MartNone {
		qs = append(qs, enumQuestion(label+": mart", fmt.Sprintf("Is the table `%s` a fact table (events, transactions), a dimension (entities), or none?", t.Name),
			assistMarts, func(a string) string {
				if a != assistNoneValue {
					t.Mart = spec.Mart(a)
				}
				return ""
			}))
	}
	if len(t.PrimaryKeys()) == 0 && len(t.Columns) > 0 {
		qs = append(qs, pkQuestion(t, label))
	}
	return qs
}

func pkQuestion(t *spec.Table, label string) assistQuestion {
	names := []string{assistNoneValue}
	for _, c := range t.Columns {
		names = append(names, c.Name)
	}
	return enumQuestion(label+": primary key", fmt.Sprintf("Which column of `%s` identifies one row (its primary key)? Answer none if the notes do not say.", t.Name),
		names, func(a string) string {
			for i := range t.Columns {
				if t.Columns[i].Name == a {
					c := &t.Columns[i]
					c.PrimaryKey, c.Required, c.Unique = true, true, true
				}
			}
			return ""
		})
}

func columnQuestions(t *spec.Table, c *spec.Column, label string, g *grounder) []assistQuestion {
	var qs []assistQuestion
	label += " " + t.Name + "." + c.Name
	if _, evidence := spec.InferType(c.Name); !evidence && c.PhysicalType == "" && (c.LogicalType == "" || c.LogicalType == "string") {
		qs = append(qs, enumQuestion(label+": type", fmt.Sprintf("What is the logical type of the column `%s`?", c.Name), assistTypes,
			func(a string) string {
				if !typeCue(g.folded, c, a) {
					return fmt.Sprintf("the notes give no sign that %s is %s", c.Name, a)
				}
				c.LogicalType = a
				c.Infer(spec.InferredType) // the model's answer: still for a person to confirm
				return ""
			}))
	}
	if c.PII == spec.PIINone {
		qs = append(qs, enumQuestion(label+": personal data", fmt.Sprintf("What personal data does the column `%s` hold, if any?", c.Name), assistPII,
			func(a string) string {
				if a != assistNoneValue {
					c.PII = spec.PIIKind(a)
					c.Infer(spec.InferredPII)
				}
				return ""
			}))
	}
	if echoes(c.Description, c) {
		qs = append(qs, textQuestion(label+": description", fmt.Sprintf("In a few words (at most %d characters), what does the column `%s` hold? Use only the notes.", assistDescLen, c.Name),
			assistDescLen, func(a string) string {
				a = trimMarkup(a)
				if why := g.usefulDescription(a, c, t); why != "" {
					return why
				}
				if !g.descGrounded(a) {
					return "it adds a name or number the notes do not have"
				}
				c.Description = a
				return ""
			}))
	}
	for i := range qs {
		qs[i].Focus = mentions(c)
	}
	return qs
}

// echoes reports whether a description says no more than the column's name.
func echoes(desc string, c *spec.Column) bool {
	d := strings.Join(contentTokens(desc), " ")
	return d == "" || d == strings.Join(contentTokens(c.Name), " ") || d == strings.Join(contentTokens(c.BusinessName), " ")
}

// freshnessQuestion asks which date or timestamp column tells freshness,
// when the notes give an SLA but no column.
func freshnessQuestion(d *spec.Draft) []assistQuestion {
	if d.SLA.Value <= 0 || d.SLA.Column != "" {
		return nil
	}
	names := []string{assistNoneValue}
	for _, t := range d.Tables {
		for _, c := range t.Columns {
			if c.LogicalType == "timestamp" || c.LogicalType == "date" {
				names = append(names, c.Name)
			}
		}
	}
	if len(names) == 1 {
		return nil
	}
	return []assistQuestion{enumQuestion("freshness column", "Which column tells how fresh the data is (when a row was last written)?", names,
		func(a string) string {
			if a != assistNoneValue {
				d.SLA.Column = a
			}
			return ""
		})}
}
