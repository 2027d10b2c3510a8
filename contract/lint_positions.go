package contract

import (
	"strconv"
	"strings"
)

// A document Lint built without a node tree still owes its findings a
// line and column. Rather than build the tree (160 bytes a node: most of
// what a large contract with one wrong property cost), at gives such a
// finding a ticket (a negative line) and the path it points at, found in
// the value view; Lint then resolves every ticket in one more pass of the
// fast parser that builds nothing and only notes where the wanted nodes
// are (positionsOf). The positions are the tree's: the key of a mapping
// member, the item of a list element, the root for an empty path.

// pendingAt is at for a document without a tree: the finding's path
// comes from the value view, its position later (resolvePositions).
func (d *Document) pendingAt(f Finding, tokens []string) Finding {
	found, path := valueLocate(d.value, tokens)
	f.Path = path
	d.pending = append(d.pending, joinPath(found))
	f.Line, f.Column = -len(d.pending), 0
	return f
}

// valueLocate is locate on the value view: the longest prefix of tokens
// that exists, and the path rendered as locate renders it.
func valueLocate(root map[string]any, tokens []string) (found []string, path string) {
	var b strings.Builder
	var cur any = root
	missing := false
	for i, tok := range tokens {
		list, isList := cur.([]any)
		switch _, err := strconv.Atoi(tok); {
		case !missing && isList, missing && err == nil:
			b.WriteString("[" + tok + "]")
		default:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(tok)
		}
		if missing {
			continue
		}
		next, ok := any(nil), false
		if isList {
			if j, err := strconv.Atoi(tok); err == nil && j >= 0 && j < len(list) {
				next, ok = list[j], true
			}
		} else if m, isMap := cur.(map[string]any); isMap {
			next, ok = m[tok]
		}
		if !ok {
			missing = true
			continue
		}
		found, cur = tokens[:i+1], next
	}
	return found, b.String()
}

// joinPath is the key positionsOf matches a path by.
func joinPath(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte(0)
		b.WriteString(t)
	}
	return b.String()
}

// resolvePositions gives every ticketed finding its line and column.
func (d *Document) resolvePositions(fs []Finding) {
	if len(d.pending) == 0 {
		return
	}
	want := make(map[string]*keyPos, len(d.pending))
	for _, p := range d.pending {
		want[p] = &keyPos{}
	}
	// The root mapping starts at its first key (the tracker never asks
	// for the empty path): the second pass is for paths below it.
	deeper := len(want)
	if root, ok := want[""]; ok && len(d.keys) > 0 {
		*root, deeper = d.keys[0], deeper-1
	}
	if deeper > 0 {
		var lines [][]byte // (the value parse's line slice, when the buffers still have it)
		if d.lazy != nil {
			lines = d.lazy.lines[:0]
		}
		positionsOf(d.Data, d.src, lines, want)
	}
	for i := range fs {
		if fs[i].Line >= 0 {
			continue
		}
		p := want[d.pending[-fs[i].Line-1]]
		fs[i].Line, fs[i].Column = max(p.line, 1), max(p.col, 1)
	}
	d.pending = nil
}

// tracker follows the path of the node being parsed (position mode).
type tracker struct {
	path  []byte // the tokens so far, each after a 0 byte
	marks []int
	want  map[string]*keyPos
	armed bool // a list element begins: its first node is the item
	n     int  // children pushed (the open collections' marks count from it)
}

func (t *tracker) enter(tok string) {
	t.marks = append(t.marks, len(t.path))
	t.path = append(append(t.path, 0), tok...)
}

func (t *tracker) leave() {
	t.path = t.path[:t.marks[len(t.marks)-1]]
	t.marks = t.marks[:len(t.marks)-1]
}

// at notes a node at 0-based line and column when its path is wanted.
func (t *tracker) at(line, col int) {
	if p, ok := t.want[string(t.path)]; ok && p.line == 0 {
		p.line, p.col = line+1, col+1
	}
}

// positionsOf parses data (whose copy src is) again, as it parsed before
// in value mode, and fills want with where each path's node is; lines is
// room for the line slices.
func positionsOf(data []byte, src string, lines [][]byte, want map[string]*keyPos) {
	lines, ok := fastYAMLInput(data, lines)
	if !ok {
		return
	}
	p := &fastParser{data: data, src: src, lines: lines}
	p.vm = valueMode{c: &converter{}, track: &tracker{want: want}}
	if p.skipBlank(); p.i < len(p.lines) {
		ind := p.indent(p.i)
		p.block(ind, ind, 0)
	}
}
