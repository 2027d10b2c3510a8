package diff

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

func propRenamed(o, n *contract.Property) bool {
	return renamedAs(o.ID, o.Name, o.PhysicalName, n.ID, n.Name, n.PhysicalName)
}

// properties compares two property lists of object obj. prefix names the
// parent property of nested ones ("address."); op and np are the lists'
// paths and anchor the parent in the new file.
func (d *differ) properties(obj, prefix string, olds, news []contract.Property, op, np, anchor path) {
	m := match(len(olds), len(news),
		func(i int) string { return olds[i].Name }, func(j int) string { return news[j].Name },
		func(i, j int) bool { return propRenamed(&olds[i], &news[j]) })
	at := func(p path, i int) path { return p.with(strconv.Itoa(i)) }
	for _, pr := range m.pairs {
		d.property(obj, prefix+olds[pr.old].Name, prefix+news[pr.new].Name, &olds[pr.old], &news[pr.new],
			at(op, pr.old), at(np, pr.new), pr.renamed)
	}
	for _, i := range m.removed {
		o := &olds[i]
		d.removal(RulePropertyRemoved, Change{Object: obj, Property: prefix + o.Name, Old: typeText(o),
			Message: fmt.Sprintf("property %q was removed", prefix+o.Name)}, at(op, i), anchor)
	}
	for _, j := range m.added {
		n := &news[j]
		msg := fmt.Sprintf("property %q added", prefix+n.Name)
		if n.Required {
			msg += " (required)"
		}
		d.emit(RulePropertyAdded, Change{Object: obj, Property: prefix + n.Name, New: typeText(n), Message: msg}, at(np, j))
	}
}

// typeText is a property's type for display: "string varchar(20)".
func typeText(p *contract.Property) string {
	return strings.TrimSpace(p.LogicalType + " " + p.PhysicalType)
}

// property compares one matched property; oldName and newName are the full
// dotted names.
func (d *differ) property(obj, oldName, newName string, o, n *contract.Property, op, np path, renamed bool) {
	c := Change{Object: obj, Property: newName}
	if renamed {
		r := c
		r.Field, r.Old, r.New = "name", oldName, newName
		r.Message = fmt.Sprintf("property %q was renamed to %q", oldName, newName)
		d.emit(RulePropertyRenamed, r, np.with("name"))
	}
	d.physicalName(c, o.Name, o.PhysicalName, n.Name, n.PhysicalName, np)
	d.logicalType(c, o.LogicalType, n.LogicalType, np)
	d.physicalType(c, o.PhysicalType, n.PhysicalType, np)
	d.flag(c, RuleRequiredAdded, "required", o.Required, n.Required, np)
	d.flag(c, RuleUniqueAdded, "unique", o.Unique, n.Unique, np)
	d.classification(c, o.Classification, n.Classification, np)
	d.masking(c, o.CustomProperties, n.CustomProperties, np)
	d.options(c, o.LogicalTypeOptions, n.LogicalTypeOptions, np)
	d.validValues(c, o, n, np)
	d.relationships(c, o.Relationships, n.Relationships, false, np)
	d.quality(c, o.Quality, n.Quality, op, np)
	d.description(c, o.Description, n.Description, np)
	if !deprecatedTags(o.Tags, o.CustomProperties) && deprecatedTags(n.Tags, n.CustomProperties) {
		r := c
		r.Message = fmt.Sprintf("property %q is deprecated", newName)
		d.emit(RuleDeprecated, r, np)
	}
	d.properties(obj, newName+".", o.Properties, n.Properties, op.with("properties"), np.with("properties"), np)
	switch {
	case o.Items != nil && n.Items != nil:
		d.property(obj, oldName+"[]", newName+"[]", o.Items, n.Items, op.with("items"), np.with("items"), false)
	case o.Items != nil:
		d.removal(RulePropertyRemoved, Change{Object: obj, Property: oldName + "[]", Old: typeText(o.Items),
			Message: fmt.Sprintf("the items of %q were removed", oldName)}, op.with("items"), np)
	case n.Items != nil:
		d.emit(RulePropertyAdded, Change{Object: obj, Property: newName + "[]", New: typeText(n.Items),
			Message: fmt.Sprintf("items of %q added", newName)}, np.with("items"))
	}
}

