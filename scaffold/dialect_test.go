package scaffold

import (
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

// TestTypeMap covers every logicalType in every dialect, with and without a
// refining physicalType.
func TestTypeMap(t *testing.T) {
	t.Parallel()
	type want struct{ duckdb, postgres, snowflake, bigquery string }
	cases := []struct {
		logical, physical string
		tz                bool
		want              want
	}{
		{"string", "", false, want{"varchar", "text", "varchar", "string"}},
		{"string", "varchar(18)", false, want{"varchar", "varchar(18)", "varchar(18)", "string"}},
		{"string", "Name", false, want{"varchar", "text", "varchar", "string"}},
		{"integer", "", false, want{"integer", "integer", "number(38,0)", "int64"}},
		{"integer", "bigint", false, want{"bigint", "bigint", "number(38,0)", "int64"}},
		{"integer", "int2", false, want{"smallint", "smallint", "number(38,0)", "int64"}},
		{"number", "", false, want{"double", "double precision", "float", "float64"}},
		{"number", "decimal(12,2)", false, want{"decimal(12,2)", "numeric(12,2)", "number(12,2)", "numeric(12,2)"}},
		{"number", "numeric", false, want{"decimal(38,9)", "numeric", "number(38,9)", "numeric"}},
		{"number", "float(3,2)", false, want{"float", "real", "float", "float64"}},
		{"number", "serial", false, want{"integer", "integer", "number(38,0)", "int64"}},
		{"boolean", "", false, want{"boolean", "boolean", "boolean", "bool"}},
		{"date", "", false, want{"date", "date", "date", "date"}},
		{"date", "timestamp", false, want{"timestamp", "timestamp", "timestamp_ntz", "timestamp"}},
		{"timestamp", "", false, want{"timestamp", "timestamp", "timestamp_ntz", "timestamp"}},
		{"timestamp", "datetime", false, want{"timestamp", "timestamp", "timestamp_ntz", "datetime"}},
		{"timestamp", "", true, want{"timestamp with time zone", "timestamp with time zone", "timestamp_tz", "timestamp"}},
		{"timestamp", "timestamptz", false, want{"timestamp with time zone", "timestamp with time zone", "timestamp_tz", "timestamp"}},
		{"time", "", false, want{"time", "time", "time", "time"}},
		{"object", "", false, want{"json", "jsonb", "variant", "json"}},
		{"array", "list", false, want{"json", "jsonb", "array", "json"}},
		{"", "int", false, want{"integer", "integer", "number(38,0)", "int64"}},
		{"", "Name", false, want{"", "", "", ""}},
	}
	for _, c := range cases {
		for _, d := range []struct{ dialect, want string }{
			{"duckdb", c.want.duckdb}, {"postgres", c.want.postgres},
			{"snowflake", c.want.snowflake}, {"bigquery", c.want.bigquery},
		} {
			dl, err := lookupDialect(d.dialect)
			if err != nil {
				t.Fatal(err)
			}
			canon, pt := canonical(c.logical, c.physical, c.tz)
			got := ""
			if canon != "" {
				got = dl.sqlType(canon, pt)
			}
			if got != d.want {
				t.Errorf("%s %s/%s tz=%v: got %q, want %q", d.dialect, c.logical, c.physical, c.tz, got, d.want)
			}
		}
	}
}

func TestUnknownDialect(t *testing.T) {
	t.Parallel()
	c := &contract.Contract{ID: "x", Version: "1.0.0", Domain: "d", Schema: []contract.SchemaObject{{Name: "t"}}}
	if _, err := Render(c, contract.DefaultRules(), Options{Dialect: "oracle"}); err == nil {
		t.Fatal("unknown dialect accepted")
	}
}

func TestQuoting(t *testing.T) {
	t.Parallel()
	reserved := map[string]bool{"order": true}
	cases := []struct{ dialect, in, want string }{
		{"duckdb", "amount", "amount"},
		{"duckdb", "order", `"order"`},
		{"duckdb", "DataValue", `"DataValue"`},
		{"postgres", `we"ird`, `"we""ird"`},
		{"bigquery", "order", "`order`"},
	}
	for _, c := range cases {
		d, _ := lookupDialect(c.dialect)
		if got := d.quote(c.in, reserved); got != c.want {
			t.Errorf("%s quote(%q) = %s, want %s", c.dialect, c.in, got, c.want)
		}
	}
}
