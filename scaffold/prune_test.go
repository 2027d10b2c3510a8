package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

func TestContractKey(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, id, want string
	}{
		{"Shop orders", "x", "shop_orders"},
		{"", "urn:datacontract:shop:returns", "returns"},
		{"", "53581432-6c55-4ba2-a65f-72344a91553a", "53581432_6c55_4ba2_a65f_72344a91553a"},
		{"", "https://example.com/contracts/leads/", "leads"},
		{"Pedidos de exportação", "", "pedidos_de_exportacao"},
		{"", "", "contract"},
		{strings.Repeat("very long name ", 10), "", "very_long_name_very_long_name_very_long_name_very_long_name"},
	}
	for _, tt := range tests {
		if got := contractKey(&contract.Contract{Name: tt.name, ID: tt.id}); got != tt.want {
			t.Errorf("contractKey(%q, %q) = %q, want %q", tt.name, tt.id, got, tt.want)
		}
	}
}

// renderCase renders a golden case's contract, optionally edited first.
func renderCase(t *testing.T, dir string, edit func(*contract.Contract)) map[string][]byte {
	t.Helper()
	c, rules, opts := loadCase(t, dir)
	if edit != nil {
		edit(c)
	}
	files, err := Render(c, rules, opts)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func statuses(rep Report) map[string]Status {
	out := map[string]Status{}
	for _, f := range rep.Files {
		out[f.Path] = f.Status
	}
	return out
}

// TestSharedSource: two contracts on the dbt source "shop" each own their
// property files, in one run or in two, and a contract named after its
// source keeps the short _<source>__*.yml names.
func TestSharedSource(t *testing.T) {
	t.Parallel()
	orders := renderCase(t, "testdata/orders", nil)
	returns := renderCase(t, "testdata/shop_returns", nil)
	for _, f := range []string{"_shop__shop_orders__sources.yml", "_shop__shop_orders__models.yml"} {
		if _, ok := orders["models/staging/shop/"+f]; !ok {
			t.Errorf("orders: no %s", f)
		}
	}
	for name, data := range returns {
		if prev, ok := orders[name]; ok && string(prev) != string(data) {
			t.Errorf("both contracts generate %s with different content", name)
		}
	}
	out := t.TempDir()
	for _, files := range []map[string][]byte{orders, returns, orders} {
		rep, err := Write(out, files, WriteOptions{Prune: true})
		if err != nil || len(rep.Skipped()) > 0 || rep.Count(StatusRemoved) > 0 {
			t.Fatalf("write: %v %+v", err, rep)
		}
	}
	all := map[string][]byte{}
	for _, files := range []map[string][]byte{orders, returns} {
		for k, v := range files {
			all[k] = v
		}
	}
	if rep, _ := Write(out, all, WriteOptions{Check: true, Prune: true}); rep.Drift() {
		t.Errorf("check after two runs: %+v", rep)
	}

	// a different contract with the same name is a conflict, not an overwrite
	twin := renderCase(t, "testdata/shop_returns", func(c *contract.Contract) { c.ID, c.Name = "other", "Shop orders" })
	rep, _ := Write(out, twin, WriteOptions{Prune: true})
	if st := statuses(rep)["models/staging/shop/_shop__shop_orders__sources.yml"]; st != StatusConflict {
		t.Errorf("same contract name on one source: %s, want conflict", st)
	}

	short := renderCase(t, "testdata/orders", func(c *contract.Contract) { c.Name = "Shop" })
	if _, ok := short["models/staging/shop/_shop__sources.yml"]; !ok {
		t.Errorf("a contract named after its source: %v", keys(short))
	}
}

// TestPruneStaleFiles: files whose header names the contract but that it no
// longer generates are reported by check, removed when unedited, kept when
// edited (unless forced); other contracts' and hand-made files stay.
func TestPruneStaleFiles(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	orders := renderCase(t, "testdata/orders", nil)
	returns := renderCase(t, "testdata/shop_returns", nil)
	if rep, err := Write(out, orders, WriteOptions{Check: true, Prune: true}); err != nil || rep.Count(StatusMissing) != len(orders) {
		t.Fatalf("check of an empty directory: %v %v", err, statuses(rep))
	}
	for _, files := range []map[string][]byte{orders, returns} {
		if _, err := Write(out, files, WriteOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	legacy := "models/staging/shop/_shop__sources.yml" // the name before per-contract files
	mustWrite(t, filepath.Join(out, legacy), string(withHeader(legacy, RenderedLabel(&contract.Contract{ID: "urn:datacontract:shop:orders", Version: "1.1.0"}), []byte("version: 2\n"))))
	mustWrite(t, filepath.Join(out, "models/staging/shop/notes.sql"), "select 1\n")
	edited := "models/staging/shop/stg_shop__customers.sql"
	mustWrite(t, filepath.Join(out, edited), string(orders[edited])+"-- tweak\n")

	// orders drops the customers object (and its dim_customers mart)
	v2 := renderCase(t, "testdata/orders", func(c *contract.Contract) {
		c.Schema = c.Schema[1:]
		c.SLAProperties = nil
	})
	rep, err := Write(out, v2, WriteOptions{Check: true, Prune: true})
	st := statuses(rep)
	wantStale := []string{legacy, edited, "models/marts/sales/dim_customers.sql", "models/marts/sales/_dim_customers__models.yml"}
	for _, p := range wantStale {
		if st[p] != StatusStale {
			t.Errorf("check: %s is %q, want stale", p, st[p])
		}
	}
	if err != nil || !rep.Drift() || len(st) != len(v2)+len(wantStale) {
		t.Fatalf("check: %v %v", err, st)
	}
	for _, f := range rep.Files {
		if f.Path == "models/marts/sales/dim_customers.sql" && !strings.HasPrefix(f.Diff, "--- models/marts/sales/dim_customers.sql\n+++ /dev/null\n") {
			t.Errorf("stale diff:\n%s", f.Diff)
		}
	}
	if _, err := os.Stat(filepath.Join(out, legacy)); err != nil {
		t.Fatal("check mode removed a file")
	}

	rep, err = Write(out, v2, WriteOptions{Prune: true})
	st = statuses(rep)
	if err != nil || st[edited] != StatusStale || st[legacy] != StatusRemoved || rep.Count(StatusRemoved) != 3 || len(rep.Skipped()) != 1 {
		t.Fatalf("write: %v %v", err, st)
	}
	for _, p := range []string{edited, "models/staging/shop/notes.sql", "models/staging/shop/stg_shop__returns.sql",
		"models/staging/shop/_shop__shop_returns__sources.yml", "models/marts/sales/fct_returns.sql"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("%s was removed", p)
		}
	}
	if _, err := os.Stat(filepath.Join(out, legacy)); err == nil {
		t.Errorf("stale %s kept", legacy)
	}

	rep, _ = Write(out, v2, WriteOptions{Prune: true, Force: true})
	if st := statuses(rep); st[edited] != StatusRemoved || rep.Drift() && len(rep.Skipped()) > 0 {
		t.Errorf("force: %v", st)
	}
	if rep, _ := Write(out, v2, WriteOptions{Prune: true, Check: true}); rep.Drift() {
		t.Errorf("check after prune: %+v", statuses(rep))
	}
}
