package web

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

// parsed parses a test contract (fresh each call: ApplyForm edits it).
func parsed(t *testing.T, file string) *contract.Contract {
	t.Helper()
	doc, fs := contract.Parse(file, []byte(readFile(t, file)))
	if doc == nil || doc.Contract == nil {
		t.Fatalf("parse %s: %v", file, fs)
	}
	return doc.Contract
}

func marshal(t *testing.T, c *contract.Contract) string {
	t.Helper()
	out, err := contract.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// viaJSON sends a form through JSON, as the browser does.
func viaJSON(t *testing.T, f Form) Form {
	t.Helper()
	var out Form
	if err := json.Unmarshal([]byte(mustJSON(t, f)), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestFormRoundTripUnchanged: a contract loaded into the form and saved
// untouched is the same contract (values, ranges, SLA, nested fields and
// relationships included).
func TestFormRoundTripUnchanged(t *testing.T) {
	t.Parallel()
	for _, file := range []string{"testdata/orders.yaml", "testdata/rich.yaml"} {
		want := marshal(t, parsed(t, file))
		f := viaJSON(t, FormFromContract(parsed(t, file), "masking"))
		if got := marshal(t, ApplyForm(parsed(t, file), f, "masking")); got != want {
			t.Errorf("%s changed by an untouched save:\n--- got\n%s\n--- want\n%s", file, got, want)
		}
	}
}

// TestFormShowsValueRules: the form reads accepted values, ranges, the
// foreign key, nested fields and the SLA.
func TestFormShowsValueRules(t *testing.T) {
	t.Parallel()
	f := FormFromContract(parsed(t, "testdata/rich.yaml"), "masking")
	ps := f.Objects[1].Properties
	got := map[string]string{
		"customer_id.references": ps[1].References,
		"plan.values":            strings.Join(ps[2].Values, "|"),
		"seats.values":           strings.Join(ps[3].Values, "|"),
		"seats.range":            ps[3].Min + ".." + ps[3].Max,
		"monthly_price.range":    ps[4].Min + ".." + ps[4].Max,
		"billing_address.fields": ps[5].Properties[0].Name + "," + ps[5].Properties[1].Name,
		"sla":                    f.SLA.Freshness + " " + f.SLA.Unit + " on " + f.SLA.Column + " by " + f.SLA.AvailableBy,
	}
	want := map[string]string{
		"customer_id.references": "customers.customer_id",
		"plan.values":            "basic|plus|enterprise",
		"seats.values":           "1|5|10|500",
		"seats.range":            "1..500",
		"monthly_price.range":    "0.5..",
		"billing_address.fields": "city,country_code",
		"sla":                    "24 h on subscriptions.updated_at by 09:00",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %q, want %q", k, got[k], w)
		}
	}
}

// TestApplyFormEditsValueRules: each edit in the form changes exactly its
// part of the contract, typed as the column's type.
func TestApplyFormEditsValueRules(t *testing.T) {
	t.Parallel()
	sub := func(f *Form, i int) *FormProperty { return &f.Objects[1].Properties[i] }
	cases := []struct {
		name    string
		edit    func(f *Form)
		has     []string
		hasNot  []string
		inspect func(t *testing.T, c *contract.Contract)
	}{
		{name: "add a value", edit: func(f *Form) { p := sub(f, 2); p.Values = append(p.Values, "free") },
			has: []string{"- enterprise\n", "- free\n"}},
		{name: "clear values", edit: func(f *Form) { sub(f, 2).Values = []string{} },
			hasNot: []string{"- enterprise"}, inspect: func(t *testing.T, c *contract.Contract) {
				if q := c.Schema[1].Properties[2].Quality; q != nil {
					t.Errorf("plan quality = %+v", q)
				}
			}},
		{name: "values on a new column are a rule", edit: func(f *Form) {
			f.Objects[0].Properties = append(f.Objects[0].Properties, FormProperty{Name: "tier", LogicalType: "integer", Values: []string{"1", "2"}})
		}, inspect: func(t *testing.T, c *contract.Contract) {
			q := c.Schema[0].Properties[1].Quality
			if len(q) != 1 || q[0].Metric != "invalidValues" || q[0].Type != "library" {
				t.Fatalf("tier quality = %+v", q)
			}
			if v := q[0].Arguments["validValues"].([]any); v[0] != int64(1) {
				t.Errorf("values %#v are not integers", v)
			}
		}},
		{name: "raise the maximum", edit: func(f *Form) { sub(f, 3).Max = "1000" },
			has: []string{"minimum: 1\n", "maximum: 1000\n"}},
		{name: "clear a minimum", edit: func(f *Form) { sub(f, 4).Min = "" },
			inspect: func(t *testing.T, c *contract.Contract) {
				if o := c.Schema[1].Properties[4].LogicalTypeOptions; o != nil {
					t.Errorf("monthly_price options = %v", o)
				}
			}},
		{name: "repoint a foreign key", edit: func(f *Form) { sub(f, 1).References = "customers.id" },
			inspect: func(t *testing.T, c *contract.Contract) {
				r := c.Schema[1].Properties[1].Relationships
				if len(r) != 1 || r[0].Type != "foreignKey" || strings.Join(r[0].To, ",") != "customers.id" {
					t.Errorf("relationships = %+v", r)
				}
			}},
		{name: "remove a foreign key", edit: func(f *Form) { sub(f, 1).References = " " },
			hasNot: []string{"foreignKey"}},
		{name: "add a nested field", edit: func(f *Form) {
			p := sub(f, 5)
			p.Properties = append(p.Properties, FormProperty{Name: "zip", LogicalType: "string"})
		}, has: []string{"name: zip", "maxLength: 2"}},
		{name: "fresher data", edit: func(f *Form) { f.SLA.Freshness = "12" },
			has: []string{"value: 12\n", "element: subscriptions.updated_at", "property: retention"}},
		{name: "no freshness", edit: func(f *Form) { f.SLA.Freshness, f.SLA.Unit, f.SLA.Column = "", "", "" },
			hasNot: []string{"property: freshness"}, has: []string{"property: timeOfAvailability", "property: retention"}},
		{name: "later availability", edit: func(f *Form) { f.SLA.AvailableBy = "10:30" },
			has: []string{"10:30"}, hasNot: []string{"09:00"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := viaJSON(t, FormFromContract(parsed(t, "testdata/rich.yaml"), "masking"))
			tc.edit(&f)
			c := ApplyForm(parsed(t, "testdata/rich.yaml"), viaJSON(t, f), "masking")
			out := marshal(t, c)
			for _, w := range tc.has {
				if !strings.Contains(out, w) {
					t.Errorf("lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tc.hasNot {
				if strings.Contains(out, w) {
					t.Errorf("still has %q:\n%s", w, out)
				}
			}
			if tc.inspect != nil {
				tc.inspect(t, c)
			}
		})
	}
}

// TestApplyFormNewSLA: a new contract gets the SLA the form gives it, in
// the shape the dbt scaffolder reads (freshness, integer value, unit).
func TestApplyFormNewSLA(t *testing.T) {
	t.Parallel()
	c := ApplyForm(nil, Form{ID: "x", SLA: FormSLA{Freshness: "6", Unit: "h", Column: "t.updated_at", AvailableBy: "07:00"}}, "masking")
	if len(c.SLAProperties) != 2 {
		t.Fatalf("slaProperties = %+v", c.SLAProperties)
	}
	if s := c.SLAProperties[0]; s.Property != "freshness" || s.Value != int64(6) || s.Unit != "h" || s.Element != "t.updated_at" {
		t.Errorf("freshness = %+v", s)
	}
	if s := c.SLAProperties[1]; s.Property != slaAvailability || s.Value != "07:00" {
		t.Errorf("availability = %+v", s)
	}
	if c = ApplyForm(nil, Form{ID: "x", SLA: FormSLA{Unit: "h"}}, "masking"); c.SLAProperties != nil {
		t.Errorf("a unit alone made an SLA: %+v", c.SLAProperties)
	}
}
