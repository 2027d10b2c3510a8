package contract

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// relationships checks that every from/to reference names an existing
// schema object and property. ownProp is the property a property-level
// relationship hangs on ("" at object level).
func (g *gov) relationships(rs []Relationship, base []string, ownProp string) {
	for i, r := range rs {
		path := append(slices.Clip(base), strconv.Itoa(i))
		for j, ref := range r.From {
			g.ref(ref, path, "from", j, len(r.From))
		}
		for j, ref := range r.To {
			g.ref(ref, path, "to", j, len(r.To))
		}
		if len(r.From) > 0 && len(r.To) > 0 && len(r.From) != len(r.To) {
			g.add(RuleRelationship, SeverityError,
				fmt.Sprintf("relationship maps %d column(s) to %d column(s)", len(r.From), len(r.To)),
				"list as many `to` columns as `from` columns", path...)
		}
	}
}

func (g *gov) ref(ref string, path []string, field string, j, n int) {
	tokens := append(slices.Clip(path), field)
	if n > 1 {
		tokens = append(tokens, strconv.Itoa(j))
	}
	if msg := g.resolve(ref); msg != "" {
		g.add(RuleRelationship, SeverityError, fmt.Sprintf("relationship %s %q: %s", field, ref, msg),
			"point it at an existing `object.property` of this contract", tokens...)
	}
}

// resolve returns why ref does not resolve ("" when it does, or when it
// points into another file, which cannot be checked here).
func (g *gov) resolve(ref string) string {
	if strings.Contains(ref, ".yaml#") || strings.Contains(ref, ".yml#") {
		return ""
	}
	if strings.Contains(ref, "/") {
		return g.resolveIDs(strings.Trim(ref, "/"))
	}
	obj, prop, ok := strings.Cut(ref, ".")
	if !ok {
		return "not an object.property reference"
	}
	o := g.objectBy(func(o *SchemaObject) bool { return o.Name == obj })
	if o == nil {
		return fmt.Sprintf("no schema object named %q", obj)
	}
	if !hasProperty(o.Properties, prop, func(p *Property) string { return p.Name }) {
		return fmt.Sprintf("object %q has no property %q", obj, prop)
	}
	return ""
}

// resolveIDs resolves `schema/<id>/properties/<id>` references.
func (g *gov) resolveIDs(ref string) string {
	parts := strings.Split(ref, "/")
	if len(parts) < 2 || parts[0] != "schema" {
		return ""
	}
	o := g.objectBy(func(o *SchemaObject) bool { return o.ID == parts[1] })
	if o == nil {
		return fmt.Sprintf("no schema object with id %q", parts[1])
	}
	if len(parts) >= 4 && parts[2] == "properties" &&
		!hasProperty(o.Properties, parts[3], func(p *Property) string { return p.ID }) {
		return fmt.Sprintf("object %q has no property with id %q", o.Name, parts[3])
	}
	return ""
}

func (g *gov) objectBy(match func(*SchemaObject) bool) *SchemaObject {
	for i := range g.c.Schema {
		if match(&g.c.Schema[i]) {
			return &g.c.Schema[i]
		}
	}
	return nil
}

func hasProperty(ps []Property, want string, key func(*Property) string) bool {
	for i := range ps {
		if key(&ps[i]) == want {
			return true
		}
	}
	return false
}

// qualityDimensions are the ODCS v3.1.0 data-quality dimensions.
var qualityDimensions = []string{"accuracy", "completeness", "conformity", "consistency", "coverage", "timeliness", "uniqueness"}

// metricDimension is the dimension a library metric measures.
var metricDimension = map[string]string{
	"nullValues":      "completeness",
	"missingValues":   "completeness",
	"duplicateValues": "uniqueness",
	"invalidValues":   "conformity",
}

// quality checks that quality rules are coherent; they sit under
// base.key.
func (g *gov) quality(qs []Quality, base []string, key string) {
	// One path for every rule; what is called extends it only through
	// slices.Clip and keeps no reference to it.
	path := append(append(make([]string, 0, len(base)+2), base...), key, "")
	for i, q := range qs {
		path[len(path)-1] = indexToken(i)
		g.between(q.MustBeBetween, "mustBeBetween", path)
		g.between(q.MustNotBeBetween, "mustNotBeBetween", path)
		if q.MustBeGreaterThan != nil && q.MustBeLessThan != nil && *q.MustBeGreaterThan >= *q.MustBeLessThan {
			g.add(RuleQualityBetween, SeverityError,
				fmt.Sprintf("mustBeGreaterThan %v and mustBeLessThan %v can never both hold", *q.MustBeGreaterThan, *q.MustBeLessThan),
				"swap or fix the bounds", path...)
		}
		g.dimension(q, path)
	}
}

