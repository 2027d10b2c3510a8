package contract

import (
	"fmt"
	"strconv"
	"sync"
)

// typed builds the typed Contract from the JSON-like value tree (no
// reflection, and timestamps stay the strings they were written as). A
// value of the wrong type is left zero and recorded as a yaml-type finding
// at its line; keys the model does not name go to Extra unchanged.
type typed struct {
	doc  *Document
	bufs *parseBuffers // where property lists come from (nil: fresh memory)
	errs []Finding
	path []string
}

func (t *typed) push(tok string) { t.path = append(t.path, tok) }
func (t *typed) pop()            { t.path = t.path[:len(t.path)-1] }

func (t *typed) bad(key string, v any, want string) {
	t.push(key)
	f := t.doc.at(RuleYAMLType, SeverityError, fmt.Sprintf("%s must be %s, not %s", key, want, jsonType(v)),
		"give the field a value of the type ODCS expects", t.path...)
	t.pop()
	t.errs = append(t.errs, f)
}

func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case int64, float64:
		return "a number"
	case []any:
		return "a list"
	case map[string]any:
		return "a mapping"
	}
	return fmt.Sprintf("%T", v)
}

// fields walks m, calling set for known keys; the rest go to extra.
func (t *typed) fields(m map[string]any, set func(k string, v any) bool) map[string]any {
	var extra map[string]any
	for k, v := range m {
		if !set(k, v) {
			if extra == nil {
				extra = map[string]any{}
			}
			extra[k] = v
		}
	}
	return extra
}

func (t *typed) str(k string, v any, dst *string) bool {
	switch x := v.(type) {
	case string:
		*dst = x
	case nil:
	case int64, float64, bool:
		*dst = scalarString(x) // YAML reads `version: 1.0` as a number
	default:
		t.bad(k, v, "a string")
	}
	return true
}

func scalarString(v any) string {
	switch x := v.(type) {
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	return fmt.Sprint(v)
}

func (t *typed) boolean(k string, v any, dst *bool) bool {
	switch x := v.(type) {
	case bool:
		*dst = x
	case nil:
	default:
		t.bad(k, v, "true or false")
	}
	return true
}

func (t *typed) integer(k string, v any, dst *int) bool {
	switch x := v.(type) {
	case int64:
		*dst = int(x)
	case float64:
		if x == float64(int(x)) {
			*dst = int(x)
		} else {
			t.bad(k, v, "an integer")
		}
	case nil:
	default:
		t.bad(k, v, "an integer")
	}
	return true
}

func (t *typed) number(k string, v any, dst **float64) bool {
	if f, ok := toFloat(v); ok {
		*dst = &f
	} else if v != nil {
		t.bad(k, v, "a number")
	}
	return true
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

func (t *typed) numbers(k string, v any, dst *[]float64) bool {
	list, ok := v.([]any)
	if !ok {
		if v != nil {
			t.bad(k, v, "a list of numbers")
		}
		return true
	}
	out := make([]float64, 0, len(list))
	for _, e := range list {
		f, ok := toFloat(e)
		if !ok {
			t.bad(k, v, "a list of numbers")
			return true
		}
		out = append(out, f)
	}
	*dst = out
	return true
}

func (t *typed) strs(k string, v any, dst *[]string) bool {
	list, ok := v.([]any)
	if !ok {
		if v != nil {
			t.bad(k, v, "a list of strings")
		}
		return true
	}
	out := make([]string, 0, len(list))
	for _, e := range list {
		switch x := e.(type) {
		case string:
			out = append(out, x)
		case int64, float64, bool:
			out = append(out, scalarString(x))
		default:
			t.bad(k, v, "a list of strings")
			return true
		}
	}
	*dst = out
	return true
}

func (t *typed) object(k string, v any, dst *map[string]any) bool {
	switch x := v.(type) {
	case map[string]any:
		*dst = x
	case nil:
	default:
		t.bad(k, v, "a mapping")
	}
	return true
}

// list calls each for every element of a list value, with the path set.
func (t *typed) list(k string, v any, each func(i int, m map[string]any)) bool {
	l, ok := v.([]any)
	if !ok {
		if v != nil {
			t.bad(k, v, "a list")
		}
		return true
	}
	t.push(k)
	for i, e := range l {
		m, ok := e.(map[string]any)
		if !ok {
			t.bad(strconv.Itoa(i), e, "a mapping")
			continue
		}
		t.push(indexToken(i))
		each(i, m)
		t.pop()
	}
	t.pop()
	return true
}

// indexToken is strconv.Itoa(i) for a list index; indexes up to 999 come
// from a table built once (Itoa allocates from 100 on), as a large
// contract's property lists go that far.
func indexToken(i int) string {
	if i < 100 || i >= 1000 {
		return strconv.Itoa(i)
	}
	return indexTokens()[i-100]
}

var indexTokens = sync.OnceValue(func() []string {
	t := make([]string, 900)
	for i := range t {
		t[i] = strconv.Itoa(i + 100)
	}
	return t
})

// mapping calls fn with the value when it is a mapping, with the path set.
func (t *typed) mapping(k string, v any, fn func(m map[string]any)) bool {
	m, ok := v.(map[string]any)
	if !ok {
		if v != nil {
			t.bad(k, v, "a mapping")
		}
		return true
	}
	t.push(k)
	fn(m)
	t.pop()
	return true
}

func (t *typed) refs(k string, v any, dst *RefList) bool {
	if s, ok := v.(string); ok {
		*dst = RefList{s}
		return true
	}
	var s []string
	t.strs(k, v, &s)
	*dst = s
	return true
}

func (t *typed) customs(k string, v any, dst *[]CustomProperty) bool {
	return t.list(k, v, func(_ int, m map[string]any) {
		var cp CustomProperty
		t.fields(m, func(k string, v any) bool {
			switch k {
			case "id":
				return t.str(k, v, &cp.ID)
			case "property":
				return t.str(k, v, &cp.Property)
			case "value":
				cp.Value = v
				return true
			case "description":
				return t.str(k, v, &cp.Description)
			}
			return true // CustomProperty keeps no extra keys
		})
		*dst = append(*dst, cp)
	})
}

func (t *typed) authDefs(k string, v any, dst *[]AuthDefinition) bool {
	return t.list(k, v, func(_ int, m map[string]any) {
		var a AuthDefinition
		t.fields(m, func(k string, v any) bool {
			switch k {
			case "id":
				return t.str(k, v, &a.ID)
			case "url":
				return t.str(k, v, &a.URL)
			case "type":
				return t.str(k, v, &a.Type)
			case "description":
				return t.str(k, v, &a.Description)
			}
			return true
		})
		*dst = append(*dst, a)
	})
}
