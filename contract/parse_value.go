package contract

import (
	"go.yaml.in/yaml/v3"
)

// valueDoc is Lint's document for plain block YAML, parsed straight into
// the value view (fastValueInto): the node tree is built only if a caller
// asks for it (tree), and findings get their positions without it
// (lint_positions.go). It is nil for other input, which takes the tree
// path. The findings are the same either way (FuzzCheck compares Lint with
// Check).
func valueDoc(file string, data []byte, bufs *parseBuffers) *Document {
	c := &bufs.conv
	*c = converter{file: file, bufs: bufs} // (a fresh box cache: it may hold the previous document's strings)
	value, keys, src, ok := fastValueInto(data, c)
	if !ok {
		return nil
	}
	doc := &Document{File: file, Data: data, lazy: bufs, keys: keys, src: src}
	doc.decode(value, bufs)
	return doc
}

// tree returns the document's node tree, parsing it now for a document
// that valueDoc built without one.
func (d *Document) tree() *yaml.Node {
	if d.Root == nil && d.lazy != nil {
		d.Root = fastYAMLInto(d.Data, d.lazy)
		d.lazy = nil
	}
	return d.Root
}

// rootKey finds a top-level key's position without the tree.
func (d *Document) rootKey(tokens []string) (keyPos, bool) {
	if d == nil || d.Root != nil || d.lazy == nil || len(tokens) != 1 {
		return keyPos{}, false
	}
	for _, k := range d.keys {
		if k.name == tokens[0] {
			return k, true
		}
	}
	return keyPos{}, false
}
