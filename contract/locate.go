package contract

import (
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// locate follows a path of keys and indexes (a JSON Schema instance
// location, or a governance path) through the YAML node tree. It returns the
// node to point at (the key node for a mapping member, the item for a
// sequence element, the deepest existing ancestor when the path runs out)
// and the path rendered as `schema[0].properties[3].classification`.
func locate(root *yaml.Node, tokens []string) (*yaml.Node, string) {
	var b strings.Builder
	at := root
	cur := root
	for _, tok := range tokens {
		cur = deref(cur)
		next, key := child(cur, tok)
		if cur != nil && cur.Kind == yaml.SequenceNode {
			b.WriteString("[" + tok + "]")
		} else if _, err := strconv.Atoi(tok); err == nil && cur == nil {
			b.WriteString("[" + tok + "]")
		} else {
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(tok)
		}
		if next == nil {
			cur = nil
			continue
		}
		if key != nil {
			at = key
		} else {
			at = next
		}
		cur = next
	}
	return at, b.String()
}

// pathString renders tokens without a node tree.
func pathString(tokens []string) string {
	_, p := locate(nil, tokens)
	return p
}

func deref(n *yaml.Node) *yaml.Node {
	for n != nil && (n.Kind == yaml.AliasNode || n.Kind == yaml.DocumentNode) {
		if n.Kind == yaml.AliasNode {
			n = n.Alias
		} else if len(n.Content) > 0 {
			n = n.Content[0]
		} else {
			return nil
		}
	}
	return n
}

// child returns the value at tok under n, and the key node for mappings.
func child(n *yaml.Node, tok string) (val, key *yaml.Node) {
	if n == nil {
		return nil, nil
	}
	switch n.Kind {
	case yaml.SequenceNode:
		i, err := strconv.Atoi(tok)
		if err != nil || i < 0 || i >= len(n.Content) {
			return nil, nil
		}
		return n.Content[i], nil
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := deref(n.Content[i]); k != nil && k.Value == tok && k.ShortTag() != "!!merge" {
				return n.Content[i+1], n.Content[i]
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].ShortTag() == "!!merge" {
				if v, _ := child(deref(n.Content[i+1]), tok); v != nil {
					return v, n.Content[i]
				}
			}
		}
	}
	return nil, nil
}

// at builds a finding located at tokens in doc.
// Position is the line and column a path of keys and indexes points at,
// as findings do: the key of a mapping member, the item of a sequence
// element, the deepest existing ancestor when the path runs out; 1:1 when
// there is no tree.
func (d *Document) Position(tokens ...string) (line, col int) {
	if k, ok := d.rootKey(tokens); ok {
		return k.line, k.col
	}
	if d == nil || d.tree() == nil {
		return 1, 1
	}
	if n, _ := locate(d.Root, tokens); n != nil && n.Line > 0 {
		return n.Line, n.Column
	}
	return 1, 1
}

func (d *Document) at(rule string, sev Severity, msg, hint string, tokens ...string) Finding {
	if k, ok := d.rootKey(tokens); ok {
		return Finding{File: d.File, Line: k.line, Column: k.col, Path: tokens[0], Rule: rule, Severity: sev, Message: msg, Hint: hint}
	}
	if d.Root == nil && d.lazy != nil {
		return d.pendingAt(Finding{File: d.File, Rule: rule, Severity: sev, Message: msg, Hint: hint}, tokens)
	}
	n, p := locate(d.tree(), tokens)
	f := Finding{File: d.File, Line: 1, Column: 1, Path: p, Rule: rule, Severity: sev, Message: msg, Hint: hint}
	if n != nil {
		f.Line, f.Column = n.Line, n.Column
	}
	return f
}
