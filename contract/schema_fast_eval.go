package contract

import (
	"math"
	"slices"
	"sync"
)

// quickRun is one evaluation: unsure is set when the checker meets a value
// it cannot judge exactly; ev holds, per nesting depth, the object keys
// evaluated so far (for unevaluatedProperties); kv holds, per depth, the
// entries of the object being validated there (valid while kvOK), so
// that the several schemas that apply to one object iterate it once.
type quickRun struct {
	unsure bool
	ev     [][]string
	kv     [][]quickKV
	kvOK   []bool
}

type quickKV struct {
	k string
	v any
}

var quickRuns = sync.Pool{New: func() any { return &quickRun{} }}

// quickValid reports whether value is valid under s, and whether that
// answer is sure.
func quickValid(s *quickSchema, value any) (valid, sure bool) {
	r := quickRuns.Get().(*quickRun)
	r.unsure = false
	r.evAt(0)
	r.kvOK[0] = false
	valid = r.valid(s, value, 0)
	sure = !r.unsure
	for i := range r.ev {
		r.ev[i] = r.ev[i][:0]
		clear(r.kv[i]) // keep no values of this document in the pool
		r.kv[i] = r.kv[i][:0]
	}
	quickRuns.Put(r)
	return valid, sure
}

func (r *quickRun) evAt(depth int) []string {
	for len(r.ev) <= depth {
		r.ev = append(r.ev, make([]string, 0, 32))
		r.kv = append(r.kv, nil)
		r.kvOK = append(r.kvOK, false)
	}
	return r.ev[depth]
}

// child validates a nested instance with its own evaluated-key set. Every
// valid call at depth+1 until it returns is on v.
func (r *quickRun) child(s *quickSchema, v any, depth int) bool {
	r.evAt(depth + 1)
	r.kvOK[depth+1] = false
	mark := len(r.ev[depth+1])
	ok := r.valid(s, v, depth+1)
	r.ev[depth+1] = r.ev[depth+1][:mark]
	return ok
}

// entries returns the entries of m, the object validated at depth.
func (r *quickRun) entries(m map[string]any, depth int) []quickKV {
	if !r.kvOK[depth] {
		kv := r.kv[depth][:0]
		for k, v := range m {
			kv = append(kv, quickKV{k, v})
		}
		r.kv[depth], r.kvOK[depth] = kv, true
	}
	return r.kv[depth]
}

// try validates a subschema whose annotations count only if it passes.
func (r *quickRun) try(s *quickSchema, v any, depth int) bool {
	mark := len(r.evAt(depth))
	ok := r.valid(s, v, depth)
	if !ok {
		r.ev[depth] = r.ev[depth][:mark]
	}
	return ok
}

func (r *quickRun) valid(s *quickSchema, v any, depth int) bool {
	if s.isFalse {
		return false
	}
	if depth > 2*MaxDepth+50 {
		r.unsure = true
		return false
	}
	mark := len(r.evAt(depth))
	if s.types != 0 && !r.typeOK(s.types, v) {
		return false
	}
	if !r.constEnum(s, v) {
		return false
	}
	switch x := v.(type) {
	case string:
		if s.pattern != nil && !s.pattern.MatchString(x) {
			return false
		}
	case int64, float64:
		if !r.number(s, x) {
			return false
		}
	case []any:
		if !r.array(s, x, depth) {
			return false
		}
	case map[string]any:
		if !r.object(s, x, depth) {
			return false
		}
	}
	if !r.applicators(s, v, depth) {
		return false
	}
	if s.uneval != nil {
		if m, ok := v.(map[string]any); ok {
			return r.unevaluated(s.uneval, m, depth, mark)
		}
	}
	return true
}

func (r *quickRun) applicators(s *quickSchema, v any, depth int) bool {
	if s.ref != nil && !r.valid(s.ref, v, depth) {
		return false
	}
	for _, a := range s.allOf {
		if !r.valid(a, v, depth) {
			return false
		}
	}
	if len(s.anyOf) > 0 {
		passed := false
		for _, a := range s.anyOf { // every passing branch annotates
			passed = r.try(a, v, depth) || passed
		}
		if !passed {
			return false
		}
	}
	if len(s.oneOf) > 0 {
		n := 0
		for _, a := range s.oneOf {
			if r.try(a, v, depth) {
				n++
			}
		}
		if n != 1 {
			return false
		}
	}
	if s.not != nil {
		mark := len(r.ev[depth])
		passed := r.valid(s.not, v, depth)
		r.ev[depth] = r.ev[depth][:mark] // annotations of `not` never count
		if passed {
			return false
		}
	}
	if s.ifS != nil {
		if r.try(s.ifS, v, depth) {
			if s.thenS != nil && !r.valid(s.thenS, v, depth) {
				return false
			}
		} else if s.elseS != nil && !r.valid(s.elseS, v, depth) {
			return false
		}
	}
	if m, ok := v.(map[string]any); ok && s.deps != nil {
		if s.depList == nil {
			for k, d := range s.deps {
				if _, present := m[k]; present && !r.valid(d, v, depth) {
					return false
				}
			}
		}
		for _, d := range s.depList {
			if _, present := m[d.name]; present && !r.valid(d.s, v, depth) {
				return false
			}
		}
	}
	return true
}

