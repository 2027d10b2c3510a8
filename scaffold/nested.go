package scaffold

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

// piiNode is a nested value (inside an object or array column) that holds
// PII: an object's keys, an array's items, or a PII leaf.
type piiNode struct {
	key   string     // JSON key in the parent object ("" for array items)
	path  string     // dotted path from the column, for messages and meta
	leaf  bool       // the value itself is PII
	hash  bool       // leaf: its masking is hash or tokenize
	keys  []*piiNode // object: the keys that hold PII
	items *piiNode   // array: the items, when they hold PII
}

// nestedPII walks an object or array column's nested properties and
// returns the tree of its PII leaves, or nil when none is PII. A leaf
// without its own masking inherits its parent's.
func (p *plan) nestedPII(prop *contract.Property, path, masking string) *piiNode {
	n := &piiNode{path: path}
	for i := range prop.Properties {
		child := &prop.Properties[i]
		key := firstNonEmpty(child.PhysicalName, child.Name)
		if c := p.piiChild(child, path+"."+key, masking); c != nil {
			c.key = key
			n.keys = append(n.keys, c)
		}
	}
	if prop.Items != nil {
		n.items = p.piiChild(prop.Items, path+"[]", masking)
	}
	if len(n.keys) == 0 && n.items == nil {
		return nil
	}
	return n
}

func (p *plan) piiChild(child *contract.Property, path, masking string) *piiNode {
	if m := p.maskingOf(child); m != "" {
		masking = m
	}
	if p.isPII(child) {
		return &piiNode{path: path, leaf: true, hash: masking == "hash" || masking == "tokenize"}
	}
	return p.nestedPII(child, path, masking)
}

func (p *plan) maskingOf(prop *contract.Property) string {
	return strings.ToLower(customString(prop.CustomProperties, p.rules.Policy.PII.MaskingProperty))
}

// leaves lists the PII leaves' paths, sorted.
func (n *piiNode) leaves() []string {
	var out []string
	n.walk(func(l *piiNode) { out = append(out, l.path) })
	sort.Strings(out)
	return out
}

// unhashed lists the PII leaves whose masking is not a hash.
func (n *piiNode) unhashed() []string {
	var out []string
	n.walk(func(l *piiNode) {
		if !l.hash {
			out = append(out, l.path)
		}
	})
	sort.Strings(out)
	return out
}

func (n *piiNode) walk(fn func(*piiNode)) {
	if n.leaf {
		fn(n)
		return
	}
	for _, k := range n.keys {
		k.walk(fn)
	}
	if n.items != nil {
		n.items.walk(fn)
	}
}

// safeKeys reports whether every key can be written in a JSON path and a
// SQL string literal as is.
func (n *piiNode) safeKeys() bool {
	ok := true
	var check func(*piiNode)
	check = func(m *piiNode) {
		if strings.ContainsAny(m.key, "'\"\\`$\x00\n") {
			ok = false
		}
		for _, k := range m.keys {
			check(k)
		}
		if m.items != nil {
			check(m.items)
		}
	}
	check(n)
	return ok
}

// hashed reports whether any PII leaf is masked by a hash.
func (n *piiNode) hashed() bool {
	any := false
	n.walk(func(l *piiNode) { any = any || l.hash })
	return any
}

// martNested plans the mart column of an object or array column that
// holds PII (the column itself is not PII). The value is rebuilt with the
// hash-masked leaves hashed; it is left out, with a note saying why, when
// another leaf is not hash-masked and the policy keeps PII out of marts.
func (p *plan) martNested(c *colPlan, mc martCol) (martCol, string) {
	n := c.nested
	bad := n.unhashed()
	allowed := p.rules.Policy.PII.AllowInMarts && c.masking != "redact"
	switch {
	case len(bad) > 0 && !allowed:
		return mc, fmt.Sprintf("%s left out: it holds nested PII without hash masking (%s) and the policy keeps PII out of marts",
			c.name, strings.Join(bad, ", "))
	case !n.hashed():
		return mc, ""
	case !n.safeKeys():
		return mc, fmt.Sprintf("%s left out: its nested PII (%s) has keys that cannot be rewritten safely",
			c.name, strings.Join(n.leaves(), ", "))
	}
	mc.expr = p.d.rebuildColumn(c.sqlName, c.canon, n)
	for _, l := range n.leaves() {
		if !contains(bad, l) {
			mc.maskedFields = append(mc.maskedFields, l)
		}
	}
	mc.description = strings.TrimSpace(c.prop.Description + " PII fields hashed (SHA-256): " +
		strings.Join(mc.maskedFields, ", ") + ".")
	return mc, ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
