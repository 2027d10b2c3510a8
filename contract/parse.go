package contract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dataeng-os/dataeng-os/internal/lazyre"
	"go.yaml.in/yaml/v3"
)

// DefaultMaxBytes is the input size refused when Rules.MaxBytes is 0.
const DefaultMaxBytes = 10 << 20

// ParseLimit is Parse with an explicit size limit (0 = DefaultMaxBytes).
func ParseLimit(file string, data []byte, maxBytes int64) (doc *Document, fs []Finding) {
	return parseInto(file, data, maxBytes, nil, false)
}

// parseInto is ParseLimit building the tree into bufs (nil: fresh memory).
// For Lint (treeless), plain block YAML gets no tree at all (valueDoc).
func parseInto(file string, data []byte, maxBytes int64, bufs *parseBuffers, treeless bool) (doc *Document, fs []Finding) {
	defer func() {
		if r := recover(); r != nil {
			doc = nil
			fs = []Finding{internalFinding(file, r)}
		}
	}()
	if f := checkInput(file, data, maxBytes); f != nil {
		return nil, []Finding{*f}
	}
	if treeless {
		if doc := valueDoc(file, data, bufs); doc != nil {
			return doc, nil
		}
	}
	root, fast, more, f := decodeNode(file, data, bufs)
	if f != nil {
		return nil, []Finding{*f}
	}
	doc = &Document{File: file, Data: data, Root: root}
	fs = doc.build(fast, bufs)
	if more != nil {
		fs = append(fs, *more)
	}
	SortFindings(fs)
	return doc, fs
}

func internalFinding(file string, r any) Finding {
	return Finding{File: file, Line: 1, Column: 1, Rule: RuleInternal, Severity: SeverityError,
		Message: fmt.Sprintf("the validator failed on this input: %v", r),
		Hint:    "please report this file to the DataEngOS maintainers"}
}

// checkInput refuses oversized, binary, non-UTF-8 and empty input.
func checkInput(file string, data []byte, maxBytes int64) *Finding {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	mk := func(rule string, line int, msg, hint string) *Finding {
		return &Finding{File: file, Line: line, Column: 1, Rule: rule, Severity: SeverityError, Message: msg, Hint: hint}
	}
	switch {
	case int64(len(data)) > maxBytes:
		msg := fmt.Sprintf("the file is %d bytes, above the %d-byte limit", len(data), maxBytes)
		if int64(len(data)) == maxBytes+1 { // a reader that stopped at the limit
			msg = fmt.Sprintf("the file is larger than the %d-byte limit", maxBytes)
		}
		return mk(RuleInputTooLarge, 1, msg, "split the contract, or raise [validate] max_bytes if this really is one contract")
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return mk(RuleInputEncoding, 1, "the file is UTF-16; contracts must be UTF-8", "re-save the file as UTF-8")
	case bytes.IndexByte(data, 0) >= 0:
		return mk(RuleInputBinary, lineOf(data, bytes.IndexByte(data, 0)), "the file is binary (it contains NUL bytes), not YAML",
			"point the validator at a .odcs.yaml text file")
	case !utf8.Valid(data):
		return mk(RuleInputEncoding, lineOf(data, invalidUTF8(data)), "the file is not valid UTF-8",
			"re-save the file as UTF-8")
	case isBlankYAML(data):
		return mk(RuleYAMLEmpty, 1, "the file is empty: no contract in it", "start from `dataeng-os init` or templates/contract.yaml")
	}
	return nil
}

func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return 0
}

// isBlankYAML reports input with nothing but whitespace, comments and
// document markers.
func isBlankYAML(data []byte) bool {
	for len(data) > 0 {
		line, rest, _ := bytes.Cut(data, []byte("\n"))
		data = rest
		t := bytes.TrimSpace(line)
		if len(t) == 0 || t[0] == '#' || string(t) == "---" || string(t) == "..." {
			continue
		}
		return false
	}
	return true
}

var yamlLineRE = lazyre.New(`^yaml: (?:line (\d+): )?`)

