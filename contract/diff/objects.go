package diff

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

// physical is where an element lives in storage: its physicalName, or its
// name when none is given.
func physical(name, physicalName string) string {
	if physicalName != "" {
		return physicalName
	}
	return name
}

// renamedAs says whether two differently named elements are the same one:
// the same id, or the same physical name.
func renamedAs(oldID, oldName, oldPhys, newID, newName, newPhys string) bool {
	if oldID != "" && oldID == newID {
		return true
	}
	p := physical(oldName, oldPhys)
	return p != "" && p == physical(newName, newPhys)
}

func (d *differ) objects(oc, nc *contract.Contract) {
	olds, news := oc.Schema, nc.Schema
	m := match(len(olds), len(news),
		func(i int) string { return olds[i].Name }, func(j int) string { return news[j].Name },
		func(i, j int) bool {
			o, n := &olds[i], &news[j]
			return renamedAs(o.ID, o.Name, o.PhysicalName, n.ID, n.Name, n.PhysicalName)
		})
	for _, pr := range m.pairs {
		d.object(&olds[pr.old], &news[pr.new], path{}.idx("schema", pr.old), path{}.idx("schema", pr.new), pr.renamed)
	}
	for _, i := range m.removed {
		o := &olds[i]
		d.removal(RuleObjectRemoved, Change{Object: o.Name, Old: o.Name,
			Message: fmt.Sprintf("object %q was removed", o.Name)}, path{}.idx("schema", i), path{"schema"})
	}
	for _, j := range m.added {
		n := &news[j]
		d.emit(RuleObjectAdded, Change{Object: n.Name, New: n.Name,
			Message: fmt.Sprintf("object %q added", n.Name)}, path{}.idx("schema", j))
	}
}

// object compares one matched schema object.
func (d *differ) object(o, n *contract.SchemaObject, op, np path, renamed bool) {
	c := Change{Object: n.Name}
	if renamed {
		c.Field, c.Old, c.New = "name", o.Name, n.Name
		c.Message = fmt.Sprintf("object %q was renamed to %q", o.Name, n.Name)
		d.emit(RuleObjectRenamed, c, np.with("name"))
	}
	d.physicalName(c, o.Name, o.PhysicalName, n.Name, n.PhysicalName, np)
	d.description(c, o.Description, n.Description, np)
	if !deprecatedTags(o.Tags, o.CustomProperties) && deprecatedTags(n.Tags, n.CustomProperties) {
		c := c
		c.Message = fmt.Sprintf("object %q is deprecated", n.Name)
		d.emit(RuleDeprecated, c, np.with("tags"))
	}
	d.properties(n.Name, "", o.Properties, n.Properties, op.with("properties"), np.with("properties"), np)
	d.primaryKey(o, n, np)
	d.relationships(c, o.Relationships, n.Relationships, true, np)
	d.quality(c, o.Quality, n.Quality, op, np)
}

// physicalName reports a changed physicalName (where the data lives).
func (d *differ) physicalName(c Change, oldName, oldPhys, newName, newPhys string, np path) {
	if oldPhys == "" && newPhys == "" {
		return
	}
	op, nph := physical(oldName, oldPhys), physical(newName, newPhys)
	if op == nph {
		return
	}
	c.Field, c.Old, c.New = "physicalName", op, nph
	c.Message = fmt.Sprintf("physical name changed from %q to %q: readers of the old table or column break", op, nph)
	at := np.with("physicalName")
	if newPhys == "" {
		at = np.with("name")
	}
	d.emit(RulePhysicalNameChanged, c, at)
}

func (d *differ) description(c Change, old, new string, np path) {
	if strings.TrimSpace(old) == "" || strings.TrimSpace(new) != "" {
		return
	}
	c.Field, c.Old = "description", clip(old)
	c.Message = "the description was removed"
	d.emit(RuleDescriptionRemoved, c, np)
}

// deprecatedTags reports a `deprecated` tag or a truthy `deprecated` custom
// property.
func deprecatedTags(tags []string, cps []contract.CustomProperty) bool {
	for _, t := range tags {
		if strings.EqualFold(t, "deprecated") {
			return true
		}
	}
	v, ok := custom(cps, "deprecated")
	return ok && (strings.EqualFold(v, "true") || strings.EqualFold(v, "yes"))
}

