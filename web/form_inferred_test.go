package web

import (
	"reflect"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

// inferredBase parses testdata/inferred.yaml: customer_id has
// [logicalType, primaryKey] inferred, customer_email [logicalType, pii]
// beside its masking, signup_at nothing.
func inferredBase(t *testing.T) (*contract.Contract, Form) {
	t.Helper()
	y := readFile(t, "testdata/inferred.yaml")
	doc, fs := contract.Parse("inferred.yaml", []byte(y))
	if doc == nil || doc.Contract == nil {
		t.Fatalf("parse: %+v", fs)
	}
	return doc.Contract, FormFromContractYAML(t, y)
}

func TestFormInferredRead(t *testing.T) {
	t.Parallel()
	_, f := inferredBase(t)
	ps := f.Objects[0].Properties
	want := [][]string{{"logicalType", "primaryKey"}, {"logicalType", "pii"}, nil}
	for i, w := range want {
		if !reflect.DeepEqual(ps[i].Inferred, w) {
			t.Errorf("%s inferred = %#v, want %#v", ps[i].Name, ps[i].Inferred, w)
		}
	}
	if ps[1].Masking != "hash" {
		t.Errorf("masking = %q", ps[1].Masking)
	}
}

// TestFormInferredConfirm: each way of confirming removes exactly that
// fact; the last one removes the marker; masking is never touched.
func TestFormInferredConfirm(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		edit func(p []FormProperty)
		want [][]string // the marker of each column after the save (nil: none)
	}{
		{"untouched", func([]FormProperty) {}, [][]string{{"logicalType", "primaryKey"}, {"logicalType", "pii"}, nil}},
		{"no list sent keeps all", func(p []FormProperty) { p[0].Inferred, p[1].Inferred = nil, nil },
			[][]string{{"logicalType", "primaryKey"}, {"logicalType", "pii"}, nil}},
		{"chip confirms type", func(p []FormProperty) { p[0].Inferred = []string{"primaryKey"} },
			[][]string{{"primaryKey"}, {"logicalType", "pii"}, nil}},
		{"chip confirms the last one", func(p []FormProperty) { p[0].Inferred = []string{} },
			[][]string{nil, {"logicalType", "pii"}, nil}},
		{"changing the type", func(p []FormProperty) { p[1].LogicalType = "integer" },
			[][]string{{"logicalType", "primaryKey"}, {"pii"}, nil}},
		{"unticking the key", func(p []FormProperty) { p[0].PrimaryKey = false },
			[][]string{{"logicalType"}, {"logicalType", "pii"}, nil}},
		{"changing the classification", func(p []FormProperty) { p[1].Classification = "internal" },
			[][]string{{"logicalType", "primaryKey"}, {"logicalType"}, nil}},
		{"both facts of email", func(p []FormProperty) { p[1].Classification = "restricted"; p[1].Inferred = []string{"pii"} },
			[][]string{{"logicalType", "primaryKey"}, nil, nil}},
		{"the form cannot add a fact", func(p []FormProperty) { p[2].Inferred = []string{"pii"}; p[0].Inferred = []string{"pii"} },
			[][]string{nil, {"logicalType", "pii"}, nil}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c, f := inferredBase(t)
			tt.edit(f.Objects[0].Properties)
			ps := ApplyForm(c, f, "masking").Schema[0].Properties
			for i, w := range tt.want {
				if got := inferredOf(ps[i].CustomProperties); !reflect.DeepEqual(got, w) {
					t.Errorf("%s inferred = %#v, want %#v", ps[i].Name, got, w)
				}
			}
			if m := customString(ps[1].CustomProperties, "masking"); m != "hash" || ps[1].CustomProperties[0].Property != "masking" {
				t.Errorf("email custom properties = %+v", ps[1].CustomProperties)
			}
		})
	}
}

// TestFormInferredRoundTrip: a contract with markers, opened and saved
// without a change, is written byte for byte as before; confirming one
// fact changes only that line.
func TestFormInferredRoundTrip(t *testing.T) {
	t.Parallel()
	c, f := inferredBase(t)
	want, err := contract.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	c2, _ := inferredBase(t)
	got, err := contract.Marshal(ApplyForm(c2, f, "masking"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatalf("untouched save changed the contract:\n%s\nwant:\n%s", got, want)
	}
	c3, f3 := inferredBase(t)
	f3.Objects[0].Properties[1].Inferred = []string{"pii"}
	out, err := contract.Marshal(ApplyForm(c3, f3, "masking"))
	if err != nil {
		t.Fatal(err)
	}
	if exp := dropLineAfter(string(want), "name: customer_email", "- logicalType"); string(out) != exp {
		t.Errorf("confirming the email's type wrote:\n%s\nwant:\n%s", out, exp)
	}
}

// dropLineAfter is y without the first line reading line (trimmed) below
// the first line containing after.
func dropLineAfter(y, after, line string) string {
	ls := strings.Split(y, "\n")
	seen := false
	for i, l := range ls {
		seen = seen || strings.Contains(l, after)
		if seen && strings.TrimSpace(l) == line {
			return strings.Join(append(ls[:i:i], ls[i+1:]...), "\n")
		}
	}
	return y + "\n(no " + line + " below " + after + ")"
}