func (r *quickRun) typeOK(types uint8, v any) bool {
	var bit uint8
	switch x := v.(type) {
	case nil:
		bit = qtNull
	case bool:
		bit = qtBool
	case string:
		bit = qtString
	case map[string]any:
		bit = qtObject
	case []any:
		bit = qtArray
	case int64:
		bit = qtNumber | qtInteger
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) >= 1<<52 { // decimal rounding territory
			r.unsure = true
			return false
		}
		bit = qtNumber
		if x == math.Trunc(x) {
			bit |= qtInteger
		}
	default:
		r.unsure = true
		return false
	}
	return types&bit != 0
}

func (r *quickRun) constEnum(s *quickSchema, v any) bool {
	if s.hasConst && !r.equal(s.constV, v) {
		return false
	}
	if s.enum != nil {
		for _, e := range s.enum {
			if r.equal(e, v) {
				return true
			}
		}
		return false
	}
	return true
}

// equal compares JSON scalars; anything else makes the run unsure.
func (r *quickRun) equal(a, b any) bool {
	switch x := a.(type) {
	case string:
		y, ok := b.(string)
		if !ok {
			r.scalarOrUnsure(b)
		}
		return ok && x == y
	case bool:
		y, ok := b.(bool)
		if !ok {
			r.scalarOrUnsure(b)
		}
		return ok && x == y
	case nil:
		if b != nil {
			r.scalarOrUnsure(b)
		}
		return b == nil
	}
	fa, oka := quickFloat(a)
	fb, okb := quickFloat(b)
	if oka && okb {
		return fa == fb
	}
	if _, isNum := b.(int64); !isNum {
		if _, isF := b.(float64); !isF {
			r.scalarOrUnsure(b)
			return false
		}
	}
	r.unsure = true
	return false
}

// scalarOrUnsure marks the run unsure when b is a value whose comparison
// with another type is not simply false (numbers compare across types).
func (r *quickRun) scalarOrUnsure(b any) {
	switch b.(type) {
	case string, bool, nil, int64:
		return
	case float64:
		if _, ok := quickFloat(b); ok {
			return
		}
	}
	r.unsure = true
}

func (r *quickRun) number(s *quickSchema, v any) bool {
	if s.minimum == nil && s.exclMin == nil {
		return true
	}
	f, ok := quickFloat(v)
	if !ok {
		r.unsure = true
		return false
	}
	if s.minimum != nil && f < *s.minimum {
		return false
	}
	return s.exclMin == nil || f > *s.exclMin
}

func (r *quickRun) array(s *quickSchema, a []any, depth int) bool {
	if s.minItems >= 0 && len(a) < s.minItems || s.maxItems >= 0 && len(a) > s.maxItems {
		return false
	}
	if s.uniqueItems && !r.unique(a) {
		return false
	}
	if s.items != nil {
		for _, e := range a {
			if !r.child(s.items, e, depth) {
				return false
			}
		}
	}
	return true
}

func (r *quickRun) unique(a []any) bool {
	for i := range a {
		for j := i + 1; j < len(a); j++ {
			switch a[i].(type) {
			case map[string]any, []any:
				r.unsure = true
				return false
			}
			if r.equal(a[i], a[j]) {
				return false
			}
		}
	}
	return true
}

func (r *quickRun) object(s *quickSchema, m map[string]any, depth int) bool {
	for _, k := range s.required {
		if _, ok := m[k]; !ok {
			return false
		}
	}
	if s.props == nil && s.addl == nil {
		return true
	}
	if s.addl == nil && s.byLen != nil && (len(s.props) <= len(m) || len(m) > 8 && len(s.props) <= 2*len(m)) {
		for _, b := range s.byLen {
			for _, p := range b {
				if v, ok := m[p.name]; ok {
					if !r.child(p.s, v, depth) {
						return false
					}
					r.ev[depth] = append(r.ev[depth], p.name)
				}
			}
		}
		return true
	}
	for _, e := range r.entries(m, depth) {
		if p := s.prop(e.k); p != nil {
			if !r.child(p, e.v, depth) {
				return false
			}
			r.ev[depth] = append(r.ev[depth], e.k)
		} else if s.addl != nil {
			if !r.child(s.addl, e.v, depth) {
				return false
			}
			r.ev[depth] = append(r.ev[depth], e.k)
		}
	}
	return true
}

// unevaluated checks the keys no keyword of this schema (from mark on)
// evaluated.
func (r *quickRun) unevaluated(u *quickSchema, m map[string]any, depth, mark int) bool {
	seen := r.ev[depth][mark:]
	if u.isFalse {
		// Every key in seen is a key of m (only m's keys are recorded at
		// this depth from mark on), so m has no unevaluated key exactly
		// when seen holds len(m) distinct keys; then nothing is added.
		if len(seen) < len(m) {
			return false
		}
		n := 0
		for i, k := range seen {
			if !slices.Contains(seen[:i], k) {
				n++
			}
		}
		return n == len(m)
	}
	// seen keeps its length while keys are appended below, so one pass both
	// checks and records the keys (on failure the caller drops them).
	for _, e := range r.entries(m, depth) {
		if slices.Contains(seen, e.k) {
			continue
		}
		if !r.child(u, e.v, depth) {
			return false
		}
		r.ev[depth] = append(r.ev[depth], e.k)
	}
	return true
}
