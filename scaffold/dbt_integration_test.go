package scaffold

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/internal/testenv"
)

// dbtCase is one contract scaffolded into the shared integration project.
type dbtCase struct {
	file   string
	source string // the dbt source; orders and shop_returns share "shop"
}

// dbtCases: our samples plus the official ODCS examples that describe
// tables (basic-four-dpo and database-table-sla have no schema; the
// adventureworks export is included as the large real-world case).
func dbtCases(t *testing.T) []dbtCase {
	ex := odcsExamplesDir()
	if _, err := os.Stat(ex); err != nil {
		t.Fatalf("vendored ODCS examples missing: %v", err)
	}
	cases := []dbtCase{
		{"testdata/orders/contract.yaml", "shop"},
		{"testdata/shop_returns/contract.yaml", "shop"},
		{"testdata/crm_bigquery/contract.yaml", "crm"},
		{"testdata/types_duckdb/contract.yaml", "melodify"},
		{"testdata/loja_cadastro/contract.yaml", "loja"},
	}
	for _, name := range []string{"full-example", "all-data-types", "all-schema-types", "table-column",
		"table-column-description", "table-columns-with-partition", "column-accuracy",
		"column-completeness", "column-custom", "column-validity", "postgresql-adventureworks-contract"} {
		cases = append(cases, dbtCase{filepath.Join(ex, name+".odcs.yaml"), "ex_" + snake(name)})
	}
	return cases
}

func findDbt(t *testing.T) string {
	return testenv.Require(t, "dbt-core 1.12 + dbt-duckdb (bash scripts/setup-dbt.sh)", "DATAENG_DBT",
		[]string{"../.venv/bin/dbt"}, "dbt")
}

// TestDbtBuild scaffolds every case into one dbt project on DuckDB, loads
// seed rows that satisfy the contracts and asserts that `dbt build` passes;
// then it loads rows that break the orders contract (a duplicate key, a
// null in a required column, a value outside the accepted values) and the
// returns contract, and asserts that `dbt build` fails on exactly those
// tests. Two contracts (orders, returns) share the dbt source "shop", each
// with its own property files: dbt must see one source built from both.
func TestDbtBuild(t *testing.T) {
	if testing.Short() && !testenv.InCI() {
		t.Skip("dbt integration test skipped with -short (never in CI)")
	}
	dbt := findDbt(t)
	dir := t.TempDir()
	seeds := rawTables(scaffoldProject(t, dir))

	loadRaw(t, dbt, dir, seeds)
	out := runDbt(t, dbt, dir, true, "build", "--exclude", "tag:"+VolumeTag)
	assertNoWarnings(t, out)
	assertSharedSource(t, dir)
	assertNoNestedPII(t, dbt, dir)
	res := runResults(t, dir)
	kinds := map[string]int{}
	for id := range res {
		kinds[strings.SplitN(id, ".", 2)[0]]++
	}
	t.Logf("dbt build ran %d nodes: %v", len(res), kinds)
	if len(res) < 100 {
		t.Fatalf("dbt build ran only %d nodes; the project is not what was scaffolded", len(res))
	}
	for _, id := range []string{"model.it.stg_shop__orders", "model.it.stg_shop__returns", "model.it.fct_returns"} {
		if res[id] != "success" {
			t.Errorf("%s: %q, want success", id, res[id])
		}
	}
	for id, st := range res {
		// column-validity tolerates 5% invalid values: a warning, by design.
		tolerated := st == "warn" && strings.HasPrefix(id, "test.it.accepted_values_stg_ex_column_validity__")
		if st != "success" && st != "pass" && !tolerated {
			t.Errorf("%s: %s", id, st)
		}
	}

	// Break the orders contract and run everything, volume tests included:
	// orders' rowCount >= 1 passes, the official full-example's
	// rowCount > 1,000,000 fails on a handful of rows.
	breakOrders(t, seeds)
	loadRaw(t, dbt, dir, seeds)
	runDbt(t, dbt, dir, false, "build")
	res = runResults(t, dir)
	assertFailed(t, res,
		"test.it.unique_stg_shop__orders_order_id",
		"test.it.not_null_stg_shop__customers_email",
		"test.it.accepted_values_stg_shop__orders_status",
		"test.it.accepted_values_stg_shop__returns_reason",
		"test.it.dataeng_os_row_count_stg_ex_full_example__tbl_",
		"test.it.stg_melodify__plays__no_negative_durations",
		"test.it.relationships_stg_loja__pedidos_cliente_id",
		"test.it.dataeng_os_relationships_stg_loja__entregas")
	if st := res["model.it.fct_orders"]; st != "skipped" {
		t.Errorf("fct_orders: %s, want skipped after its staging tests failed", st)
	}
	for id, st := range res {
		if strings.HasPrefix(id, "test.it.dataeng_os_row_count_stg_shop__orders") && st != "pass" {
			t.Errorf("%s: %s, want pass", id, st)
		}
	}
}

