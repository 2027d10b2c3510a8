package contract

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/third_party/jsonschema"
)

// leafSet validates value and returns its error leaves as sorted strings.
func leafSet(sch *jsonschema.Schema, value any) []string {
	err := sch.Validate(value)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []string{err.Error()}
	}
	var leaves []*jsonschema.ValidationError
	collectLeaves(ve, &leaves)
	leaves = dropCascade(SchemaV310, leaves)
	var out []string
	for _, l := range leaves {
		out = append(out, strings.Join(l.InstanceLocation, "/")+": "+kindMessage(l.ErrorKind))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// TestOptimizedSchemaEquivalent: the rewritten v3.1.0 schema gives the
// same verdict and the same findings as the published one.
func TestOptimizedSchemaEquivalent(t *testing.T) {
	t.Parallel()
	plain, err := compileSchema(SchemaV310, false)
	if err != nil {
		t.Fatal(err)
	}
	fast, err := compileSchema(SchemaV310, true)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := SchemaJSON(SchemaV310)
	doc, _ := jsonschema.UnmarshalJSON(strings.NewReader(string(data)))
	if !optimizeSchema(doc) {
		t.Fatal("the optimisation no longer applies to the embedded schema")
	}
	inputs := examplesAndBad(t)
	inputs = append(inputs, []byte(goodContract))
	for _, v := range optionVariants() {
		inputs = append(inputs, []byte(v))
	}
	checked := 0
	for i, in := range inputs {
		d, _ := Parse("x.yaml", in)
		if d == nil || d.value == nil {
			continue
		}
		checked++
		a, b := leafSet(plain, d.value), leafSet(fast, d.value)
		if !slices.Equal(a, b) {
			t.Errorf("input %d: published schema %q, optimised %q\n%s", i, a, b, in)
		}
	}
	if checked < 60 {
		t.Errorf("only %d inputs compared", checked)
	}
}

// optionVariants are properties combining every logicalType (and none)
// with valid and invalid logicalTypeOptions, nested properties and items.
func optionVariants() []string {
	types := []string{"", "string", "date", "timestamp", "time", "integer", "number", "object", "array", "boolean", "bogus"}
	opts := []string{"", "{}", "{maxLength: 3}", "{maximum: \"2024-01-01\"}", "{maximum: 5}", "{timezone: true}",
		"{multipleOf: 2}", "{maxProperties: 2}", "{maxItems: 2}", "{minLength: -1}", "{format: x, other: 1}", "nope"}
	extra := []string{"", "        properties: [{name: a, logicalType: string}]\n", "        items: {logicalType: string}\n"}
	var out []string
	for _, lt := range types {
		for _, o := range opts {
			for _, e := range extra {
				var b strings.Builder
				b.WriteString("apiVersion: v3.1.0\nkind: DataContract\nid: x\nversion: 1.0.0\nstatus: active\nschema:\n  - name: t\n    properties:\n      - name: p\n")
				if lt != "" {
					fmt.Fprintf(&b, "        logicalType: %s\n", lt)
				}
				if o != "" {
					fmt.Fprintf(&b, "        logicalTypeOptions: %s\n", o)
				}
				b.WriteString(e)
				out = append(out, b.String())
			}
		}
	}
	return out
}
