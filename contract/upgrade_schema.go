package contract

import (
	"fmt"
	"slices"
)

var datasetKeys = []string{"table", "physicalName", "description", "authoritativeDefinitions", "tags", "dataGranularity", "columns", "quality", "customProperties"}

// datasets maps v2 dataset[].table/columns[].column to schema[]/properties[].
func (u *upgrader) datasets(v any) []SchemaObject {
	list, _ := v.([]any)
	var out []SchemaObject
	for _, x := range list {
		m, _ := x.(map[string]any)
		if m == nil {
			continue
		}
		o := SchemaObject{Name: u.str(m, "table"), PhysicalName: u.str(m, "physicalName"), PhysicalType: "table",
			LogicalType: "object", Description: u.str(m, "description"), Tags: strList(m["tags"]),
			DataGranularityDescription: u.str(m, "dataGranularity"), AuthoritativeDefinitions: authDefs(m["authoritativeDefinitions"])}
		cols, _ := m["columns"].([]any)
		for _, cx := range cols {
			if cm, ok := cx.(map[string]any); ok {
				o.Properties = append(o.Properties, u.column(o.Name, cm))
			}
		}
		o.Quality = u.quality(m["quality"])
		more := extras(m, datasetKeys)
		o.CustomProperties = append(customList(m["customProperties"]), more...)
		for _, cp := range more {
			u.warnings = append(u.warnings, fmt.Sprintf("table %s: v2 field %s kept as a customProperty", o.Name, cp.Property))
		}
		out = append(out, o)
	}
	return out
}

var columnKeys = []string{"column", "isPrimary", "isPrimaryKey", "primaryKeyPosition", "businessName", "logicalType", "physicalType",
	"isNullable", "isUnique", "description", "partitionStatus", "partitionKeyPosition", "criticalDataElementStatus", "tags",
	"classification", "transformSourceTables", "transformLogic", "transformDescription", "sampleValues",
	"authoritativeDefinitions", "quality", "customProperties"}

func (u *upgrader) column(table string, m map[string]any) Property {
	p := Property{Name: u.str(m, "column"), BusinessName: u.str(m, "businessName"), LogicalType: u.str(m, "logicalType"),
		PhysicalType: u.str(m, "physicalType"), Description: u.str(m, "description"), Classification: u.str(m, "classification"),
		PrimaryKey: isTrue(m["isPrimaryKey"]) || isTrue(m["isPrimary"]), Unique: isTrue(m["isUnique"]),
		Partitioned: isTrue(m["partitionStatus"]), CriticalDataElement: isTrue(m["criticalDataElementStatus"]),
		Tags: strList(m["tags"]), TransformLogic: u.str(m, "transformLogic"), TransformDescription: u.str(m, "transformDescription"),
		TransformSourceObjects: strList(m["transformSourceTables"]), AuthoritativeDefinitions: authDefs(m["authoritativeDefinitions"])}
	if n, ok := m["isNullable"].(bool); ok {
		p.Required = !n
	}
	u.mapLogicalType(table, &p)
	if pos := intOf(m["primaryKeyPosition"]); pos > 0 && p.PrimaryKey {
		p.PrimaryKeyPosition = pos
	}
	if pos := intOf(m["partitionKeyPosition"]); pos > 0 && p.Partitioned {
		p.PartitionKeyPosition = pos
	}
	if ex, ok := m["sampleValues"].([]any); ok {
		p.Examples = ex
	}
	p.Quality = u.quality(m["quality"])
	p.CustomProperties = append(customList(m["customProperties"]), extras(m, columnKeys)...)
	return p
}

func isTrue(v any) bool {
	b, _ := v.(bool)
	return b
}

func intOf(v any) int {
	switch x := v.(type) {
	case int64:
		return int(x)
	case float64:
		return int(x)
	}
	return 0
}

func authDefs(v any) []AuthDefinition {
	list, _ := v.([]any)
	var out []AuthDefinition
	for _, x := range list {
		if m, ok := x.(map[string]any); ok {
			out = append(out, AuthDefinition{URL: fmt.Sprint(m["url"]), Type: fmt.Sprint(m["type"])})
		}
	}
	return out
}

var qualityKeys = []string{"code", "templateName", "toolName", "toolRuleName", "description", "dimension", "type", "severity",
	"businessImpact", "scheduleCronExpression", "customProperties"}

// quality maps v2 tool-specific checks to v3 custom quality rules.
func (u *upgrader) quality(v any) []Quality {
	list, _ := v.([]any)
	var out []Quality
	for _, x := range list {
		m, _ := x.(map[string]any)
		if m == nil {
			continue
		}
		q := Quality{Name: u.str(m, "code"), Description: u.str(m, "description"), Type: "custom",
			Engine: u.str(m, "toolName"), Severity: u.str(m, "severity"), BusinessImpact: u.str(m, "businessImpact"),
			Extra: map[string]any{}}
		if q.Engine == "" {
			q.Engine = "unknown"
		}
		impl := u.str(m, "toolRuleName")
		if impl == "" {
			impl = u.str(m, "templateName")
		}
		if impl == "" {
			impl = q.Name
		}
		q.Extra["implementation"] = impl
		if d := u.str(m, "dimension"); slices.Contains(qualityDimensions, d) {
			q.Dimension = d
		}
		if s := u.str(m, "scheduleCronExpression"); s != "" {
			q.Extra["schedule"] = s
		}
		cps := customList(m["customProperties"])
		for _, k := range []string{"templateName", "type"} {
			if s := u.str(m, k); s != "" {
				cps = append(cps, CustomProperty{Property: "v2" + k, Value: s})
			}
		}
		q.CustomProperties = append(cps, extras(m, qualityKeys)...)
		out = append(out, q)
	}
	return out
}

// mapLogicalType turns a v2 free-text logicalType (varchar, decimal,
// variant...) into a v3 one, keeping the original as physicalType when
// there is none; an unknown word is dropped with a warning.
func (u *upgrader) mapLogicalType(table string, p *Property) {
	if p.LogicalType == "" {
		return
	}
	t, ok := v3LogicalType(p.LogicalType)
	if t == p.LogicalType {
		return
	}
	if p.PhysicalType == "" {
		p.PhysicalType = p.LogicalType
	}
	if !ok {
		u.warnings = append(u.warnings, fmt.Sprintf("%s.%s: logicalType %q has no ODCS v3 equivalent; kept as physicalType, set logicalType by hand", table, p.Name, p.LogicalType))
		p.LogicalType = ""
		return
	}
	p.LogicalType = t
}
