package scaffold

import (
	"fmt"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

func (p *plan) buildColumn(prop *contract.Property) (*colPlan, error) {
	if err := checkName("property", prop.Name); err != nil {
		return nil, err
	}
	c := &colPlan{prop: prop, name: snake(prop.Name), srcName: prop.PhysicalName}
	if c.name == "" {
		return nil, fmt.Errorf("name %q gives no identifier", prop.Name)
	}
	if c.srcName == "" {
		c.srcName = prop.Name
	}
	if err := checkIdent("physicalName", c.srcName); err != nil {
		return nil, err
	}
	c.reserved = p.reserved[c.name]
	c.sqlName = p.d.quote(c.name, p.reserved)
	p.columnType(c)
	c.pii = p.isPII(prop)
	c.masking = p.maskingOf(prop)
	if !c.pii {
		c.nested = p.nestedPII(prop, c.name, c.masking)
		c.pii = c.nested != nil
	}
	p.columnTests(c)
	return c, nil
}

// columnType sets the column's canonical type, dialect type and staging
// expression (a cast, a parse of a formatted date, BigQuery's parse_json).
func (p *plan) columnType(c *colPlan) {
	prop := c.prop
	tz, _ := prop.LogicalTypeOptions["timezone"].(bool)
	var pt physType
	c.canon, pt = canonical(prop.LogicalType, prop.PhysicalType, tz)
	format, _ := prop.LogicalTypeOptions["format"].(string)
	format = strings.TrimSpace(format)
	physFam := physicalFamilies[pt.base]
	if strings.EqualFold(prop.LogicalType, "integer") && physFam == "" {
		if w := integerFormats[strings.ToLower(format)]; w != "" {
			c.canon = w
		}
	}
	if c.canon != "" {
		c.dataType = p.d.sqlType(c.canon, pt)
	}
	src := p.d.quote(c.srcName, p.reserved)
	switch {
	case format != "" && (physFam == "" || physFam == "string") && isDateCanon(c.canon):
		// a date held as formatted text: parse it, else cast and hope
		if e, ok := p.d.parseExpr(src, c.canon, c.dataType, format); ok {
			c.expr = e
			break
		}
		c.expr = fmt.Sprintf("cast(%s as %s)", src, c.dataType)
	case c.canon == "array" && p.setNativeArray(c, src):
	case p.d.name == "bigquery" && (c.canon == "object" || c.canon == "array"):
		c.expr = fmt.Sprintf("parse_json(%s)", src) // BigQuery cannot cast a string to JSON
	case c.dataType != "":
		c.expr = fmt.Sprintf("cast(%s as %s)", src, c.dataType)
	default:
		c.expr = src
	}
}

// integerFormats maps ODCS integer formats (logicalTypeOptions.format) to
// canonical types wide enough for them.
var integerFormats = map[string]string{
	"i8": "smallint", "i16": "smallint", "u8": "smallint",
	"i32": "integer", "u16": "integer",
	"i64": "bigint", "u32": "bigint", "int64": "bigint", "long": "bigint",
	"u64": "ubigint",
}

func isDateCanon(canon string) bool {
	return canon == "date" || canon == "timestamp" || canon == "timestamptz"
}

// isPII reports whether governance counts the property as personal or
// sensitive data: a PII classification or the PII tag.
func (p *plan) isPII(prop *contract.Property) bool {
	for _, cl := range p.rules.Policy.PII.Classifications {
		if strings.EqualFold(cl, prop.Classification) {
			return true
		}
	}
	tag := p.rules.Policy.PII.Tag
	for _, t := range prop.Tags {
		if tag != "" && strings.EqualFold(t, tag) {
			return true
		}
	}
	return false
}

// finishKeys adds key tests and constraints once every column is known.
func (p *plan) finishKeys(o *objPlan) {
	for _, c := range o.columns {
		if c.prop.PrimaryKey {
			o.pk = append(o.pk, c.name)
		}
	}
	single := len(o.pk) == 1
	o.enforced = len(o.columns) > 0
	for _, c := range o.columns {
		pr := c.prop
		if pr.Required || pr.PrimaryKey {
			c.constraints = append(c.constraints, constraintYAML{Type: "not_null"})
		}
		if pr.Required || pr.PrimaryKey || c.qNotNull {
			c.tests = prependTest(c.tests, "not_null")
		}
		switch {
		case pr.PrimaryKey && single:
			c.constraints = append(c.constraints, p.keyConstraint("primary_key"))
			c.tests = insertAfterNotNull(c.tests, "unique")
		case pr.Unique:
			c.constraints = append(c.constraints, p.keyConstraint("unique"))
			c.tests = insertAfterNotNull(c.tests, "unique")
		case c.qUnique:
			c.tests = insertAfterNotNull(c.tests, "unique")
		}
		if c.dataType == "" {
			o.enforced = false
		}
	}
	if len(o.pk) > 1 {
		p.usesGeneric = true
		o.modelTests = append(o.modelTests, map[string]any{
			"dataeng_os_unique_combination": testSpec{Arguments: map[string]any{"combination_of_columns": o.pk}},
		})
	}
}

func (p *plan) keyConstraint(typ string) constraintYAML {
	c := constraintYAML{Type: typ}
	if !p.d.enforcesUnique {
		f := false
		c.WarnUnenforced = &f
	}
	return c
}

// prependTest adds a bare test name first unless present.
func prependTest(tests []any, name string) []any {
	if hasTest(tests, name) {
		return tests
	}
	return append([]any{name}, tests...)
}

func insertAfterNotNull(tests []any, name string) []any {
	if hasTest(tests, name) {
		return tests
	}
	if len(tests) > 0 && tests[0] == "not_null" {
		return append([]any{"not_null", name}, tests[1:]...)
	}
	return append([]any{name}, tests...)
}

func hasTest(tests []any, name string) bool {
	for _, t := range tests {
		if t == name {
			return true
		}
	}
	return false
}

// addRelationships adds relationships tests for property-level foreign
// keys whose target object is in the same contract.
func (p *plan) addRelationships(o *objPlan) {
	for _, c := range o.columns {
		for _, rel := range c.prop.Relationships {
			if rel.Type != "" && !strings.EqualFold(rel.Type, "foreignKey") || len(rel.To) != 1 {
				continue
			}
			obj, col := p.resolveRef(rel.To[0])
			if obj == nil || obj == o && col == c {
				continue
			}
			p.relationshipTest(c, obj, col)
		}
	}
	p.objectRelationships(o)
}

// resolveRef finds `object.property` (by name or physical name).
func (p *plan) resolveRef(ref string) (*objPlan, *colPlan) {
	objName, propName, ok := strings.Cut(strings.TrimSpace(ref), ".")
	if !ok {
		return nil, nil
	}
	for _, o := range p.objects {
		if o.obj.Name != objName && o.obj.PhysicalName != objName {
			continue
		}
		for _, c := range o.columns {
			if c.prop.Name == propName || c.prop.PhysicalName == propName {
				return o, c
			}
		}
	}
	return nil, nil
}

// setNativeArray switches an array of scalars to the dialect's native
// array type; false leaves the column as JSON.
func (p *plan) setNativeArray(c *colPlan, src string) bool {
	if it := c.prop.Items; it != nil && p.isPII(it) {
		return false // PII items stay JSON, so the mart can hash them in place
	}
	dt, expr, ok := p.nativeArray(c, src)
	if ok {
		c.dataType, c.expr = dt, expr
	}
	return ok
}
