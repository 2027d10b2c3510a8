package diff

import (
	"math"
	"strconv"
	"strings"
)

// typeDelta is how a physicalType changed.
type typeDelta int

const (
	typeSame typeDelta = iota
	typeWidened
	typeNarrowed
	typeChanged
)

// ptype is a parsed physical type: a base and its numeric arguments.
// args is nil when none were given; an argument that is not a number
// (varchar(max)) counts as unbounded.
type ptype struct {
	base string
	args []float64
}

func parseType(s string) ptype {
	s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
	open := strings.IndexByte(s, '(')
	if open < 0 {
		return ptype{base: s}
	}
	t := ptype{base: strings.TrimSpace(s[:open]), args: []float64{}}
	inner := s[open+1:]
	if end := strings.IndexByte(inner, ')'); end >= 0 {
		inner = inner[:end]
	}
	for _, a := range strings.Split(inner, ",") {
		v, err := strconv.ParseFloat(strings.TrimSpace(a), 64)
		if err != nil || v != v {
			v = math.Inf(1)
		}
		t.args = append(t.args, v)
	}
	return t
}

// family groups bases that differ only in size.
func family(base string) string {
	switch base {
	case "varchar", "character varying", "nvarchar", "varchar2", "nvarchar2", "char", "character", "nchar", "bpchar", "string", "text", "clob":
		return "string"
	case "decimal", "numeric", "number", "dec", "bignumeric", "bigdecimal":
		return "decimal"
	case "tinyint", "int1", "byteint", "smallint", "int2", "mediumint", "int", "integer", "int4", "int32", "bigint", "int8", "int64", "long", "hugeint", "int128", "serial", "bigserial", "smallserial":
		return "integer"
	case "real", "float4", "float32", "float", "double", "double precision", "float8", "float64":
		return "float"
	}
	return base
}

// intBytes is the storage width of an integer base.
func intBytes(base string) float64 {
	switch base {
	case "tinyint", "int1", "byteint":
		return 1
	case "smallint", "int2", "smallserial":
		return 2
	case "mediumint":
		return 3
	case "int", "integer", "int4", "int32", "serial":
		return 4
	case "hugeint", "int128":
		return 16
	}
	return 8
}

func floatBytes(base string) float64 {
	if base == "real" || base == "float4" || base == "float32" {
		return 4
	}
	return 8
}

// compareTypes says how physicalType old became new. An unset type on
// either side is a widening (nothing is promised).
func compareTypes(old, new string) typeDelta {
	o, n := parseType(old), parseType(new)
	if o.base == n.base && argsText(o) == argsText(n) {
		return typeSame
	}
	if o.base == "" || n.base == "" {
		return typeWidened
	}
	fo, fn := family(o.base), family(n.base)
	switch {
	case fo == "integer" && fn == "integer":
		return bySize(intBytes(o.base), intBytes(n.base))
	case fo == "float" && fn == "float":
		return bySize(floatBytes(o.base), floatBytes(n.base))
	case fo == "integer" && (fn == "decimal" || fn == "float"):
		if fn == "decimal" && len(n.args) > 0 && intDigits(n) < intBytes(o.base)*2.41 {
			return typeNarrowed
		}
		return typeWidened
	case fo == "string" && fn == "string":
		return bySize(strLen(o), strLen(n))
	case fo == "decimal" && fn == "decimal":
		return decimalDelta(o, n)
	case fo == fn && o.base == n.base:
		return argsDelta(o.args, n.args)
	}
	return typeChanged
}

func argsText(t ptype) string {
	if t.args == nil {
		return ""
	}
	parts := make([]string, len(t.args))
	for i, a := range t.args {
		parts[i] = strconv.FormatFloat(a, 'g', -1, 64)
	}
	return "(" + strings.Join(parts, ",") + ")"
}

func bySize(o, n float64) typeDelta {
	switch {
	case n < o:
		return typeNarrowed
	case n > o:
		return typeWidened
	}
	return typeSame
}

// strLen is a string type's maximum length (+Inf when unbounded; char
// without a length is one character, as in SQL).
func strLen(t ptype) float64 {
	if len(t.args) > 0 {
		return t.args[0]
	}
	switch t.base {
	case "char", "character", "nchar", "bpchar":
		return 1
	}
	return math.Inf(1)
}

// intDigits is the number of digits left of the point of a decimal type.
func intDigits(t ptype) float64 {
	if len(t.args) == 0 {
		return math.Inf(1)
	}
	return t.args[0] - scale(t)
}

func scale(t ptype) float64 {
	if len(t.args) > 1 {
		return t.args[1]
	}
	return 0
}

// decimalDelta: fewer integer digits or a smaller scale is narrower.
func decimalDelta(o, n ptype) typeDelta {
	di, ds := bySize(intDigits(o), intDigits(n)), bySize(scale(o), scale(n))
	switch {
	case di == typeNarrowed || ds == typeNarrowed:
		return typeNarrowed
	case di == typeWidened || ds == typeWidened:
		return typeWidened
	}
	return typeSame
}

// argsDelta compares the arguments of an otherwise equal type
// (timestamp(6) → timestamp(3)): any smaller argument narrows.
func argsDelta(o, n []float64) typeDelta {
	if len(o) != len(n) {
		return typeChanged
	}
	out := typeSame
	for i := range o {
		switch bySize(o[i], n[i]) {
		case typeNarrowed:
			return typeNarrowed
		case typeWidened:
			out = typeWidened
		}
	}
	return out
}
