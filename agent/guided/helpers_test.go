package guided

import (
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/agent/event"
	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/kernel"
	"github.com/dataeng-os/dataeng-os/prompts"
)

// testTemplate is the embedded default canvas template, as a project
// without templates/canvas.md uses it.
func testTemplate(t testing.TB) string {
	t.Helper()
	b, err := kernel.DefaultFile(kernel.CanvasTemplate)
	if err != nil || len(b) == 0 {
		return prompts.DefaultCanvasTemplate
	}
	return string(b)
}

// testConfig is what the Architect gives its guided interviewer on the
// embedded defaults: the template's sections, the default rules, and a
// check of both drafts (canvas against the template, contract against
// every rule), as agent's checkDrafts does.
func testConfig(t testing.TB) Config {
	tmpl := testTemplate(t)
	rules := contract.DefaultRules()
	return Config{Sections: prompts.ParseSections(tmpl), Rules: rules, Check: func(name, canvas, yml string) []contract.Finding {
		fs := contract.CheckCanvas("canvases/"+name+".md", []byte(canvas), tmpl)
		if strings.TrimSpace(yml) != "" {
			_, cfs := contract.Check("contracts/"+name+".odcs.yaml", []byte(yml), rules)
			fs = append(fs, cfs...)
		}
		contract.SortFindings(fs)
		return fs
	}}
}

// newTest is an interviewer on the embedded defaults in lang.
func newTest(t testing.TB, lang string) *Interviewer { return New(testConfig(t), lang) }

// Event names for the tests, as package agent spells them.
type (
	Event    = event.Event
	Question = event.Question
)

const (
	EventInfo     = event.EventInfo
	EventQuestion = event.EventQuestion
	EventDraft    = event.EventDraft
	EventFindings = event.EventFindings
	DocCanvas     = event.DocCanvas
	DocContract   = event.DocContract
)
