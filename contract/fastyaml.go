package contract

import (
	"bytes"
	"encoding/binary"
	"slices"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// fastYAML parses the plain block YAML that contracts are usually written
// in (block mappings and sequences, one-line plain and quoted scalars,
// one-line flow lists of scalars, comments) straight into the yaml.Node
// tree that yaml.v3 would build, several times faster; comments are
// skipped, not attached to nodes. Anything else (anchors, tags, block or
// multi-line scalars, flow mappings, document markers, tabs, empty values,
// odd indentation, errors) makes it give up and return nil: the caller
// then runs yaml.v3, which alone reports syntax errors.
// TestFastYAMLMatches and FuzzFastYAML compare both trees.
func fastYAML(data []byte) *yaml.Node { return fastYAMLInto(data, nil) }

// parseBuffers are a fast parse's slices, kept for the next parse once the
// caller has dropped the tree (Lint): a folder of small contracts then
// reuses the same memory instead of allocating, clearing and collecting
// it for every file.
type parseBuffers struct {
	slab  []yaml.Node
	dirty int // slab[:dirty] may hold an earlier tree; the rest is zero
	ptrs  []*yaml.Node
	stack []*yaml.Node
	lines [][]byte
	// The value view's maps and sequence slots, handed to one document at
	// a time and cleared for the next (see values.go).
	maps  []map[string]any // free, empty
	used  []map[string]any // the current document's
	slots []any            // the current document's sequence elements
	nSlot int
	// Value mode's stack of children and the root's key positions.
	entries []fastEntry
	keys    []keyPos
	// The typed view's property lists, cut from one slice like slots.
	props []Property
	nProp int
	// Lint's converter and value-mode parser, reset for each document.
	conv   converter
	parser fastParser
}

// fastYAMLInto is fastYAML building into bufs (nil: fresh memory). The tree
// lives in bufs until they are reused.
func fastYAMLInto(data []byte, bufs *parseBuffers) *yaml.Node {
	if bufs == nil {
		bufs = &parseBuffers{}
	}
	lines, ok := fastYAMLInput(data, bufs.lines[:0])
	if bufs.lines = lines[:0]; !ok {
		return nil
	}
	p := &fastParser{data: data, src: string(data), lines: lines}
	// One slab for about every node (a key, a value, an item).
	n := slabSize(data)
	if cap(bufs.slab) < n {
		bufs.slab, bufs.dirty = make([]yaml.Node, 0, n), 0
	}
	// Every node but the root is one parent's child: one slice holds all
	// Content pointers (content still grows it when the estimate is short).
	if cap(bufs.ptrs) < n {
		bufs.ptrs = make([]*yaml.Node, 0, n)
	}
	if cap(bufs.stack) < 64 {
		bufs.stack = make([]*yaml.Node, 0, 64)
	}
	p.slab, p.ptrs, p.stack = bufs.slab[:0], bufs.ptrs[:0], bufs.stack[:0]
	p.dirty = bufs.dirty
	defer func() {
		bufs.ptrs, bufs.stack, bufs.lines = p.ptrs, p.stack, p.lines
		if p.overflow {
			bufs.dirty = cap(bufs.slab)
		} else {
			bufs.dirty = max(bufs.dirty, len(p.slab))
		}
	}()
	p.skipBlank()
	if p.i >= len(p.lines) {
		return nil
	}
	ind := p.indent(p.i)
	root, ok := p.block(ind, ind, 0)
	if !ok || root.Kind != yaml.MappingNode {
		return nil
	}
	if p.skipBlank(); p.i < len(p.lines) {
		return nil
	}
	return root
}

// fastYAMLInput rejects input with characters the fast parser leaves to
// yaml.v3: tabs, CR, other line breaks, BOM, non-printable runes, merge
// keys (<<) and document markers (--- or ... at a line start). The same
// pass appends data's lines (without their '\n') to lines.
func fastYAMLInput(data []byte, lines [][]byte) ([][]byte, bool) {
	if docMarker(data) {
		return lines, false
	}
	if cap(lines)-len(lines) < len(data)/16 { // (lines are rarely shorter)
		lines = slices.Grow(lines, bytes.Count(data, []byte{'\n'})+1)
	}
	start := 0
	for i := 0; i < len(data); {
		for i+8 <= len(data) && plainWord(binary.LittleEndian.Uint64(data[i:])) {
			i += 8
		}
		if i >= len(data) {
			break
		}
		c := data[i]
		if plainInputByte[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
				if docMarker(data[i+1:]) {
					return lines, false
				}
				lines, start = append(lines, data[start:i]), i+1
			case c < 0x20 || c == 0x7F:
				return lines, false // tab, CR and other controls
			case c == '<' && i+1 < len(data) && data[i+1] == '<':
				return lines, false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r < 0xA0 || r == 0x2028 || r == 0x2029 || r == 0xFEFF || r == 0xFFFE || r == 0xFFFF || r == utf8.RuneError {
			return lines, false
		}
		i += n
	}
	if start < len(data) {
		lines = append(lines, data[start:])
	}
	return lines, true
}

// plainInputByte marks the ASCII bytes fastYAMLInput passes without a
// closer look: printable ones but '<'.
var plainInputByte = func() (t [256]bool) {
	for c := 0x20; c < 0x7F; c++ {
		t[c] = c != '<'
	}
	return t
}()

// plainWord reports 8 bytes that are all plainInputByte: no byte with the
// high bit, none below 0x20, no '<' and no DEL (a false "no" only costs
// the byte-wise loop).
func plainWord(w uint64) bool {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	hasZero := func(x uint64) bool { return (x-ones)&^x&high != 0 }
	return w&high == 0 && (w-0x20*ones)&^w&high == 0 && !hasZero(w^'<'*ones) && !hasZero(w^0x7F*ones)
}

func docMarker(b []byte) bool {
	return len(b) >= 3 && (b[0] == '-' || b[0] == '.') && b[1] == b[0] && b[2] == b[0]
}

type fastParser struct {
	data     []byte
	src      string // data as one string: scalar values are substrings of it
	lines    [][]byte
	i        int // current line
	slab     []yaml.Node
	dirty    int  // slab[:dirty] may hold an earlier tree
	overflow bool // slab is no longer the buffers' slab
	ptrs     []*yaml.Node
	stack    []*yaml.Node
	vm       valueMode // with vm.c set, values are built instead of a tree (fastyaml_value.go)
}

func (p *fastParser) indent(i int) int {
	n := 0
	for n < len(p.lines[i]) && p.lines[i][n] == ' ' {
		n++
	}
	return n
}

// blank reports an empty, all-space or comment line.
func (p *fastParser) blank(i int) bool {
	n := p.indent(i)
	return n == len(p.lines[i]) || p.lines[i][n] == '#'
}

func (p *fastParser) skipBlank() {
	for p.i < len(p.lines) && p.blank(p.i) {
		p.i++
	}
}

func (p *fastParser) node(kind yaml.Kind, tag, value string, line, col int) *yaml.Node {
	if p.vm.c != nil {
		return p.vm.scratchNode(kind, tag, value, line, col)
	}
	if len(p.slab) == cap(p.slab) {
		p.slab = make([]yaml.Node, 0, 32) // slabSize's estimate was short: a little more at a time
		p.dirty, p.overflow = 0, true
	}
	i := len(p.slab)
	p.slab = p.slab[:i+1]
	n := &p.slab[i]
	if i < p.dirty {
		// A node of an earlier tree: clear only the fields that are set.
		if n.Anchor != "" || n.Alias != nil || n.HeadComment != "" || n.LineComment != "" || n.FootComment != "" {
			*n = yaml.Node{}
		}
		if n.Content != nil {
			n.Content = nil
		}
		n.Style = 0
	}
	// Set only what is not zero: field stores spare the write barriers of
	// a whole-struct copy while the collector runs.
	n.Kind, n.Tag, n.Value, n.Line, n.Column = kind, tag, value, line+1, col+1
	return n
}

// slabSize estimates the nodes a document makes, so that one allocation
// holds them all: a key and its value per ':', an item per ',' of a flow
// list and per "- " of a block sequence (a scalar item has no ':').
func slabSize(data []byte) int {
	return 2*bytes.Count(data, []byte{':'}) + bytes.Count(data, []byte{','}) + bytes.Count(data, []byte("- ")) + 8
}

// content moves the children pushed since mark into the node's Content
// (in value mode, into the collection's value).
func (p *fastParser) content(n *yaml.Node, kind yaml.Kind, mark int) {
	if p.vm.c != nil {
		p.vm.collect(kind, mark)
		return
	}
	kids := p.stack[mark:]
	if len(kids) > 0 {
		if cap(p.ptrs)-len(p.ptrs) < len(kids) {
			p.ptrs = make([]*yaml.Node, 0, max(256, len(kids)))
		}
		start := len(p.ptrs)
		p.ptrs = append(p.ptrs, kids...)
		n.Content = p.ptrs[start:len(p.ptrs):len(p.ptrs)]
	}
	p.stack = p.stack[:mark]
}

// block parses the collection starting at byte col of the current line;
// ind is that line's indentation (col > ind after "- ").
func (p *fastParser) block(ind, col, depth int) (*yaml.Node, bool) {
	if depth > 50 {
		return nil, false
	}
	rest := p.lines[p.i][col:]
	if isSeqItem(rest) {
		return p.sequence(col, depth)
	}
	return p.mapping(col, depth)
}

func isSeqItem(s []byte) bool {
	return len(s) > 0 && s[0] == '-' && (len(s) == 1 || s[1] == ' ')
}

// nextAt moves to the next non-blank line and reports whether it continues
// a collection at column col (false at the end or a smaller indent).
func (p *fastParser) nextAt(col int) (more, ok bool) {
	p.skipBlank()
	if p.i >= len(p.lines) {
		return false, true
	}
	switch ind := p.indent(p.i); {
	case ind == col:
		return true, true
	case ind < col:
		return false, true
	}
	return false, false // deeper: a continuation line or an error
}

func (p *fastParser) mapping(col, depth int) (*yaml.Node, bool) {
	mark := p.mark()
	var m *yaml.Node
	for first := true; ; first = false {
		line := p.lines[p.i]
		if !first && isSeqItem(line[col:]) {
			return nil, false
		}
		k, rest, ok := p.key(line, col)
		if !ok {
			return nil, false
		}
		key := k.Value // (in value mode k is the scratch node that m reuses)
		if first {
			m = p.node(yaml.MappingNode, "!!map", "", p.i, col)
		}
		switch {
		case p.vm.c == nil:
			p.stack = append(p.stack, k)
		case p.vm.track != nil:
			p.vm.track.enter(key)
			p.vm.track.at(p.i, runeCol(line, col))
		case depth == 0:
			p.vm.rootKey(key, p.i, runeCol(line, col))
		}
		v, ok := p.value(line, len(line)-len(rest), col, depth)
		if !ok {
			return nil, false
		}
		p.leave()
		p.push(key, v)
		more, ok := p.nextAt(col)
		if !ok {
			return nil, false
		}
		if !more {
			break
		}
	}
	p.content(m, yaml.MappingNode, mark)
	return m, true
}

// key reads a plain key at col and returns what follows its colon.
func (p *fastParser) key(line []byte, col int) (*yaml.Node, []byte, bool) {
	s := line[col:]
	if len(s) == 0 || notKeyStart[s[0]] {
		return nil, nil, false
	}
	end := keyEnd(s)
	if end < 0 {
		return nil, nil, false
	}
	name := p.str(bytes.TrimRight(s[:end], " "))
	if name == "<<" || len(name) > 1000 {
		return nil, nil, false
	}
	k := p.node(yaml.ScalarNode, "", name, p.i, p.runeCol(line, col))
	if p.vm.c == nil { // (a value view needs no key tag: `<<` is refused above)
		k.Tag = plainTag(k)
	}
	return k, s[end+1:], true
}

// value parses a mapping value that starts at byte off of line (after the
// colon) for a key at column col.
func (p *fastParser) value(line []byte, off, col, depth int) (*yaml.Node, bool) {
	for off < len(line) && line[off] == ' ' {
		off++
	}
	if off < len(line) && line[off] != '#' { // "key: # note" has its value below
		n, ok := p.scalarOrFlow(line, off)
		p.i++
		return n, ok
	}
	p.i++
	p.skipBlank()
	if p.i >= len(p.lines) {
		return nil, false // empty value: left to yaml.v3
	}
	ind := p.indent(p.i)
	if ind > col || (ind == col && isSeqItem(p.lines[p.i][ind:])) {
		return p.block(ind, ind, depth+1)
	}
	return nil, false
}

func (p *fastParser) sequence(col, depth int) (*yaml.Node, bool) {
	mark := p.mark()
	s := p.node(yaml.SequenceNode, "!!seq", "", p.i, col)
	for {
		line := p.lines[p.i]
		if !isSeqItem(line[col:]) {
			return nil, false
		}
		off := col + 1
		for off < len(line) && line[off] == ' ' {
			off++
		}
		p.enterItem(p.mark() - mark)
		item, ok := p.item(line, off, col, depth)
		if !ok {
			return nil, false
		}
		p.leave()
		p.push("", item)
		more, ok := p.nextAt(col)
		if !ok {
			return nil, false
		}
		if !more || !isSeqItem(p.lines[p.i][col:]) {
			break // the parent mapping goes on (an indentless sequence)
		}
	}
	p.content(s, yaml.SequenceNode, mark)
	return s, true
}

// item parses a sequence item whose content starts at byte off.
func (p *fastParser) item(line []byte, off, col, depth int) (*yaml.Node, bool) {
	if off >= len(line) {
		p.i++
		p.skipBlank()
		if p.i >= len(p.lines) || p.indent(p.i) <= col {
			return nil, false // empty item: left to yaml.v3
		}
		ind := p.indent(p.i)
		return p.block(ind, ind, depth+1)
	}
	s := line[off:]
	if isSeqItem(s) || s[0] == '#' {
		return nil, false
	}
	if s[0] != '"' && s[0] != '\'' && s[0] != '[' && (bytes.Contains(s, []byte(": ")) || s[len(s)-1] == ':') {
		return p.block(col, off, depth+1) // a compact mapping: "- key: value"
	}
	n, ok := p.scalarOrFlow(line, off)
	p.i++
	return n, ok
}

// scalarOrFlow parses the rest of a line from byte off: a quoted or plain
// scalar, or a flow list of scalars.
func (p *fastParser) scalarOrFlow(line []byte, off int) (*yaml.Node, bool) {
	s := line[off:]
	col := p.runeCol(line, off)
	if s[0] == '[' {
		return p.flowList(line, off)
	}
	v, style, rest, ok := p.scanScalar(s, false)
	if !ok || !lineEnd(rest) {
		return nil, false
	}
	return p.scalar(v, style, col), true
}

// scalar makes a scalar node on the current line; plain scalars get the
// tag yaml.v3 resolves (!!int, !!bool, !!null, !!timestamp, ...).
func (p *fastParser) scalar(v string, style yaml.Style, col int) *yaml.Node {
	n := p.node(yaml.ScalarNode, "", v, p.i, col)
	n.Style = style
	if style != 0 {
		n.Tag = "!!str"
	} else {
		n.Tag = plainTag(n)
	}
	return n
}

// str returns b, a slice of the input, as a substring of p.src (no copy).
// Every slice the parser handles is a reslice of data, so its offset is
// the difference of the capacities.
func (p *fastParser) str(b []byte) string {
	off := cap(p.data) - cap(b)
	if off < 0 || off+len(b) > len(p.src) || p.src[off:off+len(b)] != string(b) {
		return string(b) // not a slice of data: copy (the comparison allocates nothing)
	}
	return p.src[off : off+len(b)]
}

// flowList parses `[a, b, "c"]` (scalars only) ending the line.
func (p *fastParser) flowList(line []byte, off int) (*yaml.Node, bool) {
	seq := p.node(yaml.SequenceNode, "!!seq", "", p.i, p.runeCol(line, off))
	seq.Style = yaml.FlowStyle
	mark := p.mark()
	i := off + 1
	// The column is advanced from the previous item, never recounted from
	// the start of the line: a long one-line list stays linear.
	colOff, col := off, seq.Column-1
	for {
		for i < len(line) && line[i] == ' ' {
			i++
		}
		if i >= len(line) {
			return nil, false
		}
		if line[i] == ']' && p.mark() == mark {
			i++
			break
		}
		v, style, rest, ok := p.scanScalar(line[i:], true)
		if !ok || v == "" && style == 0 {
			return nil, false
		}
		if p.columns() {
			col += utf8.RuneCount(line[colOff:i])
			colOff = i
		}
		p.enterItem(p.mark() - mark)
		p.push("", p.scalar(v, style, col))
		p.leave()
		rest = bytes.TrimLeft(rest, " ")
		i = len(line) - len(rest)
		if len(rest) > 0 && rest[0] == ',' {
			i++
			continue
		}
		if len(rest) > 0 && rest[0] == ']' {
			i++
			break
		}
		return nil, false
	}
	if !lineEnd(line[i:]) {
		return nil, false
	}
	p.content(seq, yaml.SequenceNode, mark)
	return seq, true
}
