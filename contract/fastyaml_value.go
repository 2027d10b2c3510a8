package contract

import (
	"go.yaml.in/yaml/v3"
)

// Value mode: the fast parser builds the value view (map[string]any,
// []any, scalars) straight from the text, with no yaml.Node tree. Lint
// uses it: a contract's findings need the tree only to say where they
// are, and lint_positions.go finds that without one (the tree is built,
// by Document.tree, only to tell which of several unknown keys comes
// first, or for Position). A contract then costs neither the tree's 160
// bytes a node nor the walk that converts it. Every node the parser makes
// is one scratch node, read at once; the children of an open collection
// wait on vm.stack.
type valueMode struct {
	c        *converter // boxes scalars, hands out maps and slots; nil: tree mode
	stack    []fastEntry
	last     any  // the value of the collection just finished
	lastColl bool // last is the latest value (no node made since)
	dup      bool // a mapping repeats a key: the tree path reports it
	scratch  yaml.Node
	keys     []keyPos // the root mapping's keys, where they are
	track    *tracker // position mode: no values, only where wanted nodes are (lint_positions.go)
}

// maxFreeEntries bounds the value stack the buffers keep for the next
// document.
const maxFreeEntries = 1 << 12

type fastEntry struct {
	key string // "" in a sequence
	val any
}

// keyPos is a top-level key's 1-based line and column.
type keyPos struct {
	name      string
	line, col int
}

// fastValueInto parses data as fastYAMLInto does and returns the value of
// its root mapping, built with c (whose bufs lend the parser's slices),
// the positions of the root's keys and the copy of data its strings are
// cut from. ok is false where fastYAMLInto
// would give up, and on a repeated key (the tree path reports it).
func fastValueInto(data []byte, c *converter) (root map[string]any, keys []keyPos, src string, ok bool) {
	bufs := c.bufs
	lines, ok := fastYAMLInput(data, bufs.lines[:0])
	if bufs.lines = lines[:0]; !ok {
		return nil, nil, "", false
	}
	p := &bufs.parser
	*p = fastParser{data: data, src: string(data), lines: lines}
	p.vm = valueMode{c: c, stack: bufs.entries[:0], keys: bufs.keys[:0]}
	defer func() {
		bufs.lines, bufs.keys = p.lines, p.vm.keys[:0]
		// Keep no value of this document: clear the stack, or drop it when
		// a large document grew it (clearing it for every small one after
		// would cost more than a new one).
		bufs.entries = nil
		if s := p.vm.stack; cap(s) <= maxFreeEntries {
			clear(s[:cap(s)])
			bufs.entries = s[:0]
		}
		*p = fastParser{}
	}()
	if p.skipBlank(); p.i >= len(p.lines) {
		return nil, nil, "", false
	}
	ind := p.indent(p.i)
	if _, ok := p.block(ind, ind, 0); !ok || p.vm.dup || !p.vm.lastColl {
		return nil, nil, "", false
	}
	if p.skipBlank(); p.i < len(p.lines) {
		return nil, nil, "", false
	}
	root, ok = p.vm.last.(map[string]any)
	return root, p.vm.keys, p.src, ok
}

// scratchNode is node in value mode: the caller reads it before the next.
func (vm *valueMode) scratchNode(kind yaml.Kind, tag, value string, line, col int) *yaml.Node {
	n := &vm.scratch
	n.Kind, n.Tag, n.Value, n.Style, n.Line, n.Column = kind, tag, value, 0, line+1, col+1
	vm.lastColl = false
	if t := vm.track; t != nil && t.armed {
		t.armed = false
		t.at(line, col)
	}
	return n
}

// rootKey records where a key of the root mapping is.
func (vm *valueMode) rootKey(name string, line, col int) {
	vm.keys = append(vm.keys, keyPos{name: name, line: line + 1, col: col + 1})
}

// collect turns the entries pushed since mark into the collection's value.
func (vm *valueMode) collect(kind yaml.Kind, mark int) {
	if vm.track != nil { // (position mode builds nothing)
		vm.track.n, vm.last, vm.lastColl = mark, nil, true
		return
	}
	kids := vm.stack[mark:]
	if kind == yaml.MappingNode {
		m := vm.c.bufs.newMap(len(kids))
		for _, e := range kids {
			if _, dup := m[e.key]; dup {
				vm.dup = true
			}
			m[e.key] = e.val
		}
		vm.last = m
	} else {
		s := vm.c.bufs.newSeq(len(kids))
		for i, e := range kids {
			s[i] = e.val
		}
		vm.last = s
	}
	vm.stack = vm.stack[:mark]
	vm.lastColl = true
}

// mark is where the children of a collection starting now will begin.
func (p *fastParser) mark() int {
	switch {
	case p.vm.track != nil:
		return p.vm.track.n
	case p.vm.c != nil:
		return len(p.vm.stack)
	}
	return len(p.stack)
}

// push adds a finished child: its node, or in value mode its value (key
// is the mapping key, "" for a sequence item).
func (p *fastParser) push(key string, n *yaml.Node) {
	if p.vm.c == nil {
		p.stack = append(p.stack, n)
		return
	}
	var v any
	switch {
	case p.vm.track != nil: // position mode only counts the children
		p.vm.track.n++
		return
	case p.vm.lastColl:
		v = p.vm.last
	default:
		v = p.vm.c.value(n) // a scalar
	}
	p.vm.stack = append(p.vm.stack, fastEntry{key: key, val: v})
}

// columns reports a parse whose nodes need columns: the tree and the
// position pass; value mode has no use for them.
func (p *fastParser) columns() bool { return p.vm.c == nil || p.vm.track != nil }

// runeCol is runeCol where columns are needed, else 0.
func (p *fastParser) runeCol(line []byte, off int) int {
	if !p.columns() {
		return 0
	}
	return runeCol(line, off)
}

// enterItem tells the position pass that element i of a list begins: its
// first node is the item.
func (p *fastParser) enterItem(i int) {
	if t := p.vm.track; t != nil {
		t.enter(indexToken(i))
		t.armed = true
	}
}

// leave ends the member or element the position pass entered.
func (p *fastParser) leave() {
	if t := p.vm.track; t != nil {
		t.leave()
	}
}
