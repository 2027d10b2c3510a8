package contract

import (
	"reflect"
	"strings"
	"testing"
)

// wideInvalid is wideContract(n) with mistakes in a few of its properties:
// a bad logicalType, an unknown key, a missing name, a wrong quality.
func wideInvalid(n int) []byte {
	s := string(wideContract(n))
	for _, r := range []struct{ old, new string }{
		{"- name: col_3\n        logicalType: string\n", "- name: col_3\n        logicalType: strin\n"},
		{"- name: col_7\n", "- name: col_7\n        colour: red\n"},
		{"- name: col_11\n", "- nome: col_11\n"},
		{"- name: col_13\n        logicalType: string\n", "- name: col_13\n        logicalType: array\n        items:\n          logicalType: strin\n"},
		{"Column 17 of the wide table, kept as delivered by the source system.\n        businessName: Column 17\n        classification: internal\n        tags: [wide, generated]\n        examples: [a17, b17]\n        quality:\n          - metric: nullValues\n            mustBeLessThan: 5",
			"Column 17 of the wide table, kept as delivered by the source system.\n        businessName: Column 17\n        classification: internal\n        tags: [wide, generated]\n        examples: [a17, b17]\n        quality:\n          - metric: nullValues\n            mustBeBetween: [5]"},
	} {
		s = strings.Replace(s, r.old, r.new, 1)
	}
	return []byte(s)
}

// pruneAgrees reports a document whose schema findings differ with and
// without pruning.
func pruneAgrees(t *testing.T, data []byte) {
	t.Helper()
	doc, _ := Parse("prune.yaml", data)
	if doc == nil {
		return
	}
	v, ok := schemaFor(doc.APIVersion)
	if !ok {
		return
	}
	pruned, full := doc.schemaFindingsPruned(v, doc.value, true), doc.schemaFindingsPruned(v, doc.value, false)
	SortFindings(pruned)
	SortFindings(full)
	if !reflect.DeepEqual(pruned, full) {
		t.Fatalf("pruned copy gives\n%v\nthe whole document\n%v", pruned, full)
	}
}

// TestPrunePrunes: on a wide contract with a few mistakes the full
// validator gets only the properties in error, and reports the same.
func TestPrunePrunes(t *testing.T) {
	t.Parallel()
	data := wideInvalid(40)
	pruneAgrees(t, data)
	doc, _ := Parse("wide.yaml", data)
	got, back := pruneValid(quickSchemaFor(SchemaV310), doc.value)
	if back == nil {
		t.Fatal("nothing was pruned")
	}
	props := got.(map[string]any)["schema"].([]any)[0].(map[string]any)["properties"].([]any)
	if len(props) != 5 {
		t.Errorf("the pruned copy keeps %d properties, want the 5 in error", len(props))
	}
	if loc := back.original([]string{"schema", "0", "properties", "2", "name"}); strings.Join(loc, "/") != "schema/0/properties/12/name" {
		t.Errorf("copy location 2 maps to %v, want the document's property 12 (col_11, after order_id)", loc)
	}
	fs := doc.schemaFindings(SchemaV310, doc.value)
	if len(fs) < 5 {
		t.Errorf("want a finding per mistake, got %v", fs)
	}
}

// FuzzPruneAgrees: the pruned copy's findings are the whole document's.
func FuzzPruneAgrees(f *testing.F) {
	addBadSeeds(f)
	for _, v := range []string{"v3.1.0", "v3.2.0", "v3.0.2", "v2.2.2"} {
		f.Add([]byte(strings.Replace(string(wideInvalid(20)), "v3.1.0", v, 1)))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		pruneAgrees(t, data)
	})
}
