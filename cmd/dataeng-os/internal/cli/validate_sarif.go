package cli

import (
	"encoding/json"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

// SARIF 2.1.0, the subset GitHub code scanning reads: one run, the rules
// that fired, and one result per finding at its file:line:col.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool    sarifTool     `json:"tool"`
	Results []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID               string       `json:"id"`
	ShortDescription sarifMessage `json:"shortDescription"`
	HelpURI          string       `json:"helpUri,omitempty"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

type sarifLocation struct {
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI string `json:"uri"`
		} `json:"artifactLocation"`
		Region struct {
			StartLine   int `json:"startLine"`
			StartColumn int `json:"startColumn"`
		} `json:"region"`
	} `json:"physicalLocation"`
}

// writeSARIF writes the findings as a SARIF 2.1.0 log (upload it with
// github/codeql-action/upload-sarif).
func writeSARIF(w io.Writer, results []checked) error {
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: "dataeng-os", Version: versionString(),
		InformationURI: "https://github.com/dataeng-os/dataeng-os"}}, Results: []sarifResult{}}
	rules := map[string]string{}
	for _, r := range results {
		for _, x := range r.findings {
			run.Results = append(run.Results, sarifResultOf(x))
			if _, ok := rules[x.Rule]; !ok {
				rules[x.Rule] = x.Message
			}
		}
	}
	ids := make([]string, 0, len(rules))
	for id := range rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	run.Tool.Driver.Rules = []sarifRule{}
	for _, id := range ids {
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{ID: id, ShortDescription: sarifMessage{Text: id},
			HelpURI: "https://github.com/dataeng-os/dataeng-os/blob/main/contract/RULES.md"})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}})
}

func sarifResultOf(x contract.Finding) sarifResult {
	level := "warning"
	if x.Severity == contract.SeverityError {
		level = "error"
	}
	msg := x.Message
	if x.Hint != "" {
		msg += " (" + x.Hint + ")"
	}
	var loc sarifLocation
	loc.PhysicalLocation.ArtifactLocation.URI = strings.TrimPrefix(filepath.ToSlash(x.File), "./")
	loc.PhysicalLocation.Region.StartLine = max(x.Line, 1)
	loc.PhysicalLocation.Region.StartColumn = max(x.Column, 1)
	return sarifResult{RuleID: x.Rule, Level: level, Message: sarifMessage{Text: msg}, Locations: []sarifLocation{loc}}
}
