package contract

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
)

// quickSchema is a boolean JSON Schema (2019-09) checker for the keywords
// the ODCS v3.1.0 schema uses. It only proves documents valid: when it says
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

var qtNames = map[string]uint8{"null": qtNull, "boolean": qtBool, "object": qtObject, "array": qtArray,
	"number": qtNumber, "integer": qtInteger, "string": qtString}

// quickIgnored are annotation keywords with no effect on validity (format
// is an annotation in 2019-09 unless assertions are switched on).
var quickIgnored = map[string]bool{"description": true, "title": true, "examples": true, "default": true,
	"deprecated": true, "$schema": true, "$defs": true, "$comment": true, "format": true, "readOnly": true, "writeOnly": true}

type quickCompiler struct {
	root any
	refs map[string]*quickSchema
}

// compileQuick builds the checker from a decoded schema document; it fails
// on any keyword it does not implement, so a new schema version cannot be
// judged by half a checker.
func compileQuick(doc any) (qs *quickSchema, err error) {
	defer func() {
		if r := recover(); r != nil {
			qs, err = nil, fmt.Errorf("quick schema: %v", r)
		}
	}()
	c := &quickCompiler{root: doc, refs: map[string]*quickSchema{}}
	return indexQuick(c.compile(doc)), nil
}

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

func (c *quickCompiler) compile(v any) *quickSchema {
	if b, ok := v.(bool); ok {
		return &quickSchema{isFalse: !b, minItems: -1, maxItems: -1}
	}
	m, ok := v.(map[string]any)
	if !ok {
		panic(fmt.Sprintf("schema is a %T", v))
	}
	s := &quickSchema{minItems: -1, maxItems: -1}
	for k, kv := range m {
		c.keyword(s, k, kv)
	}
	return s
}

func (c *quickCompiler) list(v any) []*quickSchema {
	var out []*quickSchema
	for _, e := range v.([]any) {
		out = append(out, c.compile(e))
	}
	return out
}

func (c *quickCompiler) keyword(s *quickSchema, k string, v any) {
	switch k {
	case "type":
		c.types(s, v)
	case "properties", "dependentSchemas":
		mp := map[string]*quickSchema{}
		for name, sub := range v.(map[string]any) {
			mp[name] = c.compile(sub)
		}
		if k == "properties" {
			s.props = mp
		} else {
			s.deps = mp
		}
	case "required":
		for _, r := range v.([]any) {
			s.required = append(s.required, r.(string))
		}
	case "additionalProperties":
		s.addl = c.compile(v)
	case "unevaluatedProperties":
		s.uneval = c.compile(v)
	case "items":
		s.items = c.compile(v)
	case "const":
		s.hasConst, s.constV = true, quickJSON(v)
	case "enum":
		for _, e := range v.([]any) {
			s.enum = append(s.enum, quickJSON(e))
		}
	case "allOf":
		s.allOf = c.list(v)
	case "anyOf":
		s.anyOf = c.list(v)
	case "oneOf":
		s.oneOf = c.list(v)
	case "not":
		s.not = c.compile(v)
	case "if":
		s.ifS = c.compile(v)
	case "then":
		s.thenS = c.compile(v)
	case "else":
		s.elseS = c.compile(v)
	case "$ref":
		s.ref = c.resolve(v.(string))
	case "minItems", "maxItems":
		n, ok := quickJSON(v).(int64)
		if !ok {
			panic(k + " is not an integer")
		}
		if k == "minItems" {
			s.minItems = int(n)
		} else {
			s.maxItems = int(n)
		}
	case "uniqueItems":
		s.uniqueItems = v.(bool)
	case "minimum", "exclusiveMinimum":
		f, sure := quickFloat(quickJSON(v))
		if !sure {
			panic(k + " is not a number")
		}
		if k == "minimum" {
			s.minimum = &f
		} else {
			s.exclMin = &f
		}
	case "pattern":
		s.pattern = regexp.MustCompile(v.(string))
	default:
		if !quickIgnored[k] {
			panic("unsupported keyword " + k)
		}
	}
}

func (c *quickCompiler) types(s *quickSchema, v any) {
	names, ok := v.([]any)
	if !ok {
		names = []any{v}
	}
	for _, n := range names {
		bit, ok := qtNames[n.(string)]
		if !ok {
			panic(fmt.Sprintf("unknown type %v", n))
		}
		s.types |= bit
	}
}

// resolve compiles a local reference (#/$defs/...) once; recursive
// references share the node.
func (c *quickCompiler) resolve(ref string) *quickSchema {
	if s, ok := c.refs[ref]; ok {
		return s
	}
	ptr, ok := strings.CutPrefix(ref, "#")
	if !ok {
		panic("non-local $ref " + ref)
	}
	v := c.root
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		if tok == "" {
			continue
		}
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		v = v.(map[string]any)[tok]
	}
	s := &quickSchema{minItems: -1, maxItems: -1}
	c.refs[ref] = s
	*s = *c.compile(v)
	return s
}

// quickJSON turns json.Number into int64 or float64.
func quickJSON(v any) any {
	n, ok := v.(json.Number)
	if !ok {
		return v
	}
	if i, err := n.Int64(); err == nil {
		return i
	}
	f, err := n.Float64()
	if err != nil {
		panic("bad number " + n.String())
	}
	return f
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