// decodeNode parses the first YAML document and returns its root mapping,
// and a warning when the file holds more documents (only the first is
// checked). fast reports a tree of the fast parser.
func decodeNode(file string, data []byte, bufs *parseBuffers) (root *yaml.Node, fast bool, more, fatal *Finding) {
	if root := fastYAMLInto(data, bufs); root != nil {
		return root, true, nil, nil
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, false, nil, &Finding{File: file, Line: 1, Column: 1, Rule: RuleYAMLEmpty, Severity: SeverityError,
				Message: "the file is empty: no contract in it"}
		}
		return nil, false, nil, syntaxFinding(file, data, err)
	}
	root = deref(&doc)
	if root == nil || (root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null") {
		return nil, false, nil, &Finding{File: file, Line: 1, Column: 1, Rule: RuleYAMLEmpty, Severity: SeverityError,
			Message: "the document is empty (null): no contract in it"}
	}
	if root.Kind != yaml.MappingNode {
		return nil, false, nil, &Finding{File: file, Line: root.Line, Column: root.Column, Rule: RuleYAMLRoot, Severity: SeverityError,
			Message: fmt.Sprintf("the document is a %s; a contract must be a mapping of ODCS fields (apiVersion, kind, id, ...)", kindName(root)),
			Hint:    "start the file with `apiVersion: v3.1.0`"}
	}
	var next yaml.Node
	if err := dec.Decode(&next); (err == nil && !isNullDoc(&next)) || (err != nil && !errors.Is(err, io.EOF)) {
		line := next.Line
		if line == 0 {
			line = lineOf(data, len(data))
		}
		more = &Finding{File: file, Line: line, Column: 1, Rule: RuleYAMLMultiDoc, Severity: SeverityWarning,
			Message: "the file holds more than one YAML document; only the first is checked",
			Hint:    "put one contract per file"}
	}
	return root, false, more, nil
}

func syntaxFinding(file string, data []byte, err error) *Finding {
	msg := err.Error()
	line := 1
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		if m[1] != "" {
			line, _ = strconv.Atoi(m[1])
		}
		msg = msg[len(m[0]):]
	}
	rule := RuleYAMLSyntax
	hint := "fix the YAML syntax (indentation, quotes, colons)"
	if strings.Contains(msg, "exceeded max depth") {
		rule, hint = RuleYAMLDepth, "flatten the structure"
	}
	if strings.Contains(msg, "found character that cannot start any token") && bytes.Contains(data, []byte("\t")) {
		hint = "YAML indentation must use spaces, not tabs"
	}
	return &Finding{File: file, Line: line, Column: 1, Rule: rule, Severity: SeverityError, Message: "invalid YAML: " + msg, Hint: hint}
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.ScalarNode:
		return "plain value (" + strings.TrimPrefix(n.ShortTag(), "!!") + ")"
	default:
		return "non-mapping value"
	}
}

// build measures, converts and decodes the root mapping into the document's
// value and typed views. A tree of the fast parser (fast) needs no
// measuring: it has no aliases and gives up nesting far below MaxDepth.
func (d *Document) build(fast bool, bufs *parseBuffers) []Finding {
	if !fast {
		m := &measure{}
		if f := m.run(d.File, d.Root); f != nil {
			d.Root = nil
			return []Finding{*f}
		}
	}
	c := &converter{file: d.File, bufs: bufs}
	value, _ := c.value(d.Root).(map[string]any)
	d.decode(value, bufs)
	return c.findings
}

// decode sets the document's value view and builds the typed one from it.
func (d *Document) decode(value map[string]any, bufs *parseBuffers) {
	if value == nil { // a merge key turned the root into something else
		value = map[string]any{}
	}
	d.value = value
	d.APIVersion, _ = value["apiVersion"].(string)
	t := &typed{doc: d, bufs: bufs}
	d.Contract = t.contract(value)
	d.typeErrs = t.errs
}

// isNullDoc reports an empty or null document (a trailing `---`).
func isNullDoc(n *yaml.Node) bool {
	r := deref(n)
	return r == nil || (r.Kind == yaml.ScalarNode && r.ShortTag() == "!!null")
}
