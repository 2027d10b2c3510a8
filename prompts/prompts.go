package prompts

import (
	"bytes"
	"embed"
	"fmt"
	"strings"
	"sync"
	"text/template"

	"github.com/dataeng-os/dataeng-os/contract"
)

//go:embed templates/*.md.tmpl
var files embed.FS

// tmpl parses the templates on first use: not at init, in every process.
var tmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("prompts").ParseFS(files, "templates/*.md.tmpl"))
})

// ReadyMarker is the line the model writes when the interview has enough to
// draft.
const ReadyMarker = "[[READY_TO_DRAFT]]"

// Section is one `## ` section of the canvas template with its interview
// question.
type Section struct {
	Title    string
	Question string
}

// SystemData feeds the system prompt.
type SystemData struct {
	Kernel string         // the project's system_kernel.md
	Rules  contract.Rules // the project's governance
	Lang   string         // "pt", "en" or "" (answer in the user's language)
	// ContractTemplate is the project's templates/contract.yaml; used as
	// the field guide when it is small, else the embedded guide is used.
	ContractTemplate string
}

// maxTemplateGuide bounds the project's contract template used as a guide.
const maxTemplateGuide = 8 << 10

// System renders the system prompt.
func System(d SystemData) (string, error) {
	guide := d.ContractTemplate
	if strings.TrimSpace(guide) == "" || len(guide) > maxTemplateGuide {
		var err error
		if guide, err = FieldGuide(d.Rules); err != nil {
			return "", err
		}
	} else {
		guide = "Follow this commented template (ODCS v3.1.0 subset):\n```yaml\n" + strings.TrimSpace(guide) + "\n```\n"
	}
	return render("system.md.tmpl", map[string]any{
		"Kernel":       strings.TrimSpace(d.Kernel),
		"LanguageLine": LanguageLine(d.Lang),
		"Governance":   Governance(d.Rules),
		"FieldGuide":   guide,
	})
}

// LanguageLine tells the model which language to answer in.
func LanguageLine(lang string) string {
	switch lang {
	case "pt":
		return "Answer in Brazilian Portuguese (the stakeholder writes Portuguese). Keep YAML keys and snake_case names in English."
	case "en":
		return "Answer in English."
	default:
		return "Answer in the language the stakeholder writes in. Keep YAML keys and snake_case names in English."
	}
}

// FieldGuide renders the compact ODCS v3.1.0 field guide for rules.
func FieldGuide(r contract.Rules) (string, error) {
	p := r.Policy.PII
	example := "restricted"
	if len(p.Classifications) > 0 {
		example = p.Classifications[len(p.Classifications)-1]
	}
	masking := p.MaskingProperty
	if masking == "" {
		masking = "masking"
	}
	return render("field_guide.md.tmpl", map[string]any{
		"Statuses":        orList(r.Policy.Contract.Statuses, "draft"),
		"TimestampSuffix": or(r.Naming.Properties.TimestampSuffix, "_at"),
		"BooleanPrefixes": orList(r.Naming.Properties.BooleanPrefixes, "is_"),
		"PIIExample":      example,
		"MaskingProperty": masking,
		"MaskingValues":   orList(p.MaskingValues, "hash"),
	})
}

// Interview renders the interview-mode instructions appended to the system
// prompt during the conversation.
func Interview(sections []Section) (string, error) {
	return render("interview.md.tmpl", map[string]any{"Sections": sections, "ReadyMarker": ReadyMarker})
}

// DraftData feeds the drafting request.
type DraftData struct {
	Name      string
	Input     string // notes or transcript (data)
	FromNotes bool
	// Start is a starting contract the notes extractor read from the notes
	// with no model (data, like the notes); "" for none.
	Start      string
	Sections   []Section
	Structured bool // the provider returns JSON (structured output)
}

// Draft renders the user message that asks for the canvas and the contract.
func Draft(d DraftData) (string, error) {
	titles := make([]string, len(d.Sections))
	for i, s := range d.Sections {
		titles[i] = `"` + s.Title + `"`
	}
	return render("draft.md.tmpl", map[string]any{
		"Name": d.Name, "Input": fence(d.Input), "FromNotes": d.FromNotes, "Start": fence(d.Start),
		"SectionList": strings.Join(titles, ", "), "Structured": d.Structured,
	})
}

// ReaskFinding is one finding as the model sees it.
type ReaskFinding struct {
	Doc string // canvas or contract
	contract.Finding
}

// ReaskData feeds the reask message.
type ReaskData struct {
	Findings   []ReaskFinding
	Canvas     bool // the canvas must be returned
	Contract   bool // the contract must be returned
	Structured bool
}

// Reask renders the single reask message.
func Reask(d ReaskData) (string, error) {
	docs, blocks := "canvas and contract", "a ```markdown block and a ```yaml block"
	switch {
	case d.Canvas && !d.Contract:
		docs, blocks = "canvas", "a ```markdown block"
	case d.Contract && !d.Canvas:
		docs, blocks = "contract", "a ```yaml block"
	}
	return render("reask.md.tmpl", map[string]any{
		"Findings": d.Findings, "Docs": docs, "Blocks": blocks, "Structured": d.Structured,
	})
}

// fence keeps stakeholder text from closing the data delimiters.
func fence(s string) string {
	r := strings.NewReplacer("</notes>", "</ notes>", "</transcript>", "</ transcript>", "</start>", "</ start>")
	return strings.TrimSpace(r.Replace(s))
}

func render(name string, data any) (string, error) {
	var b bytes.Buffer
	if err := tmpl().ExecuteTemplate(&b, name, data); err != nil {
		return "", fmt.Errorf("render prompt %s: %w", name, err)
	}
	return b.String(), nil
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func orList(l []string, def string) string {
	if len(l) == 0 {
		return def
	}
	return strings.Join(l, ", ")
}
