package scaffold

import (
	"fmt"
	"regexp"
	"strings"
)

// arrayInnerRE reads the element type of a physical array type:
// ARRAY<INT>, array<string>, list<bigint>, int[], varchar[].
var arrayInnerRE = regexp.MustCompile(`(?i)^\s*(?:(?:array|list)\s*<\s*([a-z0-9_ ]+?)\s*>|([a-z0-9_ ]+?)\s*\[\s*\])\s*$`)

// scalarElems are the element types a native array can hold.
var scalarElems = map[string]bool{"string": true, "integer": true, "bigint": true, "smallint": true,
	"decimal": true, "double": true, "float": true, "boolean": true, "date": true, "timestamp": true}

// arrayElem is the canonical element type of an array column when it is a
// scalar (items.logicalType, or the physical ARRAY<T> / T[]), else "".
func arrayElem(c *colPlan) string {
	prop := c.prop
	if prop.Items != nil && len(prop.Items.Properties) == 0 && prop.Items.Items == nil {
		if e, _ := canonical(prop.Items.LogicalType, prop.Items.PhysicalType, false); scalarElems[e] {
			return e
		}
	}
	if m := arrayInnerRE.FindStringSubmatch(prop.PhysicalType); m != nil {
		inner := strings.TrimSpace(m[1] + m[2])
		if e, _ := canonical("", inner, false); scalarElems[e] {
			return e
		}
	}
	return ""
}

// nativeArray gives an array of scalars the dialect's native array type and
// the staging expression that turns the raw JSON text ("[1, 2]") into it;
// ok is false where the dialect has no typed array (Snowflake's ARRAY is
// untyped and stays as it is).
func (p *plan) nativeArray(c *colPlan, src string) (dataType, expr string, ok bool) {
	elem := arrayElem(c)
	if elem == "" {
		return "", "", false
	}
	et := p.d.sqlType(elem, physType{})
	switch p.d.name {
	case "duckdb":
		return et + "[]", fmt.Sprintf("cast(cast(%s as json) as %s[])", src, et), true
	case "postgres":
		return et + "[]", fmt.Sprintf("array(select cast(e as %s) from jsonb_array_elements_text(cast(%s as jsonb)) as e)", et, src), true
	case "bigquery":
		bt := "array<" + et + ">"
		return bt, fmt.Sprintf("array(select cast(e as %s) from unnest(json_value_array(%s)) as e)", et, src), true
	}
	return "", "", false
}
