package contract

import (
	"go.yaml.in/yaml/v3"
)

// lintParse is parseInto for Lint: plain block YAML is parsed straight
// into the value view (fastValueInto), and the node tree is built only if
// a finding needs a position below the top-level keys (tree). Other input
// takes parseInto's path. The findings are the same either way
// (FuzzCheck compares Lint with Check).
func lintParse(file string, data []byte, maxBytes int64, bufs *parseBuffers) (doc *Document, fs []Finding) {
	defer func() {
		if r := recover(); r != nil {
			doc = nil
			fs = []Finding{internalFinding(file, r)}
		}
	}()
	if f := checkInput(file, data, maxBytes); f != nil {
		return nil, []Finding{*f}
	}
	c := &bufs.conv
	*c = converter{file: file, bufs: bufs} // (a fresh box cache: it may hold the previous document's strings)
	value, keys, src, ok := fastValueInto(data, c)
	if !ok {
		return parseInto(file, data, maxBytes, bufs)
	}
	doc = &Document{File: file, Data: data, lazy: bufs, keys: keys, src: src}
	doc.decode(value, bufs)
	return doc, nil
}

// tree returns the document's node tree, parsing it now for a document
// that lintParse built without one.
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
