package spec

import (
	"strings"
)

// Canvas renders the Product Canvas: one `## ` section per template
// section, each with what the draft knows or a pointer to the open
// questions, then the open questions.
func Canvas(d Draft, sections []Section, lang string) string {
	w := wordsFor(lang)
	var b strings.Builder
	b.WriteString("# Product Canvas: " + firstNonEmpty(d.BusinessName, d.Name, "dataset") + "\n")
	for _, s := range sections {
		body := strings.TrimSpace(sectionBody(d, s.Role, w))
		if body == "" {
			body = w.missing
		}
		b.WriteString("\n## " + s.Title + "\n" + body + "\n")
	}
	b.WriteString("\n## " + w.openHeading + "\n")
	if len(d.OpenQuestions) == 0 {
		b.WriteString("- " + w.none + "\n")
	}
	for _, q := range d.OpenQuestions {
		b.WriteString("- " + q + "\n")
	}
	return b.String()
}

func sectionBody(d Draft, r Role, w words) string {
	switch r {
	case RolePurpose:
		return d.Purpose
	case RoleConsumers:
		return d.Consumers
	case RoleOwner:
		return strings.Trim(d.Team+", "+d.Owner, ", ")
	case RoleDomain:
		return d.Domain
	case RoleSources:
		return firstNonEmpty(d.SourceText, d.Source)
	case RoleFields:
		return fieldsMarkdown(d.Tables, w)
	case RoleSensitive:
		return sensitiveMarkdown(d.Tables, w)
	case RoleQuality:
		return bullets(d.Quality)
	case RoleSLA:
		return slaMarkdown(d, w)
	case RoleDelivery:
		return deliveryMarkdown(d.Tables, w)
	}
	return ""
}

func fieldsMarkdown(tables []Table, w words) string {
	var b strings.Builder
	for _, t := range tables {
		b.WriteString(w.table + " `" + t.Name + "`")
		if t.Description != "" {
			b.WriteString(": " + t.Description)
		}
		b.WriteString("\n\n")
		if len(t.Columns) == 0 {
			b.WriteString("- " + w.noColumns + "\n")
		}
		for _, c := range t.Columns {
			b.WriteString("- `" + c.Name + "` (" + strings.Join(columnOptions(c, w), ", ") + ")")
			if c.BusinessName != "" && c.BusinessName != c.Name {
				b.WriteString(": " + c.BusinessName)
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func columnOptions(c Column, w words) []string {
	opts := []string{c.LogicalType}
	switch {
	case c.PrimaryKey:
		opts = append(opts, w.pk)
	case c.Required:
		opts = append(opts, w.required)
	case c.NullUntilEvent:
		opts = append(opts, w.nullUntil)
	}
	if c.Unique && !c.PrimaryKey {
		opts = append(opts, w.unique)
	}
	if c.Classification != "" {
		opts = append(opts, w.classification+"="+c.Classification)
	}
	opts = append(opts, ValueOptions(c)...)
	if len(c.Inferred) > 0 {
		var what []string
		for _, x := range c.Inferred {
			what = append(what, w.inferredWhat[x])
		}
		opts = append(opts, w.inferred+": "+strings.Join(what, ", "))
	}
	return opts
}

func sensitiveMarkdown(tables []Table, w words) string {
	var lines []string
	for _, t := range tables {
		for _, c := range t.Columns {
			if !c.Sensitive() {
				continue
			}
			l := "- `" + t.Name + "." + c.Name + "`: " + firstNonEmpty(c.Classification, string(c.PII))
			if c.Masking != "" {
				l += ", " + w.masking + " " + c.Masking
			}
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return w.noPII
	}
	return strings.Join(lines, "\n")
}

func slaMarkdown(d Draft, w words) string {
	var lines []string
	if d.SLA.Text != "" {
		lines = append(lines, w.schedule+": "+d.SLA.Text)
	}
	if d.SLA.Value > 0 {
		l := w.freshness + ": " + itoa(d.SLA.Value) + d.SLA.Unit
		if d.SLA.Column != "" {
			l += " (`" + d.SLA.Column + "`)"
		}
		lines = append(lines, l)
	}
	return bullets(lines)
}

func deliveryMarkdown(tables []Table, w words) string {
	if len(tables) == 0 {
		return ""
	}
	lines := []string{w.staging}
	for _, t := range tables {
		switch t.Mart {
		case MartFact:
			lines = append(lines, w.fact+": `fct_"+t.Name+"`")
		case MartDimension:
			lines = append(lines, w.dimension+": `dim_"+t.Name+"`")
		}
	}
	return bullets(lines)
}

func bullets(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			b.WriteString("- " + l + "\n")
		}
	}
	return b.String()
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
