package contract

import (
	"bytes"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// wideContract is a valid contract of n properties shaped like the
// official examples' (about 330 bytes each), as bench/peers.sh's large
// corpus is.
func wideContract(n int) []byte {
	var b bytes.Buffer
	b.WriteString(header + "domain: sales\nteam:\n  name: checkout\n  members:\n    - username: ana\n      role: owner\n" +
		"description:\n  purpose: Orders placed in the shop.\nschema:\n  - name: orders\n    physicalType: table\n" +
		"    description: One row per order.\n    properties:\n" +
		"      - name: order_id\n        logicalType: integer\n        primaryKey: true\n        description: Order id.\n")
	for i := range n {
		fmt.Fprintf(&b, "      - name: col_%d\n        logicalType: string\n        physicalType: varchar(255)\n"+
			"        required: false\n        description: Column %d of the wide table, kept as delivered by the source system.\n"+
			"        businessName: Column %d\n        classification: internal\n        tags: [wide, generated]\n"+
			"        examples: [a%d, b%d]\n        quality:\n          - metric: nullValues\n            mustBeLessThan: 5\n"+
			"            unit: percent\n", i, i, i, i, i)
	}
	return b.Bytes()
}

// TestLintMemory bounds what Lint allocates for one large valid contract
// (issue 20: RSS ≤ 15× the file): the value view is built straight from
// the text, with no node tree, so the total stays under 10× the input.
// Check, which keeps the tree for its caller, allocates over twice that.
func TestLintMemory(t *testing.T) {
	data := wideContract(5000)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fs, _, _ := Lint("wide.odcs.yaml", data, DefaultRules())
	runtime.ReadMemStats(&after)
	if len(fs) > 0 {
		t.Fatalf("the wide contract has findings: %v", fs)
	}
	if ratio := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(data)); ratio > 10 {
		t.Errorf("Lint of a %d-byte contract allocated %.1f× its size, want ≤ 10×", len(data), ratio)
	}
}

// TestLintPositionsMatchCheck: findings of a document Lint parsed without
// a tree get their positions from a second pass (lint_positions.go); they
// are Check's, wherever the finding points (a key, a list item, a flow
// list element, a path that runs out, the root).
func TestLintPositionsMatchCheck(t *testing.T) {
	t.Parallel()
	wide := string(wideContract(30))
	for name, data := range map[string]string{
		"mistakes":     string(wideInvalid(30)),
		"unknown keys": strings.ReplaceAll(wide, "        description: Column", "        descriptio: Column"),
		"flow item":    strings.Replace(wide, "tags: [wide, generated]", "tags: [wide, 5]", 1),
		"block item":   strings.Replace(wide, "        tags: [wide, generated]\n", "        tags:\n          - ok\n          - 7\n", 1),
		"no id":        strings.Replace(wide, "id: scaling\n", "", 1),
		"root error":   strings.Replace(wide, "kind: DataContract\n", "kind: Contract\n", 1),
		"type error":   strings.Replace(wide, "primaryKey: true", "primaryKey: [yes]", 1),
	} {
		_, want := Check("c.yaml", []byte(data), DefaultRules())
		got, _, _ := Lint("c.yaml", []byte(data), DefaultRules())
		if len(want) == 0 || fastYAML([]byte(data)) == nil {
			t.Errorf("%s: the case has no findings, or is not plain YAML that Lint parses without a tree", name)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: Lint\n%v\nCheck\n%v", name, got, want)
		}
	}
}
