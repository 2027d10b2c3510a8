package web

import (
	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/contract"
)

// A drafted contract marks, on each property, the facts read from the
// column's name rather than stated by a person: the custom property
// spec.InferredProperty lists them (spec.InferredType, spec.InferredKey,
// spec.InferredPII). The editor shows each as a chip beside its box; the
// person confirms one by clicking the chip or by changing the box, and
// the fact leaves the list. Markers stay until then, so a contract saved
// untouched is written exactly as it was read.

// inferredOf is the list of facts the property's marker names (nil when
// it has none). The YAML value is a list; a single string counts too.
func inferredOf(cps []contract.CustomProperty) []string {
	for _, cp := range cps {
		if cp.Property != spec.InferredProperty {
			continue
		}
		switch v := cp.Value.(type) {
		case []string:
			return append([]string{}, v...)
		case []any:
			out := []string{}
			for _, x := range v {
				if s, ok := x.(string); ok && s != "" {
					out = append(out, s)
				}
			}
			return out
		case string:
			if v != "" {
				return []string{v}
			}
		}
		return []string{}
	}
	return nil
}

// applyInferred drops from p's marker the facts the form confirmed: those
// missing from fp.Inferred (a client that sends no list confirms nothing)
// and those whose box the form changed against prev, the property as it
// was loaded. The form never adds a fact. With nothing confirmed the
// custom properties are left exactly as they were.
func applyInferred(p *contract.Property, prev contract.Property, fp FormProperty) {
	had := inferredOf(prev.CustomProperties)
	if had == nil {
		return
	}
	keep := map[string]bool{}
	for _, f := range had {
		keep[f] = true
	}
	if fp.Inferred != nil {
		keep = map[string]bool{}
		for _, f := range fp.Inferred {
			keep[f] = true
		}
	}
	changed := map[string]bool{
		spec.InferredType: p.LogicalType != prev.LogicalType,
		spec.InferredKey:  p.PrimaryKey != prev.PrimaryKey,
		spec.InferredPII:  p.Classification != prev.Classification,
	}
	var left []string
	for _, f := range had {
		if keep[f] && !changed[f] {
			left = append(left, f)
		}
	}
	if len(left) == len(had) {
		return
	}
	p.CustomProperties = setInferred(p.CustomProperties, left)
}

// setInferred writes the marker's list (removing the marker when it is
// empty) in a new slice, keeping every other custom property in place.
func setInferred(cps []contract.CustomProperty, facts []string) []contract.CustomProperty {
	var out []contract.CustomProperty
	for _, cp := range cps {
		if cp.Property == spec.InferredProperty {
			if len(facts) == 0 {
				continue
			}
			vs := make([]any, len(facts))
			for i, f := range facts {
				vs[i] = f
			}
			cp.Value = vs
		}
		out = append(out, cp)
	}
	return out
}
