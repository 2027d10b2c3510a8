package diff

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

// bound is a logicalTypeOptions key that limits values; up means a larger
// value is tighter (a minimum).
type bound struct {
	key string
	up  bool
}

var bounds = []bound{
	{"minimum", true}, {"exclusiveMinimum", true}, {"maximum", false}, {"exclusiveMaximum", false},
	{"minLength", true}, {"minItems", true}, {"maxItems", false}, {"minProperties", true}, {"maxProperties", false},
	{"maxLength", false},
}

// options compares logicalTypeOptions: ranges, maxLength, enum, pattern.
func (d *differ) options(c Change, old, new map[string]any, np path) {
	for _, b := range bounds {
		ov, okO := old[b.key]
		nv, okN := new[b.key]
		if !okO && !okN {
			continue
		}
		r := c
		r.Field, r.Old, r.New = "logicalTypeOptions."+b.key, show(ov, okO), show(nv, okN)
		at := np.with("logicalTypeOptions", b.key)
		tighter, looser := tightness(ov, okO, nv, okN, b.up)
		switch {
		case tighter:
			rule := RuleRangeTightened
			if b.key == "maxLength" {
				rule = RuleMaxLengthReduced
			}
			r.Message = fmt.Sprintf("%s tightened: %s → %s", b.key, orNone(r.Old), r.New)
			d.emit(rule, r, at)
		case looser:
			r.Message = fmt.Sprintf("%s relaxed: %s → %s", b.key, r.Old, orNone(r.New))
			d.emit(RuleConstraintRelaxed, r, np.with("logicalTypeOptions"))
		}
	}
	op, okO := old["pattern"]
	nwp, okN := new["pattern"]
	if (okN && !okO) || (okO && okN && canon(op) != canon(nwp)) {
		r := c
		r.Field, r.Old, r.New = "logicalTypeOptions.pattern", show(op, okO), show(nwp, okN)
		r.Message = "the pattern values must match was added or changed"
		d.emit(RuleValidValuesNarrowed, r, np.with("logicalTypeOptions", "pattern"))
	}
}

// tightness compares a bound: added is tighter, removed looser; otherwise
// numbers (or strings, such as ISO dates) are compared in the bound's
// direction, and a change of any other kind counts as tighter.
func tightness(ov any, okO bool, nv any, okN bool, up bool) (tighter, looser bool) {
	switch {
	case !okO:
		return true, false
	case !okN:
		return false, true
	case canon(ov) == canon(nv):
		return false, false
	}
	if ob, isB := ov.(bool); isB { // exclusiveMinimum: true is tighter
		nb, isNB := nv.(bool)
		return isNB && nb && !ob, isNB && ob && !nb
	}
	var less, more bool
	of, okf := number(ov)
	nf, okn := number(nv)
	os, oks := ov.(string)
	ns, okns := nv.(string)
	switch {
	case okf && okn:
		less, more = nf < of, nf > of
	case oks && okns:
		less, more = ns < os, ns > os
	default:
		return true, false
	}
	if up {
		return more, less
	}
	return less, more
}

// valueSet is a property's accepted values: logicalTypeOptions.enum, else
// the first invalidValues quality rule's validValues. at is where it is.
func valueSet(p *contract.Property, base path) (vals []string, at path, ok bool) {
	if l, isList := p.LogicalTypeOptions["enum"].([]any); isList {
		return strs(l), base.with("logicalTypeOptions", "enum"), true
	}
	for i, q := range p.Quality {
		if q.Metric != "invalidValues" && q.Rule != "invalidValues" {
			continue
		}
		if l, isList := q.Arguments["validValues"].([]any); isList {
			return strs(l), base.idx("quality", i).with("arguments", "validValues"), true
		}
	}
	return nil, nil, false
}

func strs(l []any) []string {
	out := make([]string, len(l))
	for i, v := range l {
		out[i] = show(v, true)
		if v == nil {
			out[i] = "null"
		}
	}
	return out
}

// validValues reports accepted values removed (or a list added where any
// value was accepted).
func (d *differ) validValues(c Change, o, n *contract.Property, np path) {
	ov, _, okO := valueSet(o, nil)
	nv, at, okN := valueSet(n, np)
	if !okO && !okN {
		return
	}
	c.Field, c.Old, c.New = "validValues", strings.Join(ov, ", "), strings.Join(nv, ", ")
	if !okN {
		c.Message = "the list of accepted values was removed"
		d.emit(RuleConstraintRelaxed, c, np)
		return
	}
	if !okO {
		c.Message = "values are now limited to a list"
		d.emit(RuleValidValuesNarrowed, c, at)
		return
	}
	gone, extra := setDiff(ov, nv), setDiff(nv, ov)
	switch {
	case len(gone) > 0:
		c.Message = "accepted values removed: " + strings.Join(gone, ", ")
		d.emit(RuleValidValuesNarrowed, c, at)
	case len(extra) > 0:
		c.Message = "accepted values added: " + strings.Join(extra, ", ")
		d.emit(RuleConstraintRelaxed, c, at)
	}
}

// setDiff returns the sorted values of a missing from b.
func setDiff(a, b []string) []string {
	in := make(map[string]bool, len(b))
	for _, v := range b {
		in[v] = true
	}
	var out []string
	for _, v := range a {
		if !in[v] {
			out = append(out, v)
			in[v] = true
		}
	}
	sort.Strings(out)
	return out
}
