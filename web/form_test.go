package web

import (
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

func TestApplyFormKeepsHiddenFieldsByKey(t *testing.T) {
	t.Parallel()
	base := FormFromContractYAML(t, readFile(t, "testdata/orders.yaml"))
	doc, _ := contract.Parse("orders.yaml", []byte(readFile(t, "testdata/orders.yaml")))
	// Reorder the columns, drop amount, add a new one.
	o := base.Objects[0]
	o.Properties = []FormProperty{o.Properties[1], o.Properties[0], {Name: "phone", LogicalType: "string"}}
	o.Properties[0].Masking = "redact"
	base.Objects[0] = o
	c := ApplyForm(doc.Contract, base, "masking")
	ps := c.Schema[0].Properties
	if len(ps) != 3 || ps[0].Name != "customer_email" || ps[1].Name != "order_id" || ps[2].Name != "phone" {
		t.Fatalf("properties = %+v", ps)
	}
	if len(ps[1].Quality) != 1 || ps[1].Quality[0].Metric != "nullValues" {
		t.Errorf("order_id lost its quality rule: %+v", ps[1])
	}
	if len(ps[2].Quality) != 0 || ps[2].Classification != "" {
		t.Errorf("new column inherited hidden fields: %+v", ps[2])
	}
	if len(ps[0].CustomProperties) != 1 || ps[0].CustomProperties[0].Value != "redact" {
		t.Errorf("masking = %+v", ps[0].CustomProperties)
	}
	if len(c.SLAProperties) != 1 || c.Extra["servers"] == nil && len(c.Extra) == 0 {
		t.Logf("extra = %+v", c.Extra)
	}
	out, err := contract.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"slaProperties:", "servers:", "property: dbtMart"} {
		if !strings.Contains(string(out), w) {
			t.Errorf("marshalled contract lacks %q:\n%s", w, out)
		}
	}
}

func TestApplyFormNewContract(t *testing.T) {
	t.Parallel()
	c := ApplyForm(nil, Form{ID: " x ", Tags: []string{"a", " ", "a", "b"}, Objects: []FormObject{{Name: "t",
		Properties: []FormProperty{{Name: "email", Masking: "hash", Key: intp(7)}}}}}, "masking")
	if c.APIVersion != contract.APIVersion || c.Kind != "DataContract" || c.ID != "x" || c.Team != nil || c.Description != nil {
		t.Fatalf("contract = %+v", c)
	}
	if strings.Join(c.Tags, ",") != "a,b" {
		t.Errorf("tags = %v", c.Tags)
	}
	if c.Schema[0].LogicalType != "object" || c.Schema[0].Properties[0].CustomProperties[0].Property != "masking" {
		t.Errorf("schema = %+v", c.Schema)
	}
	// Clearing the masking removes the custom property; clearing the owner drops an empty team.
	c = ApplyForm(c, Form{Owner: "", Objects: []FormObject{{Key: intp(0), Properties: []FormProperty{{Key: intp(0), Name: "email"}}}}}, "masking")
	if len(c.Schema[0].Properties[0].CustomProperties) != 0 {
		t.Errorf("masking not cleared: %+v", c.Schema[0].Properties[0])
	}
}

func TestSearchSyntax(t *testing.T) {
	t.Parallel()
	es := []Entry{
		{File: "contracts/a.yaml", Name: "Alpha", Domain: "sales", Owner: "team-a", Tags: []string{"gold"}, Columns: []string{"email"}, HasPII: true, Status: "active", Valid: true},
		{File: "contracts/b.yaml", Name: "Beta", Domain: "hr", Owner: "team-b", Columns: []string{"salary"}, Status: "draft"},
	}
	for q, want := range map[string]string{
		"":                  "Alpha,Beta",
		"alpha":             "Alpha",
		"has:pii":           "Alpha",
		"pii:no":            "Beta",
		"status:draft":      "Beta",
		"valid:yes":         "Alpha",
		"col:sal team-b":    "Beta",
		"tag:gold domain:h": "",
		"owner:team":        "Alpha,Beta",
	} {
		var got []string
		for _, e := range Search(es, q) {
			got = append(got, e.Name)
		}
		if strings.Join(got, ",") != want {
			t.Errorf("Search(%q) = %v, want %s", q, got, want)
		}
	}
}
