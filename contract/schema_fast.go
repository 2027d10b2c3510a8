package contract

import (
	"math"
	"regexp"
	"slices"
	"strings"
)

// quickSchema is a boolean JSON Schema (2019-09) checker for the keywords
// the embedded ODCS schemas use (built by the generated quickV* functions). It only proves documents valid: when it says
// "valid and sure", the full validator would report no error, so the
// (expensive) error tree is skipped. Anything it cannot judge exactly (a
// number that needs big-number arithmetic, a comparison of objects, NaN)
// makes it unsure, and the caller runs the full validator, which alone
// builds findings. TestQuickSchemaAgrees compares both on every test input.
type quickSchema struct {
	isFalse     bool
	types       uint8 // bit set of qt*; 0 = any
	props       map[string]*quickSchema
	byLen       [][]quickProp // props by key length (see indexQuick); nil: use the map
	depList     []quickProp   // deps as a list (see indexQuick)
	required    []string
	addl        *quickSchema
	uneval      *quickSchema
	items       *quickSchema
	hasConst    bool
	constV      any
	enum        []any
	allOf       []*quickSchema
	anyOf       []*quickSchema
	oneOf       []*quickSchema
	not         *quickSchema
	ifS         *quickSchema
	thenS       *quickSchema
	elseS       *quickSchema
	deps        map[string]*quickSchema
	ref         *quickSchema
	minItems    int // -1 = none
	maxItems    int
	uniqueItems bool
	minimum     *float64
	exclMin     *float64
	pattern     *regexp.Regexp
}

const (
	qtNull uint8 = 1 << iota
	qtBool
	qtObject
	qtArray
	qtNumber
	qtInteger
	qtString
)

// quickProp is one entry of quickSchema.props.
type quickProp struct {
	name string
	s    *quickSchema
}

// indexQuick fills byLen and depList on every node of the graph rooted at
// root: the checker finds a key among a few of the same length instead of
// hashing it, and walks dependentSchemas without iterating a map.
func indexQuick(root *quickSchema) *quickSchema {
	seen := map[*quickSchema]bool{}
	var walk func(s *quickSchema)
	walk = func(s *quickSchema) {
		if s == nil || seen[s] {
			return
		}
		seen[s] = true
		if s.props != nil {
			longest := 0
			for k := range s.props {
				longest = max(longest, len(k))
			}
			s.byLen = make([][]quickProp, longest+1)
			for _, p := range sortedProps(s.props) {
				s.byLen[len(p.name)] = append(s.byLen[len(p.name)], p)
			}
		}
		if s.deps != nil {
			s.depList = sortedProps(s.deps)
		}
		for _, c := range []*quickSchema{s.addl, s.uneval, s.items, s.not, s.ifS, s.thenS, s.elseS, s.ref} {
			walk(c)
		}
		for _, m := range []map[string]*quickSchema{s.props, s.deps} {
			for _, c := range m {
				walk(c)
			}
		}
		for _, l := range [][]*quickSchema{s.allOf, s.anyOf, s.oneOf} {
			for _, c := range l {
				walk(c)
			}
		}
	}
	walk(root)
	return root
}

func sortedProps(m map[string]*quickSchema) []quickProp {
	l := make([]quickProp, 0, len(m))
	for k, p := range m {
		l = append(l, quickProp{k, p})
	}
	slices.SortFunc(l, func(a, b quickProp) int { return strings.Compare(a.name, b.name) })
	return l
}

// prop returns the subschema of properties[k], or nil.
func (s *quickSchema) prop(k string) *quickSchema {
	if s.byLen == nil {
		return s.props[k]
	}
	if len(k) < len(s.byLen) {
		for _, p := range s.byLen[len(k)] {
			if p.name == k {
				return p.s
			}
		}
	}
	return nil
}

// quickFloat converts a number exactly (int64 beyond 2^53 is not exact).
func quickFloat(v any) (float64, bool) {
	switch n := v.(type) {
	case int64:
		return float64(n), n <= 1<<53 && n >= -(1<<53)
	case float64:
		return n, !math.IsNaN(n) && !math.IsInf(n, 0)
	}
	return 0, false
}

// quickFloatPtr is a generated checker's bound.
func quickFloatPtr(f float64) *float64 { return &f }
