package contract

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestUpgradeFullExample upgrades the standard's v2.2.2 example and checks
// that the result passes the v3.1.0 schema and keeps the mapped fields.
func TestUpgradeFullExample(t *testing.T) {
	t.Parallel()
	f := odcsV2Example()
	doc, fs := Parse("full-example.yaml", readFile(t, f))
	if doc == nil {
		t.Fatalf("parse: %v", fs)
	}
	c, warns, err := Upgrade(doc)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	_, fs = Check("upgraded.odcs.yaml", out, Rules{SchemaOnly: true})
	for _, x := range fs {
		t.Errorf("upgraded contract: %s", x)
	}
	if t.Failed() {
		t.Logf("upgraded:\n%s", out)
	}
	checks := map[string]bool{
		"id":                    c.ID == "53581432-6c55-4ba2-a65f-72344a91553a",
		"dataProduct":           c.DataProduct == "my quantum",
		"domain":                c.Domain == "seller",
		"schema name":           len(c.Schema) == 1 && c.Schema[0].Name == "tbl",
		"properties":            len(c.Schema) == 1 && len(c.Schema[0].Properties) == 3 && c.Schema[0].Properties[0].Name == "txn_ref_dt",
		"primaryKey":            len(c.Schema) == 1 && c.Schema[0].Properties[1].PrimaryKey,
		"required inverted":     len(c.Schema) == 1 && c.Schema[0].Properties[0].Required,
		"team":                  c.Team != nil && len(c.Team.Members) == 3 && c.Team.Members[2].Username == "daustin",
		"timestamp as RFC 3339": c.ContractCreatedTs == "2022-11-15T02:59:43Z",
	}
	for name, ok := range checks {
		if !ok {
			t.Errorf("upgrade lost %s", name)
		}
	}
	joined := strings.Join(warns, "\n")
	for _, want := range []string{"dropped username", "dropped password"} {
		if !strings.Contains(joined, want) {
			t.Errorf("warnings %q lack %q", joined, want)
		}
	}
	if strings.Contains(string(out), "${env.password}") {
		t.Error("credentials survived the upgrade")
	}
}

func TestUpgradeRefusesV31(t *testing.T) {
	t.Parallel()
	doc, _ := Parse("x.yaml", []byte("apiVersion: v3.1.0\nkind: DataContract\n"))
	if _, _, err := Upgrade(doc); err == nil {
		t.Fatal("upgrading a v3.1.0 contract should fail")
	}
}

// TestUpgradeV30Examples lifts the standard's v3.0.x examples to v3.1.0.
func TestUpgradeV30Examples(t *testing.T) {
	t.Parallel()
	n := 0
	for _, f := range sharedExamples(t) {
		doc, _ := Parse(filepath.Base(f), readFile(t, f))
		if doc == nil || !strings.HasPrefix(doc.APIVersion, "v3.0.") {
			continue
		}
		n++
		c, _, err := Upgrade(doc)
		if err != nil {
			t.Fatal(err)
		}
		out, err := Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(out), "apiVersion: v3.1.0\n") {
			t.Errorf("%s: apiVersion not upgraded", doc.File)
		}
		if c.Team != nil && c.Team.LegacyArray {
			t.Errorf("%s: team still an array", doc.File)
		}
		_, fs := Check(doc.File, out, Rules{SchemaOnly: true})
		for _, x := range fs {
			t.Errorf("upgraded %s", x)
		}
	}
	if n < 5 {
		t.Errorf("only %d v3.0.x examples upgraded", n)
	}
}

// TestUpgradeV2FreeTextTypes: v2 logicalType words (varchar, decimal,
// variant...) become v3 logicalTypes with the original kept as
// physicalType, and the result passes the v3.1.0 schema; an unknown word
// is dropped with a warning instead of producing an invalid file.
func TestUpgradeV2FreeTextTypes(t *testing.T) {
	t.Parallel()
	v2 := `apiVersion: v2.2.2
kind: DataContract
uuid: 53581432-6c55-4ba2-a65f-72344a91553a
quantumName: orders
version: 1.0.0
status: active
dataset:
  - table: orders
    columns:
      - column: id
        logicalType: bigint
        isPrimaryKey: true
      - column: note
        logicalType: varchar(255)
      - column: amount
        logicalType: decimal
        physicalType: decimal(12,2)
      - column: payload
        logicalType: variant
      - column: odd
        logicalType: geography
`
	doc, _ := Parse("v2.yaml", []byte(v2))
	c, warnings, err := Upgrade(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{"id": {"integer", "bigint"}, "note": {"string", "varchar(255)"},
		"amount": {"number", "decimal(12,2)"}, "payload": {"object", "variant"}, "odd": {"", "geography"}}
	for _, p := range c.Schema[0].Properties {
		if w := want[p.Name]; p.LogicalType != w[0] || p.PhysicalType != w[1] {
			t.Errorf("%s: logicalType %q physicalType %q, want %v", p.Name, p.LogicalType, p.PhysicalType, w)
		}
	}
	if !strings.Contains(strings.Join(warnings, "\n"), `orders.odd: logicalType "geography"`) {
		t.Errorf("warnings %v", warnings)
	}
	out, err := Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if _, fs := Check("up.yaml", out, Rules{SchemaOnly: true}); HasErrors(fs) {
		t.Fatalf("upgraded file fails the schema: %v\n%s", fs, out)
	}
}
