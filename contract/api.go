package contract

import (
	"go.yaml.in/yaml/v3"
)

// Document is a parsed contract: its source, YAML node tree (every value has
// a line:column) and typed view.
type Document struct {
	File       string
	Data       []byte
	Root       *yaml.Node // the document's root mapping node
	Contract   *Contract  // typed view; nil when the YAML could not be decoded
	APIVersion string
}

// Parse reads a contract and reports layer-1 findings (YAML syntax and
// shape). The Document is nil when nothing usable could be parsed.
// SKELETON: the validator owner replaces this with the full parser.
func Parse(file string, data []byte) (*Document, []Finding) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, []Finding{{File: file, Line: 1, Column: 1, Rule: "yaml-syntax", Severity: SeverityError, Message: err.Error()}}
	}
	var c Contract
	if err := root.Decode(&c); err != nil {
		return nil, []Finding{{File: file, Line: 1, Column: 1, Rule: "yaml-shape", Severity: SeverityError, Message: err.Error()}}
	}
	return &Document{File: file, Data: data, Root: &root, Contract: &c, APIVersion: c.APIVersion}, nil
}

// Validate runs the JSON Schema and governance layers on a parsed document
// and returns every finding, sorted. It performs no I/O.
// SKELETON: the validator owner implements it.
func Validate(doc *Document, rules Rules) []Finding {
	return nil
}

// Check parses and validates in one call, returning all findings sorted.
func Check(file string, data []byte, rules Rules) (*Document, []Finding) {
	doc, fs := Parse(file, data)
	if doc != nil {
		fs = append(fs, Validate(doc, rules)...)
	}
	SortFindings(fs)
	return doc, fs
}

// Marshal writes a contract as canonical ODCS YAML (2-space indent).
func Marshal(c *Contract) ([]byte, error) {
	return yaml.Marshal(c)
}
