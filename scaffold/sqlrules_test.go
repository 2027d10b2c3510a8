package scaffold

import (
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

func f64(v float64) *float64 { return &v }

// TestSQLQualityRules: type: sql rules become singular tests under tests/,
// the query wrapped so that a failing condition returns a row.
func TestSQLQualityRules(t *testing.T) {
	t.Parallel()
	c := cleanContract()
	c.Schema[0].Quality = []contract.Quality{
		{Type: "sql", Name: "No refunds over total", Query: "SELECT COUNT(*) FROM ${object} WHERE amount < 0;", MustBe: 0},
		{Type: "sql", Query: "select count(*) from {model}", MustBeBetween: []float64{1, 1000}, Severity: "warning"},
		{Type: "sql", Query: "select count(*) from order where email is null", MustBeLessThan: f64(5)},
		{Type: "sql", Query: "select 1"}, // no condition: nothing to test
	}
	c.Schema[0].Properties[1].Quality = []contract.Quality{
		{Type: "sql", Query: "select count(distinct ${property}) from ${object}", MustBeGreaterThan: f64(0)},
	}
	files, err := Render(c, contract.DefaultRules(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"tests/shop/stg_shop__order__no_refunds_over_total.sql": {
			"    SELECT COUNT(*) FROM {{ ref('stg_shop__order') }} WHERE amount < 0\n",
			"where value is null or not (value = 0)",
		},
		"tests/shop/stg_shop__order__sql_2.sql": {
			"{{ config(severity='warn') }}",
			"from {{ ref('stg_shop__order') }}",
			"not (value between 1 and 1000)",
		},
		"tests/shop/stg_shop__order__sql_3.sql": {
			"from {{ ref('stg_shop__order') }} where email is null",
			"not (value < 5)",
		},
		"tests/shop/stg_shop__order__email__sql_1.sql": {
			"select count(distinct email) from {{ ref('stg_shop__order') }}",
			"not (value > 0)",
		},
	}
	for name, parts := range want {
		body, ok := files[name]
		if !ok {
			t.Errorf("%s not generated: %s", name, keys(files))
			continue
		}
		if !strings.HasPrefix(string(body), "-- dataeng-os: generated from contract c v1.0.0;") {
			t.Errorf("%s: no header:\n%s", name, body)
		}
		for _, p := range parts {
			if !strings.Contains(string(body), p) {
				t.Errorf("%s lacks %q:\n%s", name, p, body)
			}
		}
	}
	if _, ok := files["tests/shop/stg_shop__order__sql_4.sql"]; ok {
		t.Error("a rule without a condition must not become a test")
	}
}