// scaffoldProject renders every case into dir with a DuckDB profile.
func scaffoldProject(t *testing.T, dir string) []*plan {
	rules := contract.DefaultRules()
	all := map[string][]byte{}
	var plans []*plan
	for i, dc := range dbtCases(t) {
		data, err := os.ReadFile(dc.file)
		if err != nil {
			t.Fatal(err)
		}
		doc, fs := contract.Parse(dc.file, data)
		if doc == nil {
			t.Fatalf("%s: %v", dc.file, fs)
		}
		opts := Options{Source: dc.source, SourceSchema: "raw_" + dc.source, ContractFile: dc.file}
		if i == 0 {
			opts.ProjectName = "it"
		}
		files, err := Render(doc.Contract, rules, opts)
		if err != nil {
			t.Fatalf("render %s: %v", dc.file, err)
		}
		for k, v := range files {
			if prev, ok := all[k]; ok && string(prev) != string(v) {
				t.Fatalf("%s rendered twice with different content", k)
			}
			all[k] = v
		}
		p, err := buildPlan(doc.Contract, rules, opts)
		if err != nil {
			t.Fatal(err)
		}
		plans = append(plans, p)
	}
	if _, err := Write(dir, all, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	profile := fmt.Sprintf("it:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: %q\n      threads: 4\n",
		filepath.Join(dir, "it.duckdb"))
	mustWrite(t, filepath.Join(dir, "profiles.yml"), profile)
	return plans
}

// rawTables builds the raw rows of every contract.
func rawTables(plans []*plan) map[string]*seedTable {
	byName := map[string]*seedTable{}
	for _, p := range plans {
		for _, st := range seedTables(p) {
			byName[st.name] = st
		}
	}
	return byName
}

// loaderPy loads CSVs into DuckDB as all-varchar tables, so that the
// staging casts do the typing. It runs with the Python beside dbt, which
// has the duckdb module dbt-duckdb depends on (much faster than dbt seed).
const loaderPy = `import duckdb, json, sys
con = duckdb.connect(sys.argv[1])
for t in json.load(open(sys.argv[2])):
    con.execute('create schema if not exists "%s"' % t["schema"])
    con.execute('create or replace table "%s"."%s" as select * from read_csv(?, header=true, all_varchar=true)' % (t["schema"], t["alias"]), [t["csv"]])
con.close()
`

// loadRaw writes the raw tables as CSV and loads them into the database.
func loadRaw(t *testing.T, dbt, dir string, tables map[string]*seedTable) {
	t.Helper()
	var manifest []map[string]string
	names := make([]string, 0, len(tables))
	for n := range tables {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		st := tables[n]
		file := filepath.Join(dir, "raw", st.name+".csv")
		mustWrite(t, file, string(st.csv()))
		manifest = append(manifest, map[string]string{"schema": st.schema, "alias": st.alias, "csv": file})
	}
	js, _ := json.Marshal(manifest)
	mustWrite(t, filepath.Join(dir, "raw", "manifest.json"), string(js))
	mustWrite(t, filepath.Join(dir, "raw", "load.py"), loaderPy)
	py := filepath.Join(filepath.Dir(dbt), "python")
	out, err := exec.Command(py, filepath.Join(dir, "raw", "load.py"), filepath.Join(dir, "it.duckdb"),
		filepath.Join(dir, "raw", "manifest.json")).CombinedOutput()
	if err != nil {
		t.Fatalf("load raw tables with %s: %v\n%s", py, err, out)
	}
}

// breakOrders adds a duplicate order, a null e-mail and a bad status.
func breakOrders(t *testing.T, seeds map[string]*seedTable) {
	orders, customers := seeds["shop__orders"], seeds["shop__tbl_customers"]
	if orders == nil || customers == nil {
		t.Fatal("orders seeds missing")
	}
	orders.rows = append(orders.rows, append([]string(nil), orders.rows[1]...))
	orders.rows[2][orders.column("status")] = "bogus"
	customers.rows[3][customers.column("EMAIL_ADDR")] = ""
	returns := seeds["shop__order_returns"]
	if returns == nil {
		t.Fatal("returns seeds missing")
	}
	returns.rows[1][returns.column("reason")] = "changed_mind"
	plays := seeds["melodify__plays"]
	if plays == nil {
		t.Fatal("plays seeds missing")
	}
	plays.rows[2][plays.column("duration_ms")] = "-5" // the type: sql rule
	breakLoja(t, seeds)
}

// assertSharedSource reads dbt's manifest: the source "shop" must hold the
// tables of both contracts, each defined in its contract's own file.
func assertSharedSource(t *testing.T, dir string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "target", "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Sources map[string]struct {
			SourceName string `json:"source_name"`
			File       string `json:"original_file_path"`
			Loaded     string `json:"loaded_at_field"`
		} `json:"sources"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"source.it.shop.orders":    "models/staging/shop/_shop__shop_orders__sources.yml",
		"source.it.shop.customers": "models/staging/shop/_shop__shop_orders__sources.yml",
		"source.it.shop.returns":   "models/staging/shop/_shop__shop_returns__sources.yml",
	}
	for id, file := range want {
		src, ok := m.Sources[id]
		if !ok || src.SourceName != "shop" || filepath.ToSlash(src.File) != file {
			t.Errorf("dbt manifest %s = %+v, want source shop from %s", id, src, file)
		}
	}
	if got := m.Sources["source.it.shop.returns"].Loaded; got != "returned_at" {
		t.Errorf("shop.returns loaded_at_field = %q, want returned_at", got)
	}
}

func runDbt(t *testing.T, dbt, dir string, wantOK bool, args ...string) string {
	t.Helper()
	cmd := exec.Command(dbt, append(args, "--project-dir", dir, "--profiles-dir", dir, "--no-use-colors")...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "DBT_SEND_ANONYMOUS_USAGE_STATS=false", "DO_NOT_TRACK=1")
	start := time.Now()
	out, err := cmd.CombinedOutput()
	t.Logf("dbt %s: %s", strings.Join(args, " "), time.Since(start).Round(time.Millisecond))
	if wantOK && err != nil {
		t.Fatalf("dbt %s failed: %v\n%s", strings.Join(args, " "), err, tail(string(out), 60))
	}
	if !wantOK && err == nil {
		t.Fatalf("dbt %s passed, want a failure\n%s", strings.Join(args, " "), tail(string(out), 40))
	}
	return string(out)
}

// runResults reads target/run_results.json: unique_id → status.
func runResults(t *testing.T, dir string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "target", "run_results.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rr struct {
		Results []struct {
			UniqueID string `json:"unique_id"`
			Status   string `json:"status"`
		} `json:"results"`
	}
	if err := json.Unmarshal(data, &rr); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range rr.Results {
		out[r.UniqueID] = r.Status
	}
	return out
}

func mustWrite(t *testing.T, file, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func tail(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
