package fix

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// loaderPrefixes mark the metadata columns a loader adds (dlt, Airbyte,
// Fivetran, Singer/Stitch): property order puts them last.
var loaderPrefixes = []string{"_dlt_", "_airbyte_", "_fivetran_", "_sdc_"}

// keyPositions numbers the properties of a composite primary key that have
// no primaryKeyPosition, in the order they are written, after the highest
// position already given. A single-column key needs no position.
func (f *fixer) keyPositions(o *yaml.Node) {
	var keys []*yaml.Node
	top := 0
	for _, p := range items(o, "properties") {
		if isTrue(p, "primaryKey") {
			keys = append(keys, p)
			top = max(top, position(p))
		}
	}
	if len(keys) < 2 {
		return
	}
	name, _ := str(o, "name")
	for _, p := range keys {
		if position(p) > 0 {
			continue
		}
		v, _ := get(p, "primaryKeyPosition")
		if v != nil && (v.Kind != yaml.ScalarNode || v.ShortTag() != "!!int") {
			continue
		}
		top++
		if v != nil { // -1: ODCS's "not part of the key"
			v.Tag, v.Value, v.Style = "!!int", strconv.Itoa(top), 0
		} else {
			_, i := get(p, "primaryKey")
			insert(p, i/2+1, "primaryKeyPosition", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(top)})
		}
		pn, _ := str(p, "name")
		f.add(RulePrimaryKeyPosition, lineOf(p, "primaryKey"), "%s.%s: primaryKeyPosition: %d (composite key, in written order)", name, pn, top)
	}
}

// position returns a property's primaryKeyPosition, or 0.
func position(p *yaml.Node) int {
	v, _ := get(p, "primaryKeyPosition")
	if v == nil || v.Kind != yaml.ScalarNode || v.ShortTag() != "!!int" {
		return 0
	}
	n, err := strconv.Atoi(v.Value)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// order puts an object's primary-key properties first (by position, then
// as written) and loader metadata last, keeping every other property where
// it is relative to the others. It changes nothing when the order is right.
func (f *fixer) order(o *yaml.Node) {
	seq, _ := get(o, "properties")
	if seq == nil || seq.Kind != yaml.SequenceNode || len(seq.Content) < 2 {
		return
	}
	sorted := slices.Clone(seq.Content)
	slices.SortStableFunc(sorted, func(a, b *yaml.Node) int {
		if c := cmp.Compare(rank(a), rank(b)); c != 0 || rank(a) != 0 {
			return c
		}
		return cmp.Compare(keyOrder(a), keyOrder(b))
	})
	if slices.Equal(sorted, seq.Content) {
		return
	}
	seq.Content = sorted
	name, _ := str(o, "name")
	f.add(RulePropertyOrder, lineOf(o, "properties"), "reordered the properties of %s: primary key first, loader metadata last", name)
}

// rank is 0 for a primary-key property, 2 for loader metadata, 1 else.
func rank(p *yaml.Node) int {
	if isTrue(p, "primaryKey") {
		return 0
	}
	name, _ := str(p, "name")
	for _, pre := range loaderPrefixes {
		if strings.HasPrefix(name, pre) {
			return 2
		}
	}
	return 1
}

// keyOrder sorts key properties by position; those without one keep their
// written order after the numbered ones.
func keyOrder(p *yaml.Node) int {
	if n := position(p); n > 0 {
		return n
	}
	return 1 << 30
}
