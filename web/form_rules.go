package web

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

// FormSLA is the contract's service levels as the form shows them: how
// fresh the data is (a freshness or latency entry: at most Freshness Unit
// old, measured on Column) and the time of day it is available by.
type FormSLA struct {
	Freshness   string `json:"freshness"`   // e.g. "24"
	Unit        string `json:"unit"`        // min, h, d, …
	Column      string `json:"column"`      // table.column that tells freshness
	AvailableBy string `json:"availableBy"` // HH:MM
}

// slaAvailability is the ODCS SLA property for "available by".
const slaAvailability = "timeOfAvailability"

// Each helper below reads a value the same way on load and on save, and
// the save changes the contract only when the form's value differs from
// what was read: a contract loaded and saved untouched stays the same.

// valuesOf is a property's accepted values: its first invalidValues rule.
func valuesOf(p contract.Property) []string {
	if i := valuesRule(p); i >= 0 {
		l, _ := p.Quality[i].Arguments["validValues"].([]any)
		out := make([]string, 0, len(l))
		for _, v := range l {
			out = append(out, fmt.Sprint(v))
		}
		return out
	}
	return nil
}

func valuesRule(p contract.Property) int {
	for i, q := range p.Quality {
		if q.Metric != "invalidValues" && q.Rule != "invalidValues" {
			continue
		}
		if _, ok := q.Arguments["validValues"].([]any); ok {
			return i
		}
	}
	return -1
}

// rangeOf is a property's inclusive minimum and maximum.
func rangeOf(p contract.Property) (min, max string) {
	return optString(p.LogicalTypeOptions, "minimum"), optString(p.LogicalTypeOptions, "maximum")
}

func optString(m map[string]any, k string) string {
	if v, ok := m[k]; ok && v != nil {
		return fmt.Sprint(v)
	}
	return ""
}

// refsOf is the target of a property's first relationship.
func refsOf(p contract.Property) string {
	if len(p.Relationships) == 0 {
		return ""
	}
	return strings.Join(p.Relationships[0].To, ", ")
}

// applyValueRules writes accepted values, range and reference into p.
func applyValueRules(p *contract.Property, fp FormProperty) {
	if fp.Values != nil {
		applyValues(p, cleanTags(fp.Values))
	}
	min, max := rangeOf(*p)
	if trim(fp.Min) != min {
		p.LogicalTypeOptions = setOpt(p.LogicalTypeOptions, "minimum", typed(p.LogicalType, trim(fp.Min)))
	}
	if trim(fp.Max) != max {
		p.LogicalTypeOptions = setOpt(p.LogicalTypeOptions, "maximum", typed(p.LogicalType, trim(fp.Max)))
	}
	if refs := cleanTags(strings.Split(fp.References, ",")); strings.Join(refs, ", ") != refsOf(*p) {
		p.Relationships = setRefs(p.Relationships, refs)
	}
}

func applyValues(p *contract.Property, vals []string) {
	if slices.Equal(vals, valuesOf(*p)) {
		return
	}
	i := valuesRule(*p)
	if len(vals) == 0 {
		p.Quality = slices.Delete(slices.Clone(p.Quality), i, i+1)
		if len(p.Quality) == 0 {
			p.Quality = nil
		}
		return
	}
	list := make([]any, len(vals))
	for j, v := range vals {
		list[j] = typed(p.LogicalType, v)
	}
	if i < 0 {
		p.Quality = append(p.Quality, contract.Quality{Type: "library", Metric: "invalidValues",
			Arguments: map[string]any{"validValues": list}, MustBe: 0})
		return
	}
	p.Quality = slices.Clone(p.Quality)
	args := map[string]any{}
	for k, v := range p.Quality[i].Arguments {
		args[k] = v
	}
	args["validValues"] = list
	p.Quality[i].Arguments = args
}

// setOpt sets (or, with nil, removes) a logicalTypeOptions key.
func setOpt(m map[string]any, k string, v any) map[string]any {
	out := map[string]any{}
	for mk, mv := range m {
		out[mk] = mv
	}
	if v == nil {
		delete(out, k)
	} else {
		out[k] = v
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// setRefs points the first relationship at refs (a new foreign key when
// there is none; no refs removes it).
func setRefs(rels []contract.Relationship, refs []string) []contract.Relationship {
	if len(refs) == 0 {
		if len(rels) <= 1 {
			return nil
		}
		return slices.Clone(rels[1:])
	}
	if len(rels) == 0 {
		return []contract.Relationship{{Type: "foreignKey", To: refs}}
	}
	rels = slices.Clone(rels)
	rels[0].To = refs
	return rels
}

// typed is a number for numeric types (an integer when whole), else the
// text; "" is nil.
func typed(logicalType, s string) any {
	if s == "" {
		return nil
	}
	if logicalType == "integer" || logicalType == "number" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return n
		}
		if x, err := strconv.ParseFloat(s, 64); err == nil {
			return x
		}
	}
	return s
}
