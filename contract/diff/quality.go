package diff

import (
	"fmt"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

// qualityKey identifies a quality rule across versions: its id, else its
// name, else what it checks.
func qualityKey(q *contract.Quality) string {
	switch {
	case q.ID != "":
		return "id:" + q.ID
	case q.Name != "":
		return "name:" + q.Name
	}
	return strings.Join([]string{q.Type, q.Metric, q.Rule, q.Dimension, q.Engine}, "|")
}

func qualityLabel(q *contract.Quality) string {
	for _, s := range []string{q.Name, q.ID, q.Metric, q.Rule, q.Description, q.Type} {
		if s != "" {
			return clip(s)
		}
	}
	return "quality rule"
}

// quality compares quality rules (object or property level); thresholds
// that got stricter, or changed in a way whose direction is unknown, are
// tightened. Accepted-value lists are left to validValues.
func (d *differ) quality(c Change, olds, news []contract.Quality, op, np path) {
	m := match(len(olds), len(news),
		func(i int) string { return qualityKey(&olds[i]) }, func(j int) string { return qualityKey(&news[j]) }, nil)
	for _, pr := range m.pairs {
		o, n := &olds[pr.old], &news[pr.new]
		at := np.idx("quality", pr.new)
		for _, t := range thresholds(o, n) {
			r := c
			r.Field, r.Old, r.New = "quality."+t.field, t.old, t.new
			if t.looser {
				r.Message = fmt.Sprintf("quality rule %q relaxed: %s", qualityLabel(n), t.field)
				d.emit(RuleConstraintRelaxed, r, at)
				continue
			}
			r.Message = fmt.Sprintf("quality rule %q tightened: %s", qualityLabel(n), t.field)
			d.emit(RuleQualityTightened, r, at.with(t.field))
		}
	}
	for _, j := range m.added {
		r := c
		r.Field, r.New = "quality", qualityLabel(&news[j])
		r.Message = fmt.Sprintf("quality rule %q added: new data may now fail it", r.New)
		d.emit(RuleQualityAdded, r, np.idx("quality", j))
	}
	for _, i := range m.removed {
		r := c
		r.Field, r.Old = "quality", qualityLabel(&olds[i])
		r.Message = fmt.Sprintf("quality rule %q removed", r.Old)
		d.emit(RuleConstraintRelaxed, r, np)
	}
}

type threshold struct {
	field, old, new string
	looser          bool
}

// thresholds lists the differing thresholds of two versions of a rule.
func thresholds(o, n *contract.Quality) []threshold {
	var out []threshold
	num := func(field string, ov, nv *float64, up bool) {
		switch {
		case ov == nil && nv == nil:
			return
		case ov == nil:
			out = append(out, threshold{field: field, new: fnum(*nv)})
		case nv == nil:
			out = append(out, threshold{field: field, old: fnum(*ov), looser: true})
		case fnum(*ov) == fnum(*nv): // also NaN against NaN
			return
		case *nv > *ov == up && *nv != *ov:
			out = append(out, threshold{field: field, old: fnum(*ov), new: fnum(*nv)})
		case *nv < *ov == up && *nv != *ov:
			out = append(out, threshold{field: field, old: fnum(*ov), new: fnum(*nv), looser: true})
		}
	}
	num("mustBeGreaterThan", o.MustBeGreaterThan, n.MustBeGreaterThan, true)
	num("mustBeGreaterOrEqualTo", o.MustBeGreaterOrEqualTo, n.MustBeGreaterOrEqualTo, true)
	num("mustBeLessThan", o.MustBeLessThan, n.MustBeLessThan, false)
	num("mustBeLessOrEqualTo", o.MustBeLessOrEqualTo, n.MustBeLessOrEqualTo, false)
	if len(o.MustBeBetween) == 2 && len(n.MustBeBetween) == 2 {
		num("mustBeBetween", &o.MustBeBetween[0], &n.MustBeBetween[0], true)
		num("mustBeBetween", &o.MustBeBetween[1], &n.MustBeBetween[1], false)
	}
	return append(out, otherThresholds(o, n)...)
}

// otherThresholds lists the differing non-numeric thresholds, whose
// direction is unknown (so they count as tightened).
func otherThresholds(o, n *contract.Quality) []threshold {
	var out []threshold
	other := func(field string, ov, nv any) {
		if !sameValue(ov, nv) {
			out = append(out, threshold{field: field, old: show(ov, true), new: show(nv, true)})
		}
	}
	if len(o.MustBeBetween) != 2 || len(n.MustBeBetween) != 2 {
		other("mustBeBetween", o.MustBeBetween, n.MustBeBetween)
	}
	other("mustBe", o.MustBe, n.MustBe)
	other("mustNotBe", o.MustNotBe, n.MustNotBe)
	other("mustNotBeBetween", o.MustNotBeBetween, n.MustNotBeBetween)
	other("query", strings.TrimSpace(o.Query), strings.TrimSpace(n.Query))
	if len(o.Arguments)+len(n.Arguments) > 0 {
		other("arguments", withoutValidValues(o.Arguments), withoutValidValues(n.Arguments))
	}
	return out
}

func fnum(f float64) string { return show(f, true) }

// sameValue compares two rule values; unset and empty are the same.
func sameValue(a, b any) bool {
	if empty(a) && empty(b) {
		return true
	}
	return canon(a) == canon(b)
}

func empty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case []float64:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}

func withoutValidValues(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if k != "validValues" {
			out[k] = v
		}
	}
	return out
}

// relKey is a relationship as a comparable string.
func relKey(r *contract.Relationship, withFrom bool) string {
	k := strings.ToLower(r.Type) + " → " + strings.Join(r.To, ", ")
	if withFrom {
		k = strings.Join(r.From, ", ") + " " + k
	}
	return strings.TrimSpace(k)
}

// relationships reports a relationship whose target changed or that was
// removed (breaking), or one that was added (info).
func (d *differ) relationships(c Change, olds, news []contract.Relationship, withFrom bool, np path) {
	ok := make([]string, len(olds))
	for i := range olds {
		ok[i] = relKey(&olds[i], withFrom)
	}
	nk := make([]string, len(news))
	for i := range news {
		nk[i] = relKey(&news[i], withFrom)
	}
	gone, extra := setDiff(ok, nk), setDiff(nk, ok)
	if len(gone) == 0 && len(extra) == 0 {
		return
	}
	c.Field, c.Old, c.New = "relationships", strings.Join(gone, "; "), strings.Join(extra, "; ")
	at := np.with("relationships")
	if len(gone) > 0 {
		c.Message = "relationship target changed or removed"
		d.emit(RuleRelationshipChanged, c, at)
		return
	}
	c.Message = "relationship added"
	d.emit(RuleRelationshipAdded, c, at)
}
