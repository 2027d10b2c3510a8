package agent

import (
	"sort"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/scaffold"
)

// Parse-failure rules, reported as error findings on the failed attempt.
const (
	RuleNoYAML   = "draft-no-yaml"   // the answer held no YAML block
	RuleNoCanvas = "draft-no-canvas" // the answer held no Markdown canvas
)

// canvasChecker checks a canvas against its template.
var canvasChecker = contract.CheckCanvas

// draftPaths are the project-relative files a draft is validated as.
func draftPaths(name string) (canvas, contractFile string) {
	return scaffold.CanvasesDir + "/" + name + ".md", scaffold.ContractsDir + "/" + name + ".odcs.yaml"
}

// checkDrafts validates the canvas (against the template) and the contract
// (all contract rules); missing documents are parse findings.
func (a *Architect) checkDrafts(name, canvas, yml string) []contract.Finding {
	cf, kf := draftPaths(name)
	var fs []contract.Finding
	if strings.TrimSpace(canvas) == "" {
		fs = append(fs, contract.Finding{File: cf, Line: 1, Column: 1, Rule: RuleNoCanvas, Severity: contract.SeverityError,
			Message: "the answer has no canvas", Hint: "return the canvas in a ```markdown block"})
	} else {
		fs = append(fs, canvasChecker(cf, []byte(canvas), a.canvasT)...)
	}
	if strings.TrimSpace(yml) == "" {
		fs = append(fs, contract.Finding{File: kf, Line: 1, Column: 1, Rule: RuleNoYAML, Severity: contract.SeverityError,
			Message: "the answer has no YAML contract", Hint: "return the contract in a ```yaml block"})
	} else {
		_, cfs := contract.Check(kf, []byte(yml), a.project.Rules)
		fs = append(fs, cfs...)
	}
	contract.SortFindings(fs)
	return fs
}

// docOf tells which document a finding is about.
func docOf(f contract.Finding) string {
	if strings.HasPrefix(f.File, scaffold.CanvasesDir+"/") {
		return DocCanvas
	}
	return DocContract
}

// fingerprint identifies a set of error findings, ignoring line numbers
// (which move when a draft is edited) and order.
func fingerprint(fs []contract.Finding) string {
	var keys []string
	for _, f := range fs {
		if f.Severity == contract.SeverityError {
			keys = append(keys, f.File+"|"+f.Rule+"|"+f.Path+"|"+f.Message)
		}
	}
	sort.Strings(keys)
	return strings.Join(keys, "\n")
}

func errorsOnly(fs []contract.Finding) []contract.Finding {
	var out []contract.Finding
	for _, f := range fs {
		if f.Severity == contract.SeverityError {
			out = append(out, f)
		}
	}
	return out
}
