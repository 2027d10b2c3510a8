package spec

import (
	"slices"
	"strconv"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

// Property turns a column into an ODCS property under the PII policy. pos
// counts the primary-key columns seen so far (primaryKeyPosition).
func Property(c Column, pol contract.PIIPolicy, pos *int) contract.Property {
	p := contract.Property{Name: c.Name, BusinessName: c.BusinessName, LogicalType: c.LogicalType, PhysicalType: c.PhysicalType,
		Description: c.Description, Required: c.Required, Unique: c.Unique, PrimaryKey: c.PrimaryKey,
		Classification: c.Classification, CriticalDataElement: c.Critical}
	if p.BusinessName == p.Name {
		p.BusinessName = ""
	}
	if c.PrimaryKey {
		*pos++
		p.PrimaryKeyPosition = *pos
	}
	sensitive := c.Classification != "" && containsFold(pol.Classifications, c.Classification)
	if c.PII != PIINone && !sensitive && pol.Tag != "" {
		p.Tags = []string{pol.Tag}
	}
	if sensitive && pol.RequireCriticalDataElement {
		p.CriticalDataElement = true // the policy's consequence of the classification
	}
	if c.Masking != "" {
		prop := pol.MaskingProperty
		if prop == "" {
			prop = "masking"
		}
		p.CustomProperties = []contract.CustomProperty{{Property: prop, Value: c.Masking}}
	}
	if len(c.Inferred) > 0 {
		p.CustomProperties = append(p.CustomProperties, contract.CustomProperty{Property: InferredProperty, Value: slices.Clone(c.Inferred)})
	}
	ValueRules(c, &p)
	return p
}

// ValueRules writes the column's value options into the property in the
// shapes the scaffolder turns into dbt tests: an invalidValues library rule
// (accepted_values) and logicalTypeOptions minimum/maximum (range) or
// minLength/maxLength (length).
func ValueRules(c Column, p *contract.Property) {
	if len(c.AllowedValues) > 0 {
		vals := make([]any, len(c.AllowedValues))
		for i, v := range c.AllowedValues {
			vals[i] = TypedValue(c.LogicalType, v)
		}
		p.Quality = append(p.Quality, contract.Quality{Type: "library", Metric: "invalidValues",
			Arguments: map[string]any{"validValues": vals}, MustBe: 0})
	}
	opts := map[string]any{}
	if c.Min != "" {
		opts["minimum"] = TypedValue(c.LogicalType, c.Min)
	}
	if c.Max != "" {
		opts["maximum"] = TypedValue(c.LogicalType, c.Max)
	}
	if c.MinLength != "" {
		opts["minLength"], _ = strconv.Atoi(c.MinLength)
	}
	if c.MaxLength != "" {
		opts["maxLength"], _ = strconv.Atoi(c.MaxLength)
	}
	if len(opts) > 0 {
		p.LogicalTypeOptions = opts
	}
}

// TypedValue is a number for numeric types (an integer when whole), else
// the text.
func TypedValue(logicalType, s string) any {
	if logicalType != "integer" && logicalType != "number" {
		return s
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n
	}
	if x, err := strconv.ParseFloat(s, 64); err == nil {
		return x
	}
	return s
}

// ValueOptions renders the value options for the canvas.
func ValueOptions(c Column) []string {
	var out []string
	if len(c.AllowedValues) > 0 {
		out = append(out, "values="+strings.Join(c.AllowedValues, "|"))
	}
	for _, kv := range [][2]string{{"min", c.Min}, {"max", c.Max}, {"minLength", c.MinLength}, {"maxLength", c.MaxLength}} {
		if kv[1] != "" {
			out = append(out, kv[0]+"="+kv[1])
		}
	}
	return out
}

func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(strings.TrimSpace(x), strings.TrimSpace(s)) })
}
