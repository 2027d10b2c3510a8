package fix

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// renamed is a name the fixer changed, keyed by the dotted path of the
// original names (`orders`, `orders.customerId`).
type renamed struct{ to, rule string }

// names renames schema objects and properties as the naming rules ask
// (contract.Rules.NameFix), keeping the old name as physicalName when
// there is none, then updates the references to them in relationships and
// SLA elements. A rename that would collide with a sibling is skipped.
func (f *fixer) names() {
	renames := map[string]renamed{}
	f.renameList(items(f.root, "schema"), "", false, renames)
	if len(renames) > 0 {
		f.references(renames)
	}
}

func (f *fixer) renameList(list []*yaml.Node, parent string, property bool, renames map[string]renamed) {
	taken := map[string]bool{}
	for _, m := range list {
		if name, ok := str(m, "name"); ok {
			taken[name] = true
		}
	}
	for _, m := range list {
		name, ok := str(m, "name")
		path := strings.TrimPrefix(parent+"."+name, ".")
		if ok {
			lt, _ := str(m, "logicalType")
			if to, rules := f.rules.NameFix(name, lt, property); len(rules) > 0 && !taken[to] {
				taken[to] = true
				f.rename(m, name, to, rules, property)
				renames[path] = renamed{to: to, rule: rules[0]}
			}
		}
		f.renameList(items(m, "properties"), path, true, renames)
		if it, _ := get(m, "items"); it != nil && it.Kind == yaml.MappingNode {
			f.renameList([]*yaml.Node{it}, path, true, renames)
		}
	}
}

// rename sets the name of m to to and keeps the old one as physicalName.
func (f *fixer) rename(m *yaml.Node, old, to string, rules []string, property bool) {
	v, i := get(m, "name")
	what := "schema object"
	if property {
		what = "property"
	}
	msg := fmt.Sprintf("renamed %s %q to %q", what, old, to)
	if len(rules) > 1 {
		msg += " (also " + strings.Join(rules[1:], ", ") + ")"
	}
	if pn, _ := get(m, "physicalName"); pn == nil {
		insert(m, i/2+1, "physicalName", strNode(old))
		msg += fmt.Sprintf("; physicalName: %s keeps the data mapped", old)
	}
	f.add(rules[0], setValue(v, to), "%s", msg)
}

// references rewrites `object.property` references to renamed names in
// relationships (from/to), slaDefaultElement and slaProperties[].element.
func (f *fixer) references(renames map[string]renamed) {
	var walk func(list []*yaml.Node)
	walk = func(list []*yaml.Node) {
		for _, m := range list {
			for _, rel := range items(m, "relationships") {
				for _, k := range []string{"from", "to"} {
					v, _ := get(rel, k)
					f.rewrite(v, renames)
				}
			}
			walk(items(m, "properties"))
		}
	}
	walk(items(f.root, "schema"))
	v, _ := get(f.root, "slaDefaultElement")
	f.rewrite(v, renames)
	for _, sla := range items(f.root, "slaProperties") {
		v, _ := get(sla, "element")
		f.rewrite(v, renames)
	}
}

// rewrite updates a reference scalar, or each scalar of a sequence.
func (f *fixer) rewrite(v *yaml.Node, renames map[string]renamed) {
	if v == nil {
		return
	}
	if v.Kind == yaml.SequenceNode {
		for _, it := range v.Content {
			f.rewrite(it, renames)
		}
		return
	}
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!str" {
		return
	}
	parts := strings.Split(v.Value, ",")
	rule := ""
	for i, p := range parts {
		trimmed := strings.TrimSpace(p)
		if to, r := rewriteRef(trimmed, renames); r != "" {
			parts[i], rule = strings.Replace(p, trimmed, to, 1), r
		}
	}
	if rule != "" {
		old := v.Value
		f.add(rule, setValue(v, strings.Join(parts, ",")), "reference %q → %q follows the rename", old, v.Value)
	}
}

// rewriteRef maps each segment of a dotted reference whose original path
// was renamed; references with `/` or `#` (ids, other files) are kept.
// rule is "" when nothing changed.
func rewriteRef(ref string, renames map[string]renamed) (string, string) {
	if ref == "" || strings.ContainsAny(ref, "/#") {
		return ref, ""
	}
	parts := strings.Split(ref, ".")
	out := make([]string, len(parts))
	rule := ""
	for i := range parts {
		out[i] = parts[i]
		if r, ok := renames[strings.Join(parts[:i+1], ".")]; ok {
			out[i], rule = r.to, r.rule
		}
	}
	return strings.Join(out, "."), rule
}
