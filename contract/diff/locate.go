package diff

import (
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/dataeng-os/dataeng-os/contract"
)

// path is a list of keys and sequence indexes into a contract's YAML tree,
// e.g. schema 0 properties 3 maxLength.
type path []string

// with returns a copy of p extended by toks (never aliasing p).
func (p path) with(toks ...string) path {
	out := make(path, 0, len(p)+len(toks))
	return append(append(out, p...), toks...)
}

func (p path) idx(key string, i int) path { return p.with(key, strconv.Itoa(i)) }

// position returns the line and column of the node at p in doc: the key
// for a mapping member, the item for a sequence element, and the deepest
// existing ancestor when p runs out. A missing tree gives 1:1.
func position(doc *contract.Document, p path) (line, col int) {
	line, col = 1, 1
	if doc == nil || doc.Root == nil {
		return
	}
	cur := deref(doc.Root)
	if cur != nil && cur.Line > 0 {
		line, col = cur.Line, cur.Column
	}
	for _, tok := range p {
		val, key := child(cur, tok)
		if val == nil {
			return
		}
		at := val
		if key != nil {
			at = key
		}
		if at.Line > 0 {
			line, col = at.Line, at.Column
		}
		cur = deref(val)
	}
	return
}

func deref(n *yaml.Node) *yaml.Node {
	for depth := 0; n != nil && depth < 64; depth++ {
		switch {
		case n.Kind == yaml.AliasNode:
			n = n.Alias
		case n.Kind == yaml.DocumentNode && len(n.Content) > 0:
			n = n.Content[0]
		case n.Kind == yaml.DocumentNode:
			return nil
		default:
			return n
		}
	}
	return nil
}

// child returns the value at tok under n, and the key node for mappings.
// Merge keys are followed one level deep.
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
			if k := deref(n.Content[i]); k != nil && k.ShortTag() == "!!merge" {
				if m := deref(n.Content[i+1]); m != nil && m.Kind == yaml.MappingNode {
					if v, _ := child(m, tok); v != nil {
						return v, n.Content[i]
					}
				}
			}
		}
	}
	return nil, nil
}
