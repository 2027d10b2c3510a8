package fix

import (
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

func itoa(i int) string { return strconv.Itoa(i) }

// moveDocComments keeps the comments above and below the whole document.
func moveDocComments(src, dst *yaml.Node) {
	dst.HeadComment = joinLines(dst.HeadComment, src.HeadComment)
	dst.FootComment = joinLines(dst.FootComment, src.FootComment)
	s, d := src.Content[0], dst.Content[0]
	d.HeadComment = joinLines(d.HeadComment, s.HeadComment)
	d.FootComment = joinLines(d.FootComment, s.FootComment)
}

func joinLines(a string, b ...string) string { return joinWith("\n", a, b...) }

func joinWords(a string, b ...string) string { return joinWith(" ", a, b...) }

// joinWith joins the non-empty strings of a and b with sep.
func joinWith(sep, a string, b ...string) string {
	parts := nonEmpty(a)
	for _, x := range b {
		parts = append(parts, nonEmpty(x)...)
	}
	return strings.Join(parts, sep)
}

// place walks the output in step with the notes: it orders each mapping
// as the input was and puts each key's comments back.
func (t *transplant) place(n *yaml.Node, path []string) {
	switch n.Kind {
	case yaml.MappingNode:
		t.reorder(n, path)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			p := append(slices.Clone(path), k.Value)
			t.targets(p, k)
			if nt := t.notes[pathKey(p)]; nt != nil {
				nt.placed = true
				putNotes(nt, k, v)
			}
			t.place(v, p)
		}
	case yaml.SequenceNode:
		for i, item := range n.Content {
			p := append(slices.Clone(path), itoa(i))
			t.targets(p, item)
			if nt := t.notes[pathKey(p)]; nt != nil {
				nt.placed = true
				item.HeadComment = joinLines(item.HeadComment, nt.head...)
				item.LineComment = joinWords(item.LineComment, nt.line...)
				item.FootComment = joinLines(item.FootComment, nt.foot...)
			}
			t.customProperty(path, item)
			t.place(item, p)
		}
	}
}

// customProperty puts the notes filed under "property=NAME" (a field the
// rewrite turned into a custom property) on the item naming it.
func (t *transplant) customProperty(path []string, item *yaml.Node) {
	k := firstKey(item, "property")
	if k == nil {
		return
	}
	p := append(slices.Clone(path), "property="+item.Content[1].Value)
	t.targets(p, item)
	if nt := t.notes[pathKey(p)]; nt != nil {
		nt.placed = true
		item.HeadComment = joinLines(item.HeadComment, nt.head...)
		rest := *nt
		rest.head = nil
		putNotes(&rest, k, item.Content[1])
	}
}

// firstKey returns the first key of mapping n when it is name.
func firstKey(n *yaml.Node, name string) *yaml.Node {
	if n.Kind != yaml.MappingNode || len(n.Content) < 2 || n.Content[0].Value != name || n.Content[1].Kind != yaml.ScalarNode {
		return nil
	}
	return n.Content[0]
}

// targets remembers the output node at each path, for comments whose own
// key is gone.
func (t *transplant) targets(p []string, n *yaml.Node) {
	if t.at == nil {
		t.at = map[string]*yaml.Node{}
	}
	t.at[pathKey(p)] = n
}

func putNotes(nt *notes, k, v *yaml.Node) {
	k.HeadComment = joinLines(k.HeadComment, nt.head...)
	k.FootComment = joinLines(k.FootComment, nt.foot...)
	line := append(slices.Clone(nt.line), nt.value...)
	if v.Kind == yaml.ScalarNode {
		v.LineComment = joinWords(v.LineComment, line...)
	} else {
		k.LineComment = joinWords(k.LineComment, line...)
	}
}

// reorder sorts the pairs of m by the input position of their
// counterparts; a pair with none keeps its place after the pair before it.
func (t *transplant) reorder(m *yaml.Node, path []string) {
	type pair struct {
		k, v *yaml.Node
		rank int
	}
	var pairs []pair
	carried := 0
	for i := 0; i+1 < len(m.Content); i += 2 {
		if r, ok := t.rank[pathKey(append(slices.Clone(path), m.Content[i].Value))]; ok {
			carried = r
		}
		pairs = append(pairs, pair{m.Content[i], m.Content[i+1], carried})
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return a.rank - b.rank })
	for i, p := range pairs {
		m.Content[2*i], m.Content[2*i+1] = p.k, p.v
	}
}

// leftovers puts each comment whose key has no counterpart above the
// nearest enclosing key that has one, or at the end of the document.
func (t *transplant) leftovers(root *yaml.Node) {
	for _, key := range t.order {
		nt := t.notes[key]
		if nt.placed {
			continue
		}
		text := joinLines("", append(append(append(slices.Clone(nt.head), nt.line...), nt.value...), nt.foot...)...)
		p := strings.Split(key, "\x00")
		for len(p) > 0 && t.at[pathKey(p)] == nil {
			p = p[:len(p)-1]
		}
		if len(p) == 0 {
			root.FootComment = joinLines(root.FootComment, text)
			continue
		}
		n := t.at[pathKey(p)]
		n.HeadComment = joinLines(n.HeadComment, text)
	}
}
