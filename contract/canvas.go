package contract

import (
	"fmt"
	"strings"

	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

// CanvasSection is one `## ` section of a canvas template.
type CanvasSection struct {
	Title    string // heading text without "(optional)"
	Question string // the template's text under the heading (the interview question)
	Optional bool   // heading ended in "(optional)"
}

var optionalRE = lazyre.New(`(?i)\s*\(optional\)\s*$`)

// CanvasSections reads the sections of a canvas template: every `## `
// heading is a required section unless its text ends with "(optional)".
func CanvasSections(template string) []CanvasSection {
	var out []CanvasSection
	for _, s := range splitSections(template) {
		title := strings.TrimSpace(optionalRE.ReplaceAllString(s.title, ""))
		out = append(out, CanvasSection{Title: title, Question: strings.TrimSpace(s.body), Optional: optionalRE.MatchString(s.title)})
	}
	return out
}

type mdSection struct {
	title string
	line  int
	body  string
}

var commentRE = lazyre.New(`(?s)<!--.*?-->`)

// splitSections splits Markdown at `## ` headings outside code fences.
func splitSections(md string) []mdSection {
	var out []mdSection
	var body strings.Builder
	inFence := false
	flush := func() {
		if len(out) > 0 {
			out[len(out)-1].body = commentRE.ReplaceAllString(body.String(), "")
		}
		body.Reset()
	}
	for i, line := range strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			inFence = !inFence
		}
		if !inFence && strings.HasPrefix(line, "## ") {
			flush()
			out = append(out, mdSection{title: strings.TrimSpace(strings.TrimRight(line[3:], " #")), line: i + 1})
			continue
		}
		if !inFence && strings.HasPrefix(line, "# ") && len(out) > 0 {
			flush()
			out = append(out, mdSection{title: "", line: i + 1}) // a new top-level part ends the section
			continue
		}
		body.WriteString(line)
		body.WriteByte('\n')
	}
	flush()
	return out
}

// CheckCanvas checks that a Product Canvas has every required section of
// the template, and that none of them is empty (blank, only the template's
// question, or a placeholder such as TODO). It is pure and never panics.
func CheckCanvas(file string, data []byte, template string) (fs []Finding) {
	defer func() {
		if r := recover(); r != nil {
			fs = []Finding{internalFinding(file, r)}
		}
	}()
	if f := checkInput(file, data, 0); f != nil {
		if f.Rule == RuleYAMLEmpty {
			f.Rule, f.Message, f.Hint = RuleCanvasEmpty, "the canvas is empty", "draft it with `dataeng-os chat` or copy templates/canvas.md"
		}
		return []Finding{*f}
	}
	want := CanvasSections(template)
	if len(want) == 0 {
		return []Finding{{File: file, Line: 1, Column: 1, Rule: RuleCanvasTemplate, Severity: SeverityWarning,
			Message: "the canvas template has no `## ` sections, so nothing can be checked", Hint: "restore templates/canvas.md"}}
	}
	have := map[string]mdSection{}
	for _, s := range splitSections(string(data)) {
		key := canvasKey(optionalRE.ReplaceAllString(s.title, ""))
		if _, dup := have[key]; !dup {
			have[key] = s
		}
	}
	last := 1
	for _, w := range want {
		s, ok := have[canvasKey(w.Title)]
		switch {
		case !ok && !w.Optional:
			fs = append(fs, Finding{File: file, Line: last, Column: 1, Path: w.Title, Rule: RuleCanvasSection, Severity: SeverityError,
				Message: fmt.Sprintf("the canvas has no %q section", w.Title), Hint: fmt.Sprintf("add `## %s` and answer: %s", w.Title, firstLine(w.Question))})
		case ok && !w.Optional && blankSection(s.body, w.Question):
			fs = append(fs, Finding{File: file, Line: s.line, Column: 1, Path: w.Title, Rule: RuleCanvasBlank, Severity: SeverityError,
				Message: fmt.Sprintf("section %q is empty", w.Title), Hint: "answer: " + firstLine(w.Question)})
		}
		if ok {
			last = s.line
		}
	}
	SortFindings(fs)
	return fs
}

// canvasKey normalises a heading for matching: case, spaces and trailing
// punctuation do not matter.
func canvasKey(title string) string {
	return strings.ToLower(strings.Join(strings.Fields(strings.TrimRight(title, " :.")), " "))
}

// blankSection reports a section with no answer: nothing, only the
// template's question, or a placeholder.
func blankSection(body, question string) bool {
	b := strings.TrimSpace(body)
	if b == "" || b == question {
		return true
	}
	switch strings.ToUpper(strings.Trim(b, " .-_*")) {
	case "", "TODO", "TBD", "FIXME", "XXX", "...":
		return true
	}
	return false
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	if s == "" {
		return "see templates/canvas.md"
	}
	return s
}
