package diff

import (
	"strconv"

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

// position returns the line and column of the node at p in doc, as
// findings point: contract.Document.Position.
func position(doc *contract.Document, p path) (line, col int) { return doc.Position(p...) }
