package scaffold

import (
	"strings"
	"testing"
)

// FuzzHeader: any body round-trips through withHeader/ParseHeader, and any
// input parses without panicking.
func FuzzHeader(f *testing.F) {
	f.Add("select 1\n", "contract x v1")
	f.Add("", "dataeng-os generic tests (duckdb)")
	f.Fuzz(func(t *testing.T, body, label string) {
		label = strings.ReplaceAll(strings.ReplaceAll(label, "\n", " "), "; hash", ";hash")
		if label == "" {
			label = "x"
		}
		data := withHeader("f.sql", label, []byte(body))
		h, ok := ParseHeader(data)
		if !ok || h.Edited || h.Label != label {
			t.Fatalf("round trip: ok=%v edited=%v label=%q want %q", ok, h.Edited, h.Label, label)
		}
		ParseHeader([]byte(body))
	})
}

// FuzzNames: name helpers never panic, and snake gives identifiers.
func FuzzNames(f *testing.F) {
	for _, s := range []string{"UniqueID", "endereço", "../x", "varchar(18)", "decimal(10, 2)", "int[3]", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		parsePhysical(s)
		_ = checkName("x", s)
		out := snake(s)
		if out != "" && !isSimpleIdent(out) {
			t.Fatalf("snake(%q) = %q is not a simple identifier", s, out)
		}
		plural(out)
		_ = SafeRelPath(s)
	})
}

// FuzzYAMLScalar: every string survives the writer's quoting.
func FuzzYAMLScalar(f *testing.F) {
	for _, s := range []string{"yes", "1.0", "2024-01-01", "a: b", "-x", "{{ x }}", "é", "\t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := marshalYAML(map[string]any{"k": s})
		if err != nil {
			t.Fatal(err)
		}
		var got map[string]any
		if err := yamlUnmarshal(b, &got); err != nil {
			t.Fatalf("%q → %s: %v", s, b, err)
		}
		if v, ok := got["k"].(string); !ok || v != jinjaSafe(strings.ToValidUTF8(s, "\uFFFD")) {
			t.Fatalf("%q → %s → %#v", s, b, got["k"])
		}
	})
}
