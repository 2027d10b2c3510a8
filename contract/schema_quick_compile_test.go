package contract

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// The quick checker's compiler: it turns a decoded schema document into
// the checker graph. Only the generator (TestQuickGenerated, which writes
// schema_quick_v*_gen.go) and the agreement tests use it; the binary
// builds its checkers from the generated code and never decodes a schema
// to prove a contract valid.

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
