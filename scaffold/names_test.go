package scaffold

import (
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

func TestSnake(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"UniqueID": "unique_id", "DataValue": "data_value", "Air_Quality": "air_quality",
		"isActive": "is_active", "e-mail": "e_mail", "endereço": "endereco", "HTTPServer": "http_server",
		"order id": "order_id", "3d_model": "n_3d_model", "already_snake": "already_snake",
	}
	for in, want := range cases {
		if got := snake(in); got != want {
			t.Errorf("snake(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPlural(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"order": "orders", "air_quality": "air_qualities", "address": "address", "box": "boxes",
		"day": "days", "orders": "orders", "telemetry": "telemetry", "person": "people",
		// never an s on a name ending in s, nor on an abbreviation
		"tbl": "tbl", "raw_newsapi_articles_us_en": "raw_newsapi_articles_us_en", "status": "status",
		"class": "class", "pypl_edw_tbl": "pypl_edw_tbl", "api": "api", "kpi": "kpi", "q4": "q4", "sku": "sku",
		"cat": "cats", "job": "jobs", "fee": "fees", "user_id": "user_id",
	}
	for in, want := range cases {
		if got := plural(in); got != want {
			t.Errorf("plural(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRejectsEscapingNames: names that could leave --out or break SQL are
// refused with an error naming them.
func TestRejectsEscapingNames(t *testing.T) {
	t.Parallel()
	base := func() *contract.Contract {
		return &contract.Contract{ID: "c", Version: "1.0.0", Domain: "sales", Schema: []contract.SchemaObject{{
			Name: "orders", Properties: []contract.Property{{Name: "id", LogicalType: "string"}},
		}}}
	}
	cases := map[string]func(c *contract.Contract){
		"object ../":       func(c *contract.Contract) { c.Schema[0].Name = "../../etc" },
		"object absolute":  func(c *contract.Contract) { c.Schema[0].Name = "/etc/passwd" },
		"object backslash": func(c *contract.Contract) { c.Schema[0].Name = `a\b` },
		"object odd char":  func(c *contract.Contract) { c.Schema[0].Name = "orders;drop" },
		"property slash":   func(c *contract.Contract) { c.Schema[0].Properties[0].Name = "a/b" },
		"property newline": func(c *contract.Contract) { c.Schema[0].Properties[0].Name = "a\nb" },
		"physical quote":   func(c *contract.Contract) { c.Schema[0].Properties[0].PhysicalName = `x"; drop table y; --` },
		"table quote":      func(c *contract.Contract) { c.Schema[0].PhysicalName = "t`x" },
		"entity override": func(c *contract.Contract) {
			c.Schema[0].CustomProperties = []contract.CustomProperty{{Property: PropEntity, Value: "a/../b"}}
		},
		"duplicate columns": func(c *contract.Contract) {
			c.Schema[0].Properties = append(c.Schema[0].Properties, contract.Property{Name: "ID"})
		},
	}
	for name, mutate := range cases {
		c := base()
		mutate(c)
		files, err := Render(c, contract.DefaultRules(), Options{})
		if err == nil {
			t.Errorf("%s: accepted; files %v", name, keys(files))
		}
	}
	if _, err := Render(base(), contract.DefaultRules(), Options{}); err != nil {
		t.Fatalf("the base contract must render: %v", err)
	}
}

func keys(m map[string][]byte) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return strings.Join(ks, ", ")
}

func TestSourceName(t *testing.T) {
	t.Parallel()
	mk := func(mut func(c *contract.Contract)) string {
		c := &contract.Contract{ID: "c", Version: "1", Name: "Contract Name", DataProduct: "Product", Domain: "Sales Ops",
			Schema: []contract.SchemaObject{{Name: "t", Properties: []contract.Property{{Name: "a", LogicalType: "string"}}}}}
		mut(c)
		p, err := buildPlan(c, contract.DefaultRules(), Options{})
		if err != nil {
			t.Fatal(err)
		}
		return p.source
	}
	servers := []any{map[string]any{"server": "prod-db", "type": "postgres", "database": "shop-db"}}
	cases := []struct {
		name string
		mut  func(c *contract.Contract)
		want string
	}{
		{"custom property", func(c *contract.Contract) {
			c.CustomProperties = []contract.CustomProperty{{Property: "dbtSource", Value: "Stripe"}}
			c.Extra = map[string]any{"servers": servers}
		}, "stripe"},
		{"server database", func(c *contract.Contract) { c.Extra = map[string]any{"servers": servers} }, "shop_db"},
		{"domain", func(*contract.Contract) {}, "sales_ops"},
		{"data product", func(c *contract.Contract) { c.Domain = "" }, "product"},
		{"name", func(c *contract.Contract) { c.Domain, c.DataProduct = "", "" }, "contract_name"},
		{"duckdb file database", func(c *contract.Contract) {
			c.Extra = map[string]any{"servers": []any{map[string]any{"type": "duckdb", "database": "../duckdb/melodify.duckdb"}}}
		}, "melodify"},
		{"windows file database", func(c *contract.Contract) {
			c.Extra = map[string]any{"servers": []any{map[string]any{"type": "duckdb", "database": `C:\data\Shop Data.db`}}}
		}, "shop_data"},
		{"free-text name", func(c *contract.Contract) {
			c.Domain, c.DataProduct, c.Name = "", "", "Clientes (dataset sintetico)"
		}, "clientes_dataset_sintetico"},
		{"path-like domain", func(c *contract.Contract) { c.Domain = "../up" }, "up"},
		{"no identifier falls through", func(c *contract.Contract) { c.Domain = "日本" }, "product"},
		{"punctuation-only database falls through", func(c *contract.Contract) {
			c.Extra = map[string]any{"servers": []any{map[string]any{"database": "(--)"}}}
		}, "sales_ops"},
	}
	for _, c := range cases {
		if got := mk(c.mut); got != c.want {
			t.Errorf("%s: source %q, want %q", c.name, got, c.want)
		}
	}
}

// TestSourceNameFails: only when no candidate gives an identifier, and the
// error suggests --source.
func TestSourceNameFails(t *testing.T) {
	t.Parallel()
	c := &contract.Contract{ID: "c", Version: "1", Name: "(((", Domain: "日本",
		Schema: []contract.SchemaObject{{Name: "t", Properties: []contract.Property{{Name: "a", LogicalType: "string"}}}}}
	_, err := buildPlan(c, contract.DefaultRules(), Options{})
	if err == nil || !strings.Contains(err.Error(), "--source NAME") {
		t.Fatalf("got %v, want an error suggesting --source NAME", err)
	}
	if _, err := buildPlan(c, contract.DefaultRules(), Options{Source: "Raw Shop"}); err != nil {
		t.Fatalf("--source must win: %v", err)
	}
	if _, err := buildPlan(c, contract.DefaultRules(), Options{Source: "!!!"}); err == nil || !strings.Contains(err.Error(), "--source") {
		t.Fatalf("a --source giving no identifier: got %v", err)
	}
}

func TestNoSchema(t *testing.T) {
	t.Parallel()
	c := &contract.Contract{ID: "c", Version: "1", Domain: "d"}
	if _, err := Render(c, contract.DefaultRules(), Options{}); err != ErrNoSchema {
		t.Fatalf("got %v, want ErrNoSchema", err)
	}
}

// TestObjectWithoutProperties: an object with no properties still gives a
// valid staging model (select *), without an enforced contract.
func TestObjectWithoutProperties(t *testing.T) {
	t.Parallel()
	c := &contract.Contract{ID: "c", Version: "1", Domain: "d", Schema: []contract.SchemaObject{{Name: "raw_events"}}}
	files, err := Render(c, contract.DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	sql := string(files["models/staging/d/stg_d__raw_events.sql"])
	if !strings.Contains(sql, "    select\n        *\n\n    from source") {
		t.Errorf("staging SQL:\n%s", sql)
	}
	y, ok := files["models/staging/d/_d__c__models.yml"]
	if !ok {
		t.Fatalf("no models file: %s", keys(files))
	}
	if strings.Contains(string(y), "enforced") {
		t.Error("a model without columns must not enforce a contract")
	}
}