func custom(cps []contract.CustomProperty, name string) (string, bool) {
	for _, cp := range cps {
		if strings.EqualFold(cp.Property, name) {
			return strings.TrimSpace(show(cp.Value, true)), true
		}
	}
	return "", false
}

// primaryKey compares the object's primary key (top-level properties,
// by position then order), following property renames.
func (d *differ) primaryKey(o, n *contract.SchemaObject, np path) {
	oldPK, nk := pkOf(o.Properties), pkOf(n.Properties)
	m := match(len(o.Properties), len(n.Properties),
		func(i int) string { return o.Properties[i].Name }, func(j int) string { return n.Properties[j].Name },
		func(i, j int) bool { return propRenamed(&o.Properties[i], &n.Properties[j]) })
	mapped := make([]string, len(o.Properties))
	for i := range mapped {
		mapped[i] = "\x00" + o.Properties[i].Name // a removed column never matches
	}
	for _, pr := range m.pairs {
		mapped[pr.old] = n.Properties[pr.new].Name
	}
	var oldInNew []string
	for _, i := range oldPK {
		oldInNew = append(oldInNew, mapped[i])
	}
	var newNames, oldNames []string
	for _, j := range nk {
		newNames = append(newNames, n.Properties[j].Name)
	}
	for _, i := range oldPK {
		oldNames = append(oldNames, o.Properties[i].Name)
	}
	if strings.Join(oldInNew, ",") == strings.Join(newNames, ",") {
		return
	}
	at := np
	if len(nk) > 0 {
		at = np.idx("properties", nk[0]).with("primaryKey")
	}
	d.emit(RulePrimaryKeyChanged, Change{Object: n.Name, Field: "primaryKey",
		Old: strings.Join(oldNames, ", "), New: strings.Join(newNames, ", "),
		Message: "the primary key changed"}, at)
}

// pkOf returns the indexes of primary-key properties, by position.
func pkOf(props []contract.Property) []int {
	var idx []int
	for i := range props {
		if props[i].PrimaryKey {
			idx = append(idx, i)
		}
	}
	pos := func(i int) int {
		if p := props[i].PrimaryKeyPosition; p > 0 {
			return p
		}
		return int(^uint(0) >> 1) // unpositioned keys keep their order, last
	}
	sort.SliceStable(idx, func(a, b int) bool { return pos(idx[a]) < pos(idx[b]) })
	return idx
}

// pair is a matched old/new element; renamed when matched by rename.
type pair struct {
	old, new int
	renamed  bool
}

// matching is the result of matching two lists.
type matching struct {
	pairs   []pair // in the new list's order
	removed []int  // old indexes with no match
	added   []int  // new indexes with no match
}

// match pairs the old and new elements by key, in order (so duplicate keys
// pair up first-with-first), then pairs what is left over with rename when
// it is not nil. Pairs come back in the new list's order.
func match(nOld, nNew int, oldKey, newKey func(int) string, rename func(o, n int) bool) matching {
	queue := map[string][]int{}
	for j := range nNew {
		k := newKey(j)
		queue[k] = append(queue[k], j)
	}
	byNew := make([]int, nNew)
	for j := range byNew {
		byNew[j] = -1
	}
	renamed := make([]bool, nNew)
	var leftOld []int
	for i := range nOld {
		k := oldKey(i)
		if q := queue[k]; len(q) > 0 {
			byNew[q[0]] = i
			queue[k] = q[1:]
			continue
		}
		leftOld = append(leftOld, i)
	}
	var m matching
	m.removed = pairRenames(leftOld, byNew, renamed, rename)
	for j, i := range byNew {
		if i < 0 {
			m.added = append(m.added, j)
			continue
		}
		m.pairs = append(m.pairs, pair{old: i, new: j, renamed: renamed[j]})
	}
	return m
}

// pairRenames pairs each left-over old element with the first unpaired new
// one that rename accepts, and returns the old ones left unpaired.
func pairRenames(leftOld, byNew []int, renamed []bool, rename func(o, n int) bool) (removed []int) {
	for _, i := range leftOld {
		found := false
		for j := range byNew {
			if rename != nil && byNew[j] < 0 && rename(i, j) {
				byNew[j], renamed[j], found = i, true, true
				break
			}
		}
		if !found {
			removed = append(removed, i)
		}
	}
	return removed
}
