package guided

import (
	"fmt"
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/spec"
)

// FieldSpec is one field of guided mode's line format:
//
//	order_id: string, required, primary key, description=Order identifier
//	customer_email: string, pii, classification=restricted, masking=hash
//	status: string, required, values=created|paid|shipped
//	total_cents: integer, min=0, max=1000000
//
// values= lists the accepted values (an ODCS invalidValues rule, a dbt
// accepted_values test); min= and max= are inclusive bounds of a number,
// date, timestamp or time (logicalTypeOptions minimum/maximum, a range
// test); minLength= and maxLength= bound a string's length.
type FieldSpec struct {
	Name           string
	LogicalType    string
	PhysicalType   string
	Description    string
	Classification string
	Masking        string
	Required       bool
	Unique         bool
	PrimaryKey     bool
	PII            bool
	Critical       bool
	Values         []string     // accepted values (values=a|b|c)
	Min, Max       string       // inclusive bounds, as written (min=, max=)
	MinLength      string       // minLength= (a whole number), as written
	MaxLength      string       // maxLength=
	BusinessName   string       // the words the person used, when not the name (plain language)
	PIIKind        spec.PIIKind // the personal data the name suggests (plain language)
	Inferred       []string     // what was read from the name, not stated (spec.Column.Inferred)
}

var logicalTypes = map[string][2]string{ // alias → logical, physical
	"string": {"string", ""}, "text": {"string", "text"}, "varchar": {"string", "varchar"}, "char": {"string", "char"},
	"uuid": {"string", "uuid"}, "integer": {"integer", ""}, "int": {"integer", "integer"}, "bigint": {"integer", "bigint"},
	"smallint": {"integer", "smallint"}, "number": {"number", ""}, "decimal": {"number", "decimal"}, "numeric": {"number", "numeric"},
	"float": {"number", "double"}, "double": {"number", "double"}, "money": {"number", "decimal"}, "boolean": {"boolean", ""},
	"bool": {"boolean", "boolean"}, "date": {"date", ""}, "timestamp": {"timestamp", ""}, "datetime": {"timestamp", "timestamp"},
	"timestamptz": {"timestamp", "timestamptz"}, "time": {"time", ""}, "object": {"object", ""}, "array": {"array", ""},
	"json": {"object", "json"},
}

// ParseField reads one line of the field format. The description option
// takes the rest of the line, so it may contain commas.
func ParseField(line string) (FieldSpec, error) {
	var f FieldSpec
	line = strings.Trim(strings.TrimSpace(line), "`")
	for _, key := range []string{"description=", "desc=", "descrição=", "descricao="} {
		if i := indexFold(line, key); i >= 0 {
			f.Description = strings.Trim(strings.TrimSpace(line[i+len(key):]), `"'`)
			line = strings.TrimRight(strings.TrimSpace(line[:i]), ", ")
			break
		}
	}
	name, rest, ok := strings.Cut(line, ":")
	if !ok {
		name, rest, _ = strings.Cut(line, " ")
	}
	f.Name = strings.TrimSpace(name)
	if f.Name == "" || strings.ContainsAny(f.Name, " \t") {
		return f, fmt.Errorf("%q: start with the field name, then ':' (e.g. `order_id: string, required`)", line)
	}
	for i, opt := range splitOptions(rest) {
		opt = strings.TrimSpace(opt)
		if opt == "" {
			continue
		}
		if err := f.option(opt, i == 0); err != nil {
			return f, fmt.Errorf("%s: %w", f.Name, err)
		}
	}
	if f.LogicalType == "" {
		return f, fmt.Errorf("%s: no type (use string, integer, number, boolean, date, timestamp, time)", f.Name)
	}
	if err := f.checkBounds(); err != nil {
		return f, fmt.Errorf("%s: %w", f.Name, err)
	}
	return f, nil
}

func (f *FieldSpec) option(opt string, first bool) error {
	k, v, kv := strings.Cut(opt, "=")
	k = strings.ToLower(strings.TrimSpace(k))
	v = strings.Trim(strings.TrimSpace(v), `"'`)
	if kv {
		switch k {
		case "classification", "class", "classificação", "classificacao":
			f.Classification = strings.ToLower(v)
		case "masking", "mask", "mascaramento":
			f.Masking = strings.ToLower(v)
		case "physical", "physicaltype":
			f.PhysicalType = v
		case "type", "tipo":
			return f.setType(v)
		default:
			if ok, err := f.qualityOption(k, v); ok {
				return err
			}
			return fmt.Errorf("unknown option %q (use classification=, masking=, values=, min=, max=, description=, physical=)", k)
		}
		return nil
	}
	switch k {
	case "required", "not null", "obrigatório", "obrigatorio":
		f.Required = true
	case "unique", "único", "unico":
		f.Unique = true
	case "primary key", "pk", "key", "chave primária", "chave primaria", "chave":
		f.PrimaryKey, f.Required, f.Unique = true, true, true
	case "pii", "personal", "pessoal", "sensitive", "sensível", "sensivel":
		f.PII = true
	case "cde", "critical", "crítico", "critico":
		f.Critical = true
	case "nullable", "optional", "opcional":
		f.Required = false
	default:
		if _, ok := logicalTypes[strings.Fields(k)[0]]; ok || first {
			return f.setType(k)
		}
		return fmt.Errorf("unknown option %q", opt)
	}
	return nil
}

func (f *FieldSpec) setType(t string) error {
	t = strings.ToLower(strings.TrimSpace(t))
	base := t
	if i := strings.IndexAny(t, "( "); i > 0 {
		base = t[:i]
	}
	lt, ok := logicalTypes[base]
	if !ok {
		return fmt.Errorf("unknown type %q (use string, integer, number, boolean, date, timestamp, time)", t)
	}
	f.LogicalType = lt[0]
	if f.PhysicalType == "" {
		f.PhysicalType = lt[1]
		if base != t {
			f.PhysicalType = t
		}
	}
	return nil
}

// splitOptions splits at commas outside parentheses: decimal(12,2) stays
// one option.
func splitOptions(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

// indexFold is strings.Index ignoring case, with byte offsets of s itself
// (lower-casing s first can change its length).
func indexFold(s, key string) int {
	for i := 0; i+len(key) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(key)], key) {
			return i
		}
	}
	return -1
}
