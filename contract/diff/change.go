// Package diff is the semantic breaking-change diff of DataEngOS: it compares
// two parsed ODCS contracts (matched by contract id, objects and properties
// by name, a physicalName or id match counting as a rename) and reports each
// change with a stable rule id, a level and the line it is about, then
// applies the semver gate (is the version bump honest?). Renderers turn the
// changes into text, JSON, GitHub annotations or a Markdown table on the
// io.Writer they are given; the package performs no other I/O.
// contract/BREAKING.md documents every rule.
package diff

import (
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

// Level says how much a change matters to the contract's consumers.
type Level string

// Levels, from the most to the least severe. LevelError is a semver-gate
// failure (a dishonest version bump, a status going back); LevelOff drops a
// change (only as an override).
const (
	LevelError    Level = "error"
	LevelBreaking Level = "breaking"
	LevelWarning  Level = "warning"
	LevelInfo     Level = "info"
	LevelOff      Level = "off"
)

// Fails reports whether the level fails a CI gate (breaking or error).
func (l Level) Fails() bool { return l == LevelBreaking || l == LevelError }

// Change is one semantic difference between two versions of a contract.
// File, Line and Column point into the new file, or into the old file for
// a removal; NewLine and NewColumn always point into the new file (for a
// removal: the nearest surviving parent), which is where CI annotations go.
type Change struct {
	RuleID    string `json:"rule"`
	Level     Level  `json:"level"`
	Object    string `json:"object,omitempty"`
	Property  string `json:"property,omitempty"` // dotted for nested fields: address.city, tags[]
	Field     string `json:"field,omitempty"`    // the changed key, e.g. maxLength
	Old       string `json:"old,omitempty"`
	New       string `json:"new,omitempty"`
	Message   string `json:"message"`
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	NewLine   int    `json:"newLine,omitempty"`
	NewColumn int    `json:"newColumn,omitempty"`
}

// Where renders the object and property the change is about, or "" for a
// contract-level change.
func (c Change) Where() string {
	switch {
	case c.Object != "" && c.Property != "":
		return c.Object + "." + c.Property
	case c.Object != "":
		return c.Object
	}
	return c.Property
}

// Policy tunes a comparison. The zero value uses the default levels and the
// `masking` custom property.
type Policy struct {
	// Levels overrides the level of a rule id (LevelOff drops it).
	Levels map[string]Level
	// MaskingProperty is the custom property that says how a column is
	// masked ("" = "masking").
	MaskingProperty string
}

// FromRules builds a Policy from the project's governance: the `rules` map of
// policy.json may name diff rule ids with the usual severities (error →
// breaking, or error for a semver-gate rule; warning; off), and the PII
// policy names the masking property. `info` (diff rules only) makes a
// change informational.
func FromRules(p contract.Policy) Policy {
	out := Policy{MaskingProperty: p.PII.MaskingProperty, Levels: map[string]Level{}}
	for id, sev := range p.Rules {
		def, ok := defaultLevels[id]
		if !ok {
			continue
		}
		switch sev {
		case contract.SeverityError:
			out.Levels[id] = LevelBreaking
			if def == LevelError {
				out.Levels[id] = LevelError
			}
		case contract.SeverityWarning:
			out.Levels[id] = LevelWarning
		case contract.SeverityOff:
			out.Levels[id] = LevelOff
		case contract.SeverityInfo:
			out.Levels[id] = LevelInfo
		}
	}
	return out
}

func (p Policy) level(id string) Level {
	if l, ok := p.Levels[id]; ok {
		return l
	}
	return defaultLevels[id]
}

func (p Policy) masking() string {
	if p.MaskingProperty == "" {
		return "masking"
	}
	return p.MaskingProperty
}

// Counts tallies changes by level.
type Counts struct {
	Error    int `json:"error"`
	Breaking int `json:"breaking"`
	Warning  int `json:"warning"`
	Info     int `json:"info"`
}

// Count tallies changes by level.
func Count(cs []Change) Counts {
	var n Counts
	for _, c := range cs {
		switch c.Level {
		case LevelError:
			n.Error++
		case LevelBreaking:
			n.Breaking++
		case LevelWarning:
			n.Warning++
		case LevelInfo:
			n.Info++
		}
	}
	return n
}

// Fails reports whether any change is breaking or an error.
func Fails(cs []Change) bool {
	for _, c := range cs {
		if c.Level.Fails() {
			return true
		}
	}
	return false
}

// String renders the counts as "1 error, 2 breaking, 0 warnings, 3 info".
func (n Counts) String() string {
	parts := []string{plural(n.Error, "error"), itoa(n.Breaking) + " breaking", plural(n.Warning, "warning"), itoa(n.Info) + " info"}
	return strings.Join(parts, ", ")
}
