package fix

import (
	"strings"

	"go.yaml.in/yaml/v3"
)

// get returns the value of key k in mapping m, and its index in Content
// (the key's index; the value is at i+1), or nil and -1.
func get(m *yaml.Node, k string) (*yaml.Node, int) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, -1
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if key := m.Content[i]; key.Kind == yaml.ScalarNode && key.Value == k {
			return m.Content[i+1], i
		}
	}
	return nil, -1
}

// str returns the value of key k when it is a plain string scalar.
func str(m *yaml.Node, k string) (string, bool) {
	v, _ := get(m, k)
	if v == nil || v.Kind != yaml.ScalarNode || v.ShortTag() != "!!str" {
		return "", false
	}
	return v.Value, true
}

// isTrue reports whether key k of m is the boolean true.
func isTrue(m *yaml.Node, k string) bool {
	v, _ := get(m, k)
	return v != nil && v.Kind == yaml.ScalarNode && v.ShortTag() == "!!bool" && strings.EqualFold(v.Value, "true")
}

// strNode is a new plain string scalar.
func strNode(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if needsQuotes(s) {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// needsQuotes reports whether s would not read back as the same string
// when written plain.
func needsQuotes(s string) bool {
	var v any
	if err := yaml.Unmarshal([]byte("k: "+s), &v); err != nil {
		return true
	}
	m, _ := v.(map[string]any)
	got, ok := m["k"].(string)
	return !ok || got != s
}

// insert adds key k with value v to mapping m at pair position pos (0 =
// first; past the end = last). A comment above the first key stays above
// the new first key.
func insert(m *yaml.Node, pos int, k string, v *yaml.Node) {
	at := min(max(pos*2, 0), len(m.Content))
	key := strNode(k)
	if at == 0 && len(m.Content) > 0 { // a comment above the first key stays on top
		key.HeadComment, m.Content[0].HeadComment = m.Content[0].HeadComment, ""
	}
	m.Content = append(m.Content[:at], append([]*yaml.Node{key, v}, m.Content[at:]...)...)
}

// setValue replaces the scalar value of v with s, keeping its comments and
// position, and returns the line of the change.
func setValue(v *yaml.Node, s string) int {
	v.Tag, v.Value, v.Style = "!!str", s, 0
	if needsQuotes(s) {
		v.Style = yaml.DoubleQuotedStyle
	}
	return v.Line
}

// items returns the mappings of sequence value k of m.
func items(m *yaml.Node, k string) []*yaml.Node {
	v, _ := get(m, k)
	if v == nil || v.Kind != yaml.SequenceNode {
		return nil
	}
	var out []*yaml.Node
	for _, it := range v.Content {
		if it.Kind == yaml.MappingNode {
			out = append(out, it)
		}
	}
	return out
}

// lineOf returns the line of key k in m, or of m itself.
func lineOf(m *yaml.Node, k string) int {
	if _, i := get(m, k); i >= 0 {
		return m.Content[i].Line
	}
	return m.Line
}
