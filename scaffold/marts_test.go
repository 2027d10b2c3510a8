package scaffold

import (
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

func martContract(masking string) *contract.Contract {
	email := contract.Property{Name: "email", LogicalType: "string", Classification: "pii"}
	if masking != "" {
		email.CustomProperties = []contract.CustomProperty{{Property: "masking", Value: masking}}
	}
	return &contract.Contract{ID: "c", Version: "1.0.0", Domain: "crm", Schema: []contract.SchemaObject{{
		Name:             "customer",
		CustomProperties: []contract.CustomProperty{{Property: PropMart, Value: "dimension"}},
		Properties:       []contract.Property{{Name: "id", LogicalType: "integer", PrimaryKey: true}, email},
	}}}
}

// TestMartPII: PII is hashed (masking hash), left out (redact or no
// masking), or kept when the policy allows PII in marts.
func TestMartPII(t *testing.T) {
	t.Parallel()
	cases := []struct {
		masking      string
		allow        bool
		dialect      string
		want, absent string
	}{
		{"hash", false, "duckdb", "sha256(cast(email as varchar)) as email_hash", "    email,"},
		{"hash", false, "postgres", "encode(sha256(convert_to(cast(email as text), 'UTF8')), 'hex') as email_hash", ""},
		{"hash", false, "snowflake", "sha2(cast(email as varchar), 256) as email_hash", ""},
		{"hash", false, "bigquery", "to_hex(sha256(cast(email as string))) as email_hash", ""},
		{"", false, "duckdb", "    id\n", "email"},
		{"redact", true, "duckdb", "    id\n", "email"},
		{"", true, "duckdb", "    email\n", "email_hash"},
	}
	for _, c := range cases {
		rules := contract.DefaultRules()
		rules.Policy.PII.AllowInMarts = c.allow
		files, err := Render(martContract(c.masking), rules, Options{Dialect: c.dialect})
		if err != nil {
			t.Fatal(err)
		}
		sql := string(files["models/marts/crm/dim_customer.sql"])
		if !strings.Contains(sql, c.want) {
			t.Errorf("masking=%q allow=%v %s: mart lacks %q:\n%s", c.masking, c.allow, c.dialect, c.want, sql)
		}
		if c.absent != "" && strings.Contains(sql, c.absent) {
			t.Errorf("masking=%q allow=%v: mart has %q:\n%s", c.masking, c.allow, c.absent, sql)
		}
	}
}

func TestMartPrefixFromGovernance(t *testing.T) {
	t.Parallel()
	rules := contract.DefaultRules()
	rules.Naming.Layers.Marts.DimensionPrefix = ""
	files, err := Render(martContract("hash"), rules, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := files["models/marts/crm/customer.sql"]; !ok {
		t.Errorf("empty dimension prefix should give a bare mart name; got %s", keys(files))
	}
	c := martContract("")
	c.Schema[0].CustomProperties[0].Value = "cube"
	if _, err := Render(c, contract.DefaultRules(), Options{}); err == nil {
		t.Error("dbtMart: cube accepted")
	}
}

// TestMeta: column config.meta carries classification, pii and critical
// data element; model meta carries the contract id, version and owner.
func TestMeta(t *testing.T) {
	t.Parallel()
	c := martContract("hash")
	c.Team = &contract.Team{Name: "crm-team"}
	c.Schema[0].Properties[1].CriticalDataElement = true
	files, err := Render(c, contract.DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	y := string(files["models/staging/crm/_crm__c__models.yml"])
	for _, want := range []string{"contract_id: c\n", "contract_version: 1.0.0", "owner: crm-team",
		"classification: pii", "critical_data_element: true", "pii: true", "enforced: true"} {
		if !strings.Contains(y, want) {
			t.Errorf("models yml lacks %q:\n%s", want, y)
		}
	}
}

func TestHeader(t *testing.T) {
	t.Parallel()
	files, err := Render(martContract("hash"), contract.DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		h, ok := ParseHeader(data)
		if !ok || h.Edited {
			t.Errorf("%s: header ok=%v edited=%v", name, ok, h.Edited)
		}
		if strings.HasPrefix(name, "models/") && LabelContractID(h.Label) != "c" {
			t.Errorf("%s: label %q does not name contract c", name, h.Label)
		}
		edited := append(append([]byte(nil), data...), []byte("-- my change\n")...)
		if h, _ := ParseHeader(edited); !h.Edited {
			t.Errorf("%s: a hand edit was not detected", name)
		}
	}
}

// TestJinjaInContractText: contract text never runs as Jinja in dbt.
func TestJinjaInContractText(t *testing.T) {
	t.Parallel()
	c := martContract("hash")
	c.ID = "x{{ run_query('drop') }}"
	c.Schema[0].Description = "{% do run_query('drop table x') %} {{ var('y') }}"
	files, err := Render(c, contract.DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if name == GenericTestsFile {
			continue
		}
		s := string(data)
		if strings.Contains(s, "{{ run_query") || strings.Contains(s, "{% do") || strings.Contains(s, "{{ var") {
			t.Errorf("%s carries live Jinja from the contract:\n%s", name, s)
		}
	}
}
