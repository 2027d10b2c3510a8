package contract

import (
	"bytes"
	"sync"

	"go.yaml.in/yaml/v3"
)

// Document is a parsed contract: its source, YAML node tree (every value has
// a line:column) and typed view. Build it with Parse; Validate relies on
// what Parse prepared. YAML timestamps are strings everywhere: Parse
// retags timestamp nodes as !!str. Comments may be missing from Root
// (plain block YAML is parsed by a fast path that skips them), so edit
// commented YAML with yaml.v3 directly. The typed view's Extra maps share
// values with the document, so treat a Document as read-only once
// validated (Marshal a modified copy of Contract instead).
type Document struct {
	File       string
	Data       []byte
	Root       *yaml.Node // the document's root mapping node
	Contract   *Contract  // typed view; nil when the YAML could not be decoded
	APIVersion string     // "" when missing or not a string

	value    map[string]any // JSON-like view for the JSON Schema layer
	typeErrs []Finding      // the typed decoder's complaints (wrong scalar types)

	// A document Lint built from its value view alone (valueDoc) has no
	// Root: keys says where its top-level keys are, and its findings get
	// positions from pending (lint_positions.go); tree builds Root only
	// for firstKey. Such a document never leaves Lint, so Validate may
	// write these fields and stays safe for the documents Parse returns.
	lazy    *parseBuffers
	keys    []keyPos
	src     string   // the value view's strings are substrings of it
	pending []string // the paths of findings still without a position (lint_positions.go)
}

// Parse reads a contract and reports layer-1 findings (input, YAML syntax
// and shape). The Document is nil when nothing usable could be parsed. It
// refuses input above DefaultMaxBytes; use ParseLimit for another bound.
// Parse never panics and is safe for concurrent use.
func Parse(file string, data []byte) (*Document, []Finding) {
	return ParseLimit(file, data, 0)
}

// Check parses and validates in one call, returning all findings sorted.
func Check(file string, data []byte, rules Rules) (*Document, []Finding) {
	doc, fs := ParseLimit(file, data, rules.MaxBytes)
	if doc != nil {
		fs = append(fs, Validate(doc, rules)...)
	}
	SortFindings(fs)
	return doc, fs
}

var lintBuffers = sync.Pool{New: func() any { return &parseBuffers{} }}

// Lint is Check for a caller that keeps only the findings and the
// contract's id (validate over a folder, a pre-commit hook): no Document
// is returned, so its parse buffers go back to a pool for the next call
// and a run over thousands of files allocates and collects far less.
// hasID is false where ContractID's ok would be. Nothing returned refers
// to data, so the caller may reuse it (validate's workers read every file
// into one buffer). Safe for concurrent use.
func Lint(file string, data []byte, rules Rules) (fs []Finding, id ContractID, hasID bool) {
	bufs := lintBuffers.Get().(*parseBuffers)
	defer func() {
		bufs.releaseValues()
		lintBuffers.Put(bufs)
	}()
	doc, fs := parseInto(file, data, rules.MaxBytes, bufs, true)
	if doc != nil {
		fs = append(fs, Validate(doc, rules)...)
		id, hasID = doc.ContractID()
		doc.resolvePositions(fs)
	}
	SortFindings(fs)
	return fs, id, hasID
}

// Marshal writes a contract as canonical ODCS YAML (2-space indent). Fields
// the model does not name (Extra) are written back unchanged.
func Marshal(c *Contract) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(c); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
