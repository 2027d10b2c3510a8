package scaffold

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// A small block-style YAML writer for the property files. It is much
// cheaper than a general encoder (scaffolding a thousand contracts is
// dominated by YAML output otherwise) and writes exactly what dbt reads:
// structs in field order (yaml tags, omitempty), maps with sorted keys,
// 2-space indents, sequences indented under their key, and scalars quoted
// whenever a YAML 1.1 or 1.2 reader could take them for anything but a
// string.

// marshalYAML encodes v (a struct, map or slice) as a YAML document.
func marshalYAML(v any) ([]byte, error) {
	var b bytes.Buffer
	if err := encodeYAML(&b, v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// encodeYAML appends the YAML document for v to b.
func encodeYAML(b *bytes.Buffer, v any) error {
	if err := writeBlock(b, reflect.ValueOf(v), 0); err != nil {
		return fmt.Errorf("encode yaml: %w", err)
	}
	return nil
}

func indirect(v reflect.Value) reflect.Value {
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) {
		if v.IsNil() {
			return reflect.Value{}
		}
		v = v.Elem()
	}
	return v
}

// entry is one key of a mapping, in output order.
type entry struct {
	key string
	val reflect.Value
}

// entries lists a struct's or map's keys; ok is false for other kinds.
func entries(v reflect.Value) ([]entry, bool) {
	switch v.Kind() {
	case reflect.Struct:
		fields := structFields(v.Type())
		out := make([]entry, 0, len(fields))
		for _, f := range fields {
			fv := v.Field(f.index)
			if f.omit && isEmpty(fv) {
				continue
			}
			out = append(out, entry{f.name, fv})
		}
		return out, true
	case reflect.Map:
		out := make([]entry, 0, v.Len())
		for it := v.MapRange(); it.Next(); {
			out = append(out, entry{it.Key().String(), it.Value()})
		}
		sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
		return out, true
	}
	return nil, false
}

// fieldInfo is a struct field's YAML name, cached per type.
type fieldInfo struct {
	index int
	name  string
	omit  bool
}

var fieldCache sync.Map // reflect.Type → []fieldInfo

func structFields(t reflect.Type) []fieldInfo {
	if f, ok := fieldCache.Load(t); ok {
		return f.([]fieldInfo)
	}
	var fields []fieldInfo
	for i := 0; i < t.NumField(); i++ {
		if name, omit := fieldName(t.Field(i)); name != "" {
			fields = append(fields, fieldInfo{i, name, omit})
		}
	}
	fieldCache.Store(t, fields)
	return fields
}

func fieldName(f reflect.StructField) (string, bool) {
	tag := f.Tag.Get("yaml")
	if tag == "-" || !f.IsExported() {
		return "", false
	}
	name, opts, _ := strings.Cut(tag, ",")
	if name == "" {
		name = strings.ToLower(f.Name)
	}
	return name, strings.Contains(opts, "omitempty")
}

func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		return v.IsNil()
	case reflect.Slice, reflect.Map, reflect.String, reflect.Array:
		return v.Len() == 0
	}
	return v.IsZero()
}

