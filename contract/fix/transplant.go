package fix

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// PathMap maps the path of a key in an input document (mapping keys and
// sequence indexes) to the path of the key that holds the same fact in a
// rewritten one; ok is false for a key the rewrite dropped.
type PathMap func(path []string) (to []string, ok bool)

// Transplant carries what a rewrite from the typed model loses back onto
// rewritten: the comments of orig, moved to the keys that now hold their
// facts (by m), and the key order of orig wherever a key has a
// counterpart; a key new in rewritten follows the key before it. A comment
// whose key is gone lands on the nearest key that is still there, so none
// is lost. The data of rewritten is not changed: when yaml.v3 cannot write
// the result back faithfully, rewritten is returned with ErrReencode.
func Transplant(orig, rewritten []byte, m PathMap) ([]byte, error) {
	var src, dst yaml.Node
	if yaml.Unmarshal(orig, &src) != nil || yaml.Unmarshal(rewritten, &dst) != nil || !isMappingDoc(&src) || !isMappingDoc(&dst) {
		return rewritten, nil
	}
	t := &transplant{m: m, notes: map[string]*notes{}, rank: map[string]int{}}
	t.collect(src.Content[0], nil)
	moveDocComments(&src, &dst)
	t.place(dst.Content[0], nil)
	t.leftovers(dst.Content[0])
	out, err := encode(orig, &dst)
	if err != nil {
		return rewritten, err
	}
	return out, nil
}

func isMappingDoc(n *yaml.Node) bool {
	return n.Kind == yaml.DocumentNode && len(n.Content) == 1 && n.Content[0].Kind == yaml.MappingNode
}

// notes are the comments found on one input key and its value.
type notes struct {
	head, line, foot []string // on the key
	value            []string // line comment of a scalar value
	placed           bool
}

type transplant struct {
	m     PathMap
	notes map[string]*notes // by output path
	order []string          // output paths holding notes, in input order
	rank  map[string]int    // output path (and its prefixes) → first input position
	next  int
	at    map[string]*yaml.Node // output path → its key (or sequence item) node
}

// collect walks the input, filing comments and positions under the
// output path of each key (srcPath is the input path of n).
func (t *transplant) collect(n *yaml.Node, srcPath []string) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			p := append(slices.Clone(srcPath), k.Value)
			to, ok := t.m(p)
			if !ok {
				continue
			}
			t.file(to, k, v)
			t.collect(v, p)
		}
	case yaml.SequenceNode:
		for i, item := range n.Content {
			p := append(slices.Clone(srcPath), itoa(i))
			to, ok := t.m(p)
			if !ok {
				continue
			}
			if item.HeadComment != "" || item.LineComment != "" || item.FootComment != "" {
				t.add(to, &notes{head: nonEmpty(item.HeadComment), line: nonEmpty(item.LineComment), foot: nonEmpty(item.FootComment)})
			}
			t.collect(item, p)
		}
	}
}

// file records one key's comments and position under its output path.
func (t *transplant) file(to []string, k, v *yaml.Node) {
	for i := 1; i <= len(to); i++ {
		if key := pathKey(to[:i]); t.rank[key] == 0 {
			t.next++
			t.rank[key] = t.next
		}
	}
	n := &notes{head: nonEmpty(k.HeadComment), line: nonEmpty(k.LineComment), foot: nonEmpty(k.FootComment)}
	if v.Kind == yaml.ScalarNode {
		n.value = nonEmpty(v.LineComment)
		n.foot = append(n.foot, nonEmpty(v.FootComment)...)
	} else {
		n.head = append(n.head, nonEmpty(v.HeadComment)...)
		n.line = append(n.line, nonEmpty(v.LineComment)...)
		n.foot = append(n.foot, nonEmpty(v.FootComment)...)
	}
	if len(n.head)+len(n.line)+len(n.foot)+len(n.value) > 0 {
		t.add(to, n)
	}
}

func (t *transplant) add(to []string, n *notes) {
	key := pathKey(to)
	if have := t.notes[key]; have != nil {
		have.head = append(have.head, n.head...)
		have.line = append(have.line, n.line...)
		have.foot = append(have.foot, n.foot...)
		have.value = append(have.value, n.value...)
		return
	}
	t.notes[key] = n
	t.order = append(t.order, key)
}

// pathKey is a path as one map key.
func pathKey(p []string) string { return strings.Join(p, "\x00") }

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}
