package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

// cleanContract is a contract with a required primary key and no mart.
func cleanContract() *contract.Contract {
	return &contract.Contract{ID: "c", Version: "1.0.0", Domain: "shop", Schema: []contract.SchemaObject{{
		Name: "order", Properties: []contract.Property{
			{Name: "order_id", LogicalType: "integer", PrimaryKey: true},
			{Name: "email", LogicalType: "string", Required: true, Unique: true},
		},
	}}}
}

// TestConstraintsOnlyOnTables: dbt cannot apply constraints to views, so
// view staging models carry data types and tests but no constraints; a
// table or incremental staging materialisation gets them back.
func TestConstraintsOnlyOnTables(t *testing.T) {
	t.Parallel()
	models := "models/staging/shop/_shop__c__models.yml"
	files, err := Render(cleanContract(), contract.DefaultRules(), Options{ProjectName: "p"})
	if err != nil {
		t.Fatal(err)
	}
	y := string(files[models])
	if strings.Contains(y, "constraints:") || strings.Contains(y, "materialized:") {
		t.Errorf("view staging model has constraints or a materialisation:\n%s", y)
	}
	if !strings.Contains(y, "enforced: true") || !strings.Contains(y, "- not_null") {
		t.Errorf("the contract and the tests must stay:\n%s", y)
	}
	if !strings.Contains(string(files[ProjectFile]), "+materialized: view") {
		t.Errorf("dbt_project.yml:\n%s", files[ProjectFile])
	}
	for _, m := range []string{"table", "incremental"} {
		files, err := Render(cleanContract(), contract.DefaultRules(), Options{ProjectName: "p", StagingMaterialized: m})
		if err != nil {
			t.Fatal(err)
		}
		y := string(files[models])
		if !strings.Contains(y, "type: not_null") || !strings.Contains(y, "type: primary_key") || !strings.Contains(y, "materialized: "+m) {
			t.Errorf("%s staging model lacks constraints or its materialisation:\n%s", m, y)
		}
		if !strings.Contains(string(files[ProjectFile]), "+materialized: "+m) {
			t.Errorf("%s: dbt_project.yml:\n%s", m, files[ProjectFile])
		}
	}
	if _, err := Render(cleanContract(), contract.DefaultRules(), Options{StagingMaterialized: "ephemeral-ish"}); err == nil {
		t.Error("an unknown materialisation must be refused")
	}
}

// TestProjectMartsOnlyWithMarts: dbt warns about an unused configuration
// path models.<p>.marts when no mart exists.
func TestProjectMartsOnlyWithMarts(t *testing.T) {
	t.Parallel()
	files, err := Render(cleanContract(), contract.DefaultRules(), Options{ProjectName: "p"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(files[ProjectFile]), "marts") {
		t.Errorf("no mart, yet dbt_project.yml configures marts:\n%s", files[ProjectFile])
	}
	c := cleanContract()
	c.Schema[0].CustomProperties = []contract.CustomProperty{{Property: PropMart, Value: "fact"}}
	files, err = Render(c, contract.DefaultRules(), Options{ProjectName: "p"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(files[ProjectFile]), "    marts:\n      +materialized: table") {
		t.Errorf("a mart, yet dbt_project.yml does not configure marts:\n%s", files[ProjectFile])
	}
}

// TestPluralOffByDefault: staging model names keep the object's name
// unless naming.json turns pluralisation on.
func TestPluralOffByDefault(t *testing.T) {
	t.Parallel()
	if contract.DefaultRules().Naming.Layers.Staging.PluralEntity {
		t.Fatal("pluralEntity must default to false")
	}
	files, err := Render(cleanContract(), contract.DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := files["models/staging/shop/stg_shop__order.sql"]; !ok {
		t.Errorf("files: %s", keys(files))
	}
	data, err := os.ReadFile(filepath.Join("..", "contract", "defaults", "naming.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"pluralEntity": false`) {
		t.Error("contract/defaults/naming.json must say pluralEntity: false")
	}
}
