package contract

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Bounds that keep hostile YAML cheap: an alias bomb is refused before
// anything is expanded, and nesting is capped well above any real contract.
const (
	// MaxDepth is the deepest nesting of mappings and sequences accepted.
	MaxDepth = 100
	// maxAliasExtra is how many extra values alias expansion may add beyond
	// the document's own node count.
	maxAliasExtra = 100_000
)

// measure computes, without expanding anything, how many values the node
// tree expands to and how deep it nests once aliases are resolved. It
// reports the first node that breaks a bound.
type measure struct {
	memo    map[*yaml.Node][2]int // anchored node → {size, depth}
	active  map[*yaml.Node]bool   // anchors being measured (cycle check)
	nodes   int                   // nodes in the source tree
	finding *Finding
}

func (m *measure) run(file string, n *yaml.Node) *Finding {
	m.memo = map[*yaml.Node][2]int{}
	m.active = map[*yaml.Node]bool{}
	size, _ := m.walk(file, n, 0, false)
	if m.finding == nil && size-m.nodes > maxAliasExtra+m.nodes {
		m.finding = &Finding{File: file, Line: n.Line, Column: n.Column, Rule: RuleYAMLAliases, Severity: SeverityError,
			Message: fmt.Sprintf("aliases expand the document to more than %d values (a \"billion laughs\" alias bomb?)", maxAliasExtra+2*m.nodes),
			Hint:    "write the values out instead of nesting aliases"}
	}
	return m.finding
}

// walk returns the expanded size and depth of n. viaAlias is true below an
// alias, where nodes are not counted as source nodes.
func (m *measure) walk(file string, n *yaml.Node, depth int, viaAlias bool) (int, int) {
	if m.finding != nil || n == nil {
		return 0, 0
	}
	if !viaAlias {
		m.nodes++
	}
	if depth > MaxDepth {
		m.finding = &Finding{File: file, Line: n.Line, Column: n.Column, Rule: RuleYAMLDepth, Severity: SeverityError,
			Message: fmt.Sprintf("the document nests deeper than %d levels", MaxDepth), Hint: "flatten the structure"}
		return 0, 0
	}
	if n.Kind == yaml.AliasNode {
		return m.alias(file, n, depth)
	}
	if n.Anchor != "" && viaAlias {
		if r, ok := m.memo[n]; ok {
			return r[0], r[1]
		}
	}
	size, deepest := 1, 0
	for _, c := range n.Content {
		s, d := m.walk(file, c, depth+1, viaAlias)
		size = satAdd(size, s)
		deepest = max(deepest, d)
	}
	if n.Kind == yaml.MappingNode || n.Kind == yaml.SequenceNode {
		deepest++
	}
	if n.Anchor != "" {
		m.memo[n] = [2]int{size, deepest}
	}
	return size, deepest
}

func (m *measure) alias(file string, n *yaml.Node, depth int) (int, int) {
	t := n.Alias
	if t == nil {
		return 1, 0
	}
	if m.active[t] {
		m.finding = &Finding{File: file, Line: n.Line, Column: n.Column, Rule: RuleYAMLAliases, Severity: SeverityError,
			Message: fmt.Sprintf("alias *%s refers to a value that contains itself", n.Value), Hint: "remove the recursive alias"}
		return 0, 0
	}
	if r, ok := m.memo[t]; ok {
		if depth+r[1] > MaxDepth {
			m.finding = &Finding{File: file, Line: n.Line, Column: n.Column, Rule: RuleYAMLDepth, Severity: SeverityError,
				Message: fmt.Sprintf("alias *%s nests the document deeper than %d levels", n.Value, MaxDepth), Hint: "flatten the structure"}
		}
		return m.check(file, n, r[0]), r[1]
	}
	m.active[t] = true
	s, d := m.walk(file, t, depth, true)
	delete(m.active, t)
	return m.check(file, n, s), d
}

// check refuses an alias whose expansion alone exceeds the bound, so a bomb
// is reported at the alias that detonates it.
func (m *measure) check(file string, n *yaml.Node, size int) int {
	if m.finding == nil && size > maxAliasExtra {
		m.finding = &Finding{File: file, Line: n.Line, Column: n.Column, Rule: RuleYAMLAliases, Severity: SeverityError,
			Message: fmt.Sprintf("alias *%s expands to more than %d values (a \"billion laughs\" alias bomb?)", n.Value, maxAliasExtra),
			Hint:    "write the values out instead of nesting aliases"}
	}
	return size
}

func satAdd(a, b int) int {
	if a > math.MaxInt32 || b > math.MaxInt32 {
		return math.MaxInt32
	}
	return a + b
}