func (g *gov) between(b []float64, field string, path []string) {
	switch {
	case b == nil:
	case len(b) != 2:
		if !g.schemaRan {
			g.add(RuleQualityBetween, SeverityError, fmt.Sprintf("%s needs exactly two numbers [min, max], got %d", field, len(b)),
				"write `"+field+": [min, max]`", append(slices.Clip(path), field)...)
		}
	case b[0] > b[1]:
		g.add(RuleQualityBetween, SeverityError, fmt.Sprintf("%s [%v, %v]: the minimum is above the maximum", field, b[0], b[1]),
			fmt.Sprintf("write `%s: [%v, %v]`", field, b[1], b[0]), append(slices.Clip(path), field)...)
	}
}

func (g *gov) dimension(q Quality, path []string) {
	if q.Dimension == "" {
		return
	}
	if !slices.Contains(qualityDimensions, q.Dimension) {
		if !g.schemaRan { // the schema already reports it
			g.add(RuleQualityDimension, SeverityError, fmt.Sprintf("dimension %q is not an ODCS dimension", q.Dimension),
				"use one of "+strings.Join(qualityDimensions, ", "), append(slices.Clip(path), "dimension")...)
		}
		return
	}
	if want, ok := metricDimension[q.Metric]; ok && want != q.Dimension {
		g.add(RuleQualityDimension, SeverityWarning,
			fmt.Sprintf("metric %s measures %s, but the rule's dimension is %s", q.Metric, want, q.Dimension),
			"write `dimension: "+want+"`", append(slices.Clip(path), "dimension")...)
	}
}

// objectNullValues warns about nullValues checks on a schema object: the
// metric counts nulls in one column, and an object has none to count
// unless `arguments.properties` names them.
func (g *gov) objectNullValues(qs []Quality, base []string) {
	for i, q := range qs {
		field := ""
		switch {
		case q.Metric == "nullValues":
			field = "metric"
		case q.Rule == "nullValues" || q.Rule == "nullCheck":
			field = "rule"
		default:
			continue
		}
		if _, named := q.Arguments["properties"]; named {
			continue
		}
		g.add(RuleQualityNullObj, SeverityWarning,
			fmt.Sprintf("%s: %s is a property-level check: at object level it has no column to count nulls in", field, q.Metric+q.Rule),
			"move it under the quality of the property it checks", append(slices.Clip(base), strconv.Itoa(i), field)...)
	}
}

// slaElements checks that slaDefaultElement and every slaProperties
// element (`object.property`, `object`, `schema/<id>/properties/<id>`,
// several separated by commas) name this contract's schema. A contract
// with no schema is not checked: its elements live elsewhere.
func (g *gov) slaElements() {
	if len(g.c.Schema) == 0 {
		return
	}
	if def, ok := g.c.Extra["slaDefaultElement"].(string); ok {
		g.slaElement(def, "slaDefaultElement")
	}
	for i, s := range g.c.SLAProperties {
		g.slaElement(s.Element, "slaProperties", strconv.Itoa(i), "element")
	}
}

func (g *gov) slaElement(elem string, tokens ...string) {
	for _, ref := range strings.Split(elem, ",") {
		ref = strings.TrimSpace(ref)
		if ref == "" {
			continue
		}
		if msg := g.resolveElement(ref); msg != "" {
			g.add(RuleSLAElement, SeverityError, fmt.Sprintf("SLA element %q: %s", ref, msg),
				"point it at an existing `object.property` (or `object`) of this contract's schema", tokens...)
		}
	}
}

// resolveElement resolves an SLA element: an object, an object.property
// (nested properties as object.parent.child), or an id path.
func (g *gov) resolveElement(ref string) string {
	if strings.Contains(ref, ".yaml#") || strings.Contains(ref, ".yml#") {
		return ""
	}
	if strings.Contains(ref, "/") {
		return g.resolveIDs(strings.Trim(ref, "/"))
	}
	parts := strings.Split(ref, ".")
	o := g.objectBy(func(o *SchemaObject) bool { return o.Name == parts[0] })
	if o == nil {
		return fmt.Sprintf("no schema object named %q", parts[0])
	}
	ps, where := o.Properties, "object "+strconv.Quote(o.Name)
	for _, name := range parts[1:] {
		i := slices.IndexFunc(ps, func(p Property) bool { return p.Name == name })
		if i < 0 {
			return fmt.Sprintf("%s has no property %q", where, name)
		}
		p := ps[i]
		if p.Items != nil && len(p.Properties) == 0 {
			p = *p.Items
		}
		ps, where = p.Properties, "property "+strconv.Quote(name)
	}
	return ""
}
