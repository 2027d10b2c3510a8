package scaffold

import (
	"os"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

// stagingColumn renders one property and returns its staging select line
// and its data_type.
func stagingColumn(t *testing.T, dialect string, prop contract.Property) (string, string) {
	t.Helper()
	c := &contract.Contract{ID: "c", Version: "1", Domain: "d",
		Schema: []contract.SchemaObject{{Name: "t", Properties: []contract.Property{prop}}}}
	p, err := buildPlan(c, contract.DefaultRules(), Options{Dialect: dialect})
	if err != nil {
		t.Fatal(err)
	}
	col := p.objects[0].columns[0]
	return col.expr, col.dataType
}

// TestFormattedDates: a date or timestamp held as a string with
// logicalTypeOptions.format is parsed with the dialect's function, the Java
// pattern converted to the dialect's.
func TestFormattedDates(t *testing.T) {
	t.Parallel()
	type want struct{ duckdb, postgres, snowflake, bigquery string }
	cases := []struct {
		logical, physical, format string
		tz                        bool
		want                      want
	}{
		{"date", "", "MM/dd/yyyy", false, want{
			"strptime(d, '%m/%d/%Y')::date",
			"to_date(d, 'MM/DD/YYYY')",
			"to_date(d, 'MM/DD/YYYY')",
			"parse_date('%m/%d/%Y', d)"}},
		{"date", "varchar(10)", "dd.MM.yy", false, want{
			"strptime(d, '%d.%m.%y')::date",
			"to_date(d, 'DD.MM.YY')",
			"to_date(d, 'DD.MM.YY')",
			"parse_date('%d.%m.%y', d)"}},
		{"timestamp", "", "yyyy-MM-dd'T'HH:mm:ss", false, want{
			"strptime(d, '%Y-%m-%dT%H:%M:%S')::timestamp",
			`cast(to_timestamp(d, 'YYYY-MM-DD"T"HH24:MI:SS') as timestamp)`,
			`to_timestamp_ntz(d, 'YYYY-MM-DD"T"HH24:MI:SS')`,
			"parse_timestamp('%Y-%m-%dT%H:%M:%S', d)"}},
		{"timestamp", "", "dd/MM/yyyy HH:mm:ss.SSSXXX", true, want{
			"strptime(d, '%d/%m/%Y %H:%M:%S.%g%z')::timestamp with time zone",
			"to_timestamp(d, 'DD/MM/YYYY HH24:MI:SS.MSTZH:TZM')",
			"to_timestamp_tz(d, 'DD/MM/YYYY HH24:MI:SS.FF3TZH:TZM')",
			"parse_timestamp('%d/%m/%Y %H:%M:%E*S%Ez', d)"}},
		{"date", "", "d MMM yyyy", false, want{
			"strptime(d, '%-d %b %Y')::date",
			"to_date(d, 'DD Mon YYYY')",
			"to_date(d, 'DD MON YYYY')",
			"parse_date('%d %b %Y', d)"}},
		// a real date column: the format only describes how it is shown
		{"date", "date", "MM/dd/yyyy", false, want{"cast(d as date)", "cast(d as date)", "cast(d as date)", "cast(d as date)"}},
		// a pattern letter with no equivalent falls back to a cast
		{"date", "", "yyyy-'W'ww", false, want{"cast(d as date)", "cast(d as date)", "cast(d as date)", "cast(d as date)"}},
	}
	for _, c := range cases {
		prop := contract.Property{Name: "d", LogicalType: c.logical, PhysicalType: c.physical,
			LogicalTypeOptions: map[string]any{"format": c.format}}
		if c.tz {
			prop.LogicalTypeOptions["timezone"] = true
		}
		for _, d := range []struct{ dialect, want string }{
			{"duckdb", c.want.duckdb}, {"postgres", c.want.postgres},
			{"snowflake", c.want.snowflake}, {"bigquery", c.want.bigquery},
		} {
			got, _ := stagingColumn(t, d.dialect, prop)
			if got != d.want {
				t.Errorf("%s %s %q: got %s, want %s", d.dialect, c.logical, c.format, got, d.want)
			}
		}
	}
}

// TestIntegerFormats: i64/u32 give a 64-bit integer, u64 an unsigned or
// wide enough type; i32 keeps integer.
func TestIntegerFormats(t *testing.T) {
	t.Parallel()
	type want struct{ duckdb, postgres, snowflake, bigquery string }
	cases := []struct {
		format, physical string
		want             want
	}{
		{"i64", "", want{"bigint", "bigint", "number(38,0)", "int64"}},
		{"u32", "", want{"bigint", "bigint", "number(38,0)", "int64"}},
		{"u64", "", want{"ubigint", "numeric(20,0)", "number(38,0)", "numeric"}},
		{"i32", "", want{"integer", "integer", "number(38,0)", "int64"}},
		{"i16", "", want{"smallint", "smallint", "number(38,0)", "int64"}},
		{"i64", "int", want{"integer", "integer", "number(38,0)", "int64"}}, // an explicit physical type wins
	}
	for _, c := range cases {
		prop := contract.Property{Name: "n", LogicalType: "integer", PhysicalType: c.physical,
			LogicalTypeOptions: map[string]any{"format": c.format}}
		for _, d := range []struct{ dialect, want string }{
			{"duckdb", c.want.duckdb}, {"postgres", c.want.postgres},
			{"snowflake", c.want.snowflake}, {"bigquery", c.want.bigquery},
		} {
			expr, typ := stagingColumn(t, d.dialect, prop)
			if typ != d.want || expr != "cast(n as "+d.want+")" {
				t.Errorf("%s integer/%s: %s (%s), want %s", d.dialect, c.format, typ, expr, d.want)
			}
		}
	}
}

// TestDecimalAndBigQuery: precision and scale survive on every dialect
// (BigQuery numeric or bignumeric by size); BigQuery uses timestamp for
// instants, datetime only for a civil datetime, and parse_json for JSON.
func TestDecimalAndBigQuery(t *testing.T) {
	t.Parallel()
	cases := []struct {
		dialect string
		prop    contract.Property
		expr    string
	}{
		{"bigquery", contract.Property{Name: "x", LogicalType: "number", PhysicalType: "decimal(12,2)"}, "cast(x as numeric(12,2))"},
		{"bigquery", contract.Property{Name: "x", LogicalType: "number", PhysicalType: "decimal(38,12)"}, "cast(x as bignumeric(38,12))"},
		{"duckdb", contract.Property{Name: "x", LogicalType: "number", PhysicalType: "numeric(18,4)"}, "cast(x as decimal(18,4))"},
		{"snowflake", contract.Property{Name: "x", LogicalType: "number", PhysicalType: "number(10)"}, "cast(x as number(10,0))"},
		{"bigquery", contract.Property{Name: "x", LogicalType: "timestamp"}, "cast(x as timestamp)"},
		{"bigquery", contract.Property{Name: "x", LogicalType: "timestamp", PhysicalType: "datetime"}, "cast(x as datetime)"},
		{"bigquery", contract.Property{Name: "x", LogicalType: "timestamp", PhysicalType: "timestamp_ntz"}, "cast(x as datetime)"},
		{"bigquery", contract.Property{Name: "x", LogicalType: "object"}, "parse_json(x)"},
		{"bigquery", contract.Property{Name: "x", LogicalType: "array"}, "parse_json(x)"},
		{"duckdb", contract.Property{Name: "x", LogicalType: "object"}, "cast(x as json)"},
	}
	for _, c := range cases {
		got, _ := stagingColumn(t, c.dialect, c.prop)
		if got != c.expr {
			t.Errorf("%s %s/%s: got %s, want %s", c.dialect, c.prop.LogicalType, c.prop.PhysicalType, got, c.expr)
		}
	}
}

// TestTypeTableInDoc: the table in doc.go is the dialects' type map, row
// for row.
func TestTypeTableInDoc(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string][]string{}
	for _, line := range strings.Split(string(data), "\n") {
		cells := strings.Split(strings.TrimPrefix(line, "//"), "|")
		if len(cells) != len(Dialects)+1 {
			continue
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		rows[cells[0]] = cells[1:]
	}
	for canon := range dialects["duckdb"].types {
		row, ok := rows[canon]
		if !ok {
			t.Errorf("doc.go: no row for %s", canon)
			continue
		}
		for i, name := range Dialects {
			if want := dialects[name].types[canon]; row[i] != want {
				t.Errorf("doc.go: %s on %s says %q, the map says %q", canon, name, row[i], want)
			}
		}
	}
}