// flag reports a boolean constraint switched on (rule) or off (relaxed).
func (d *differ) flag(c Change, rule, field string, old, new bool, np path) {
	if old == new {
		return
	}
	c.Field, c.Old, c.New = field, strconv.FormatBool(old), strconv.FormatBool(new)
	if new {
		c.Message = fmt.Sprintf("%s is now %s", c.Property, field)
		d.emit(rule, c, np.with(field))
		return
	}
	c.Message = fmt.Sprintf("%s is no longer %s", c.Property, field)
	d.emit(RuleConstraintRelaxed, c, np)
}

func (d *differ) logicalType(c Change, old, new string, np path) {
	o, n := strings.ToLower(strings.TrimSpace(old)), strings.ToLower(strings.TrimSpace(new))
	if o == n {
		return
	}
	c.Field, c.Old, c.New = "logicalType", old, new
	at := np.with("logicalType")
	if o == "" || n == "" || (o == "integer" && n == "number") {
		c.Message = fmt.Sprintf("logicalType widened or unset: %s → %s", orNone(old), orNone(new))
		d.emit(RuleConstraintRelaxed, c, at)
		return
	}
	c.Message = fmt.Sprintf("logicalType changed from %s to %s", old, new)
	d.emit(RuleLogicalTypeChanged, c, at)
}

func (d *differ) physicalType(c Change, old, new string, np path) {
	c.Field, c.Old, c.New = "physicalType", old, new
	at := np.with("physicalType")
	switch compareTypes(old, new) {
	case typeNarrowed:
		c.Message = fmt.Sprintf("physicalType narrowed from %s to %s", old, new)
		d.emit(RulePhysicalTypeNarrow, c, at)
	case typeChanged:
		c.Message = fmt.Sprintf("physicalType changed from %s to %s", old, new)
		d.emit(RulePhysicalTypeChanged, c, at)
	case typeWidened:
		c.Message = fmt.Sprintf("physicalType widened or unset: %s → %s", orNone(old), orNone(new))
		d.emit(RuleConstraintRelaxed, c, at)
	}
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func (d *differ) classification(c Change, old, new string, np path) {
	ro, rn := classRank(old), classRank(new)
	if ro < 0 || rn < 0 || rn <= ro {
		return
	}
	c.Field, c.Old, c.New = "classification", old, new
	c.Message = fmt.Sprintf("classification is stricter: %s → %s", orNone(old), new)
	d.emit(RuleClassification, c, np.with("classification"))
}

// classRank orders classifications from open to closed; -1 when unknown.
func classRank(s string) int {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "public":
		return 0
	case "internal":
		return 1
	case "confidential":
		return 2
	case "restricted", "sensitive", "pii":
		return 3
	case "secret":
		return 4
	}
	return -1
}

func (d *differ) masking(c Change, old, new []contract.CustomProperty, np path) {
	name := d.pol.masking()
	ov, _ := custom(old, name)
	nv, _ := custom(new, name)
	if masked(ov) || !masked(nv) {
		return
	}
	c.Field, c.Old, c.New = "customProperties."+name, ov, nv
	c.Message = fmt.Sprintf("%s is now masked (%s): consumers no longer read the clear value", c.Property, nv)
	at := np.with("customProperties")
	for i, cp := range new {
		if strings.EqualFold(cp.Property, name) {
			at = at.with(strconv.Itoa(i))
			break
		}
	}
	d.emit(RuleMaskingAdded, c, at)
}

func masked(v string) bool { return v != "" && !strings.EqualFold(v, "none") }