// converter turns a measured node tree into JSON-like values (map[string]any,
// []any, string, bool, int64, float64, nil) for the JSON Schema layer. YAML
// timestamps stay strings. Duplicate and non-string keys become findings.
type converter struct {
	file     string
	bufs     *parseBuffers // where maps and sequences come from (nil: fresh memory)
	findings []Finding
	strs     [64]any // recently boxed short strings (see str)
}

// str boxes a string value, reusing the box of an equal short string met
// recently: contracts repeat values such as `string` or `varchar` on
// every property, and each box is an allocation.
func (c *converter) str(s string) any {
	if len(s) == 0 || len(s) > 24 {
		return s
	}
	slot := &c.strs[(uint(len(s))*31+uint(s[0])*7+uint(s[len(s)-1]))%uint(len(c.strs))]
	if b, ok := (*slot).(string); ok && b == s {
		return *slot
	}
	*slot = s
	return *slot
}

func (c *converter) value(n *yaml.Node) any {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil
		}
		return c.value(n.Content[0])
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil
		}
		return c.value(n.Alias)
	case yaml.SequenceNode:
		out := c.bufs.newSeq(len(n.Content))
		for i, e := range n.Content {
			out[i] = c.value(e)
		}
		return out
	case yaml.MappingNode:
		return c.mapping(n)
	default:
		if n.Tag == "!!str" { // scalarValue's answer, with the box shared
			return c.str(n.Value)
		}
		return scalarValue(n)
	}
}

func (c *converter) mapping(n *yaml.Node) map[string]any {
	out := c.bufs.newMap(len(n.Content) / 2)
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Tag != "!!str" && k.ShortTag() == "!!merge" { // (a !!str key is never one)
			merges = append(merges, v)
			continue
		}
		if k.Kind == yaml.AliasNode && k.Alias != nil {
			k = k.Alias
		}
		if k.Kind != yaml.ScalarNode {
			c.findings = append(c.findings, Finding{File: c.file, Line: k.Line, Column: k.Column, Rule: RuleYAMLKey,
				Severity: SeverityError, Message: "mapping keys must be plain strings", Hint: "use a string key"})
			continue
		}
		if _, dup := out[k.Value]; dup {
			c.findings = append(c.findings, duplicateKey(c.file, n, i))
			continue
		}
		out[k.Value] = c.value(v)
	}
	for _, m := range merges {
		c.merge(out, m)
	}
	return out
}

// merge applies a YAML merge key (<<: *anchor or <<: [*a, *b]); explicit
// keys win.
func (c *converter) merge(out map[string]any, m *yaml.Node) {
	if m.Kind == yaml.AliasNode && m.Alias != nil {
		m = m.Alias
	}
	switch m.Kind {
	case yaml.MappingNode:
		for k, v := range c.mapping(m) {
			if _, ok := out[k]; !ok {
				out[k] = v
			}
		}
	case yaml.SequenceNode:
		for _, e := range m.Content {
			c.merge(out, e)
		}
	}
}

func duplicateKey(file string, n *yaml.Node, i int) Finding {
	k := n.Content[i]
	first := k
	for j := 0; j < i; j += 2 {
		if n.Content[j].Value == k.Value {
			first = n.Content[j]
			break
		}
	}
	return Finding{File: file, Line: k.Line, Column: k.Column, Rule: RuleYAMLDuplicateKey, Severity: SeverityError,
		Message: fmt.Sprintf("key %q is repeated (first defined at line %d)", k.Value, first.Line),
		Hint:    "keep one of the two entries and delete the other"}
}

// scalarValue resolves a scalar by its tag; !!timestamp and unknown tags
// stay strings (a timestamp node is retagged !!str).
func scalarValue(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		switch strings.ToLower(n.Value) {
		case "true", "yes", "on", "y":
			return true
		case "false", "no", "off", "n":
			return false
		}
	case "!!int":
		if i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
			return i
		}
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return f
		}
	case "!!float":
		return floatValue(n.Value)
	case "!!timestamp":
		// Keep dates as written: retag the node so that the typed decoder
		// (and a later Marshal) also sees a string, not a time.Time.
		n.Tag = "!!str"
	}
	return n.Value
}

func floatValue(s string) any {
	switch strings.ToLower(s) {
	case ".inf", "+.inf":
		return math.Inf(1)
	case "-.inf":
		return math.Inf(-1)
	case ".nan":
		return math.NaN()
	}
	if f, err := strconv.ParseFloat(strings.ReplaceAll(s, "_", ""), 64); err == nil {
		return f
	}
	return s
}