// writeBlock writes a mapping or sequence at the given indent.
func writeBlock(b *bytes.Buffer, v reflect.Value, ind int) error {
	v = indirect(v)
	if es, ok := entries(v); ok {
		for _, e := range es {
			if err := writeKeyValue(b, e, ind); err != nil {
				return err
			}
		}
		return nil
	}
	if v.Kind() == reflect.Slice || v.Kind() == reflect.Array {
		for i := 0; i < v.Len(); i++ {
			if err := writeItem(b, v.Index(i), ind); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("cannot write %s as a block", v.Kind())
}

func writeKeyValue(b *bytes.Buffer, e entry, ind int) error {
	writeIndent(b, ind)
	b.WriteString(scalarString(e.key))
	b.WriteByte(':')
	v := indirect(e.val)
	if isCollection(v) {
		if collLen(v) == 0 {
			b.WriteString(emptyCollection(v))
			b.WriteByte('\n')
			return nil
		}
		b.WriteByte('\n')
		return writeBlock(b, v, ind+2)
	}
	b.WriteByte(' ')
	if err := writeScalar(b, v); err != nil {
		return fmt.Errorf("%s: %w", e.key, err)
	}
	b.WriteByte('\n')
	return nil
}

// writeItem writes "- item": a nested block starts on the dash's line.
func writeItem(b *bytes.Buffer, v reflect.Value, ind int) error {
	v = indirect(v)
	if !isCollection(v) || collLen(v) == 0 {
		writeIndent(b, ind)
		b.WriteString("- ")
		if isCollection(v) {
			b.WriteString(emptyCollection(v))
		} else if err := writeScalar(b, v); err != nil {
			return err
		}
		b.WriteByte('\n')
		return nil
	}
	start := b.Len()
	if err := writeBlock(b, v, ind+2); err != nil {
		return err
	}
	// Replace the first line's indent with "<indent>- ".
	buf := b.Bytes()
	copy(buf[start+ind:start+ind+2], "- ")
	return nil
}

// collLen is the number of entries or items of a collection.
func collLen(v reflect.Value) int {
	if v.Kind() != reflect.Struct {
		return v.Len()
	}
	n := 0
	for _, f := range structFields(v.Type()) {
		if !(f.omit && isEmpty(v.Field(f.index))) {
			n++
		}
	}
	return n
}

func isCollection(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Map, reflect.Slice, reflect.Array:
		return true
	case reflect.Struct:
		return true
	}
	return false
}

func emptyCollection(v reflect.Value) string {
	if v.Kind() == reflect.Slice || v.Kind() == reflect.Array {
		return " []"
	}
	return " {}"
}

func writeIndent(b *bytes.Buffer, n int) {
	for i := 0; i < n; i++ {
		b.WriteByte(' ')
	}
}

func writeScalar(b *bytes.Buffer, v reflect.Value) error {
	if !v.IsValid() {
		b.WriteString("null")
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		b.WriteString(scalarString(v.String()))
	case reflect.Bool:
		b.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		b.WriteString(strconv.FormatUint(v.Uint(), 10))
	case reflect.Float32, reflect.Float64:
		b.WriteString(strconv.FormatFloat(v.Float(), 'g', -1, 64))
	default:
		return fmt.Errorf("cannot write %s as a scalar", v.Kind())
	}
	return nil
}

// scalarString writes s plain when that is unambiguous, else double-quoted.
// Invalid UTF-8 (never produced by a YAML parser) becomes U+FFFD. Jinja
// delimiters are broken up, since dbt renders Jinja in property files: a
// contract's text must not run as code.
func scalarString(s string) string {
	s = jinjaSafe(s)
	if plainSafe(s) {
		return s
	}
	return strconv.Quote(strings.ToValidUTF8(s, "\uFFFD"))
}

var yamlSpecial = map[string]bool{
	"true": true, "false": true, "yes": true, "no": true, "on": true, "off": true, "y": true, "n": true,
	"null": true, "~": true, ".inf": true, "-.inf": true, "+.inf": true, ".nan": true, "<<": true,
}

func plainSafe(s string) bool {
	if s == "" || !utf8.ValidString(s) || (len(s) <= 5 && yamlSpecial[strings.ToLower(s)]) {
		return false
	}
	if strings.ContainsRune("-?:,[]{}#&*!|>'\"%@` ", rune(s[0])) || s[len(s)-1] == ' ' || s[len(s)-1] == ':' {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == 0xfeff || (r >= 0x80 && r < 0xa0) {
			return false
		}
	}
	return !numberLike(s)
}

// numberLike is true for anything a YAML 1.1 or 1.2 reader might resolve
// to a number, date or time (1.5, 0x1f, 1_000, 2024-01-01, 12:30).
func numberLike(s string) bool {
	c := s[0]
	if !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.' {
		return false
	}
	t := strings.ReplaceAll(s, "_", "")
	if _, err := strconv.ParseFloat(t, 64); err == nil {
		return true
	}
	if _, err := strconv.ParseInt(t, 0, 64); err == nil {
		return true
	}
	if dateRE.MatchString(s) {
		return true
	}
	return strings.Trim(s, "+-0123456789:.") == "" && strings.Contains(s, ":")
}

var dateRE = regexp.MustCompile(`^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}`)

var jinjaOpeners = strings.NewReplacer("{{", "{ {", "{%", "{ %", "{#", "{ #")

// jinjaSafe breaks up Jinja openers ("{{", "{%", "{#").
func jinjaSafe(s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	return jinjaOpeners.Replace(s)
}
