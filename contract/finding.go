package contract

import (
	"fmt"
	"sort"
	"strings"
)

// Severity of a finding.
type Severity string

// Severities, and Off for a rule that is switched off in governance.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityOff     Severity = "off"
	// SeverityInfo is accepted in policy.json only for the diff-* rules
	// of `dataeng-os diff` (an informational change); findings never have it.
	SeverityInfo Severity = "info"
)

// Finding is one problem the validator found, pointing at the line to fix.
type Finding struct {
	File     string   `json:"file"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	Path     string   `json:"path"` // e.g. schema[0].properties[3].classification
	Rule     string   `json:"rule"` // stable rule ID, e.g. gov-pii-classification
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Hint     string   `json:"hint,omitempty"`
}

// String renders `file:line:col: severity rule: message (hint)`.
func (f Finding) String() string {
	s := fmt.Sprintf("%s:%d:%d: %s %s: %s", f.File, f.Line, f.Column, f.Severity, f.Rule, f.Message)
	if f.Hint != "" {
		s += " (" + f.Hint + ")"
	}
	return s
}

// SortFindings orders findings by file, blocking before the rest (see
// Blocking), then line, column, rule and message, so
// that output is stable.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		switch {
		case a.File != b.File:
			return a.File < b.File
		case Blocking(a.Rule) != Blocking(b.Rule):
			return Blocking(a.Rule)
		case a.Line != b.Line:
			return a.Line < b.Line
		case a.Column != b.Column:
			return a.Column < b.Column
		case a.Rule != b.Rule:
			return a.Rule < b.Rule
		default:
			return a.Message < b.Message
		}
	})
}

// HasErrors reports whether any finding is an error.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == SeverityError {
			return true
		}
	}
	return false
}

// Blocking reports whether a rule's findings are about the file's input,
// YAML, version or schema: what must be fixed before the rest means much.
// They sort before governance and canvas findings.
func Blocking(rule string) bool {
	return strings.HasPrefix(rule, "input-") || strings.HasPrefix(rule, "yaml-") ||
		rule == RuleSchema || rule == RuleAPIVersion || rule == RuleInternal
}
