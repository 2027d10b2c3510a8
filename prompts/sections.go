package prompts

import (
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

// DefaultCanvasTemplate is used when the project has no templates/canvas.md.
const DefaultCanvasTemplate = `# Product Canvas: {{name}}

## Problem and decision supported
What decision or problem will this data support?

## Consumers
Who uses the data, and how?

## Producer and owner
Which team produces it, and who is the owner?

## Data sources
Where does the data come from (system, schema, files)?

## Entities and fields
Which tables, which fields, and which key identifies a row?

## Sensitive data
Which fields are personal or sensitive, and how must they be protected?

## Quality expectations
What must always be true of the data?

## SLA and freshness
How fresh must the data be, and by when?

## Delivery
Which dbt layers and models are expected (staging, marts)?
`

// ParseSections returns the `## ` sections of a canvas template (as
// contract.CanvasSections reads them), each with the first line under it
// as its interview question (Markdown quote, emphasis, list and comment
// markers stripped). "Open questions" is not a section to interview about.
func ParseSections(template string) []Section {
	var out []Section
	for _, cs := range contract.CanvasSections(template) {
		if cs.Title == "" || IsOpenQuestions(cs.Title) {
			continue
		}
		s := Section{Title: cs.Title}
		for _, q := range strings.Split(cs.Question, "\n") {
			if q = cleanQuestion(q); q != "" {
				s.Question = q
				break
			}
		}
		out = append(out, s)
	}
	return out
}

// IsOpenQuestions reports the canvas section that lists open questions
// (English or Portuguese title).
func IsOpenQuestions(title string) bool {
	t := strings.ToLower(title)
	return strings.Contains(t, "open question") || strings.Contains(t, "perguntas em aberto")
}

func cleanQuestion(l string) string {
	l = strings.TrimSpace(l)
	l = strings.TrimSuffix(strings.TrimPrefix(l, "<!--"), "-->")
	l = strings.TrimLeft(l, ">-*_ \t")
	l = strings.TrimRight(l, "*_ \t")
	return strings.TrimSpace(l)
}
