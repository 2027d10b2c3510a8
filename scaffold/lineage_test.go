package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/internal/testenv"

	"github.com/dataeng-os/dataeng-os/contract"
)

func lineageProject(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	data, err := os.ReadFile("testdata/orders/contract.yaml")
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(root, "contracts", "orders.odcs.yaml"), string(data))
	mustWrite(t, filepath.Join(root, "contracts", "leads.odcs.yaml"), "apiVersion: v3.1.0\nkind: DataContract\nid: leads\nversion: 1.0.0\nstatus: draft\nschema:\n  - name: lead\n")
	mustWrite(t, filepath.Join(root, "canvases", "orders.md"), "# Orders canvas\n")
	mustWrite(t, filepath.Join(root, "canvases", "funnel.md"), "See [the contract](../contracts/leads.odcs.yaml).\n")
	doc, _ := contract.Parse("orders", data)
	entry, err := LineageOf(doc.Contract, contract.DefaultRules(), Options{ContractFile: "contracts/orders.odcs.yaml"}, ".")
	if err != nil {
		t.Fatal(err)
	}
	if err := UpdateLineage(root, entry); err != nil {
		t.Fatal(err)
	}
	return root
}

func TestLoadLineage(t *testing.T) {
	t.Parallel()
	root := lineageProject(t)
	g, err := LoadLineage(root)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	for _, n := range g.Nodes {
		kinds[n.ID] = n.Kind
	}
	wantNodes := map[string]string{
		"canvas:canvases/orders.md":                     KindCanvas,
		"canvas:canvases/funnel.md":                     KindCanvas,
		"contract:contracts/orders.odcs.yaml":           KindContract,
		"contract:contracts/leads.odcs.yaml":            KindContract,
		"contract:contracts/orders.odcs.yaml#customers": KindObject,
		"contract:contracts/leads.odcs.yaml#lead":       KindObject,
		"model:stg_shop__customers":                     KindStaging,
		"model:stg_shop__orders":                        KindStaging,
		"model:dim_customers":                           KindMart,
		"model:fct_orders":                              KindMart,
	}
	for id, k := range wantNodes {
		if kinds[id] != k {
			t.Errorf("node %s: kind %q, want %q", id, kinds[id], k)
		}
	}
	edges := map[Edge]bool{}
	for _, e := range g.Edges {
		edges[e] = true
	}
	for _, e := range []Edge{
		{"canvas:canvases/orders.md", "contract:contracts/orders.odcs.yaml"},
		{"canvas:canvases/funnel.md", "contract:contracts/leads.odcs.yaml"},
		{"contract:contracts/orders.odcs.yaml", "contract:contracts/orders.odcs.yaml#orders"},
		{"contract:contracts/orders.odcs.yaml#orders", "model:stg_shop__orders"},
		{"model:stg_shop__orders", "model:fct_orders"},
	} {
		if !edges[e] {
			t.Errorf("missing edge %v", e)
		}
	}
	if edges[Edge{"canvas:canvases/orders.md", "contract:contracts/leads.odcs.yaml"}] {
		t.Error("canvas linked to an unrelated contract")
	}
	for _, n := range g.Nodes {
		if n.ID == "model:fct_orders" && n.Path != "models/marts/sales/fct_orders.sql" {
			t.Errorf("fct_orders path %q", n.Path)
		}
	}
	m := Mermaid(g)
	if !strings.HasPrefix(m, "flowchart LR\n") || !strings.Contains(m, "fct_orders") || !strings.Contains(m, " --> ") {
		t.Errorf("mermaid:\n%s", m)
	}
	d := DOT(g)
	if !strings.Contains(d, `"model:stg_shop__orders" -> "model:fct_orders";`) {
		t.Errorf("dot:\n%s", d)
	}
}

func TestLineageMerge(t *testing.T) {
	t.Parallel()
	root := lineageProject(t)
	rec, err := ReadLineage(root)
	if err != nil || len(rec.Contracts) != 1 {
		t.Fatalf("%v %+v", err, rec)
	}
	again := rec.Contracts[0]
	again.Version = "9.9.9"
	if err := UpdateLineage(root, again, LineageContract{File: "contracts/b.yaml", ID: "b"}); err != nil {
		t.Fatal(err)
	}
	rec, _ = ReadLineage(root)
	if len(rec.Contracts) != 2 || rec.Contracts[1].Version != "9.9.9" {
		t.Fatalf("merge: %+v", rec.Contracts)
	}
	mustWrite(t, filepath.Join(root, LineageFile), "{not json")
	if _, err := LoadLineage(root); err == nil || !strings.Contains(err.Error(), "lineage.json") {
		t.Fatalf("corrupt record: %v", err)
	}
}

func TestLoadLineageEmptyProject(t *testing.T) {
	t.Parallel()
	g, err := LoadLineage(t.TempDir())
	if err != nil || len(g.Nodes) != 0 || g.Edges == nil {
		t.Fatalf("%v %+v", err, g)
	}
}

func TestUpdateLineageRefusesSymlinks(t *testing.T) {
	t.Parallel()
	for _, link := range []string{".dataeng-os", ".dataeng-os/lineage.json"} {
		t.Run(link, func(t *testing.T) {
			t.Parallel()
			root, outside := t.TempDir(), t.TempDir()
			dest := outside
			if strings.HasSuffix(link, ".json") {
				if err := os.MkdirAll(filepath.Join(root, ".dataeng-os"), 0o755); err != nil {
					t.Fatal(err)
				}
				dest = filepath.Join(outside, "lineage.json")
			}
			if err := os.Symlink(dest, filepath.Join(root, filepath.FromSlash(link))); err != nil {
				testenv.Missing(t, "symlink support (%v)", err)
			}
			err := UpdateLineage(root, LineageContract{File: "contracts/a.yaml", ID: "a"})
			if err == nil || !strings.Contains(err.Error(), "symbolic link") || !strings.Contains(err.Error(), link+" is a link") {
				t.Fatalf("err = %v, want a symlink refusal", err)
			}
			if ents, _ := os.ReadDir(outside); len(ents) != 0 {
				t.Fatalf("wrote outside the project: %v", ents)
			}
		})
	}
}

func TestCheckIDs(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	for _, f := range []string{"contracts/a.yaml", "contracts/b.yaml"} {
		p := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("id: x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := UpdateLineage(root, LineageContract{File: "contracts/a.yaml", ID: "orders"}, LineageContract{File: "contracts/gone.yaml", ID: "leads"}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		entries []LineageContract
		want    string // "" = allowed
	}{
		{"same file again", []LineageContract{{File: "contracts/a.yaml", ID: "orders"}}, ""},
		{"new id", []LineageContract{{File: "contracts/b.yaml", ID: "subs"}}, ""},
		{"recorded file gone", []LineageContract{{File: "contracts/b.yaml", ID: "leads"}}, ""},
		{"other run's id", []LineageContract{{File: "contracts/b.yaml", ID: "orders"}}, "contracts/a.yaml and contracts/b.yaml both have id \"orders\""},
		{"one run", []LineageContract{{File: "contracts/b.yaml", ID: "subs"}, {File: "contracts/c.yaml", ID: "subs"}}, "contracts/b.yaml and contracts/c.yaml both have id \"subs\""},
	} {
		err := CheckIDs(root, tc.entries...)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: unexpected error %v", tc.name, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestDOTRanksAndColours: DOT lines each kind up with rank=same and uses the
// shared colours, as Mermaid does.
func TestDOTRanksAndColours(t *testing.T) {
	t.Parallel()
	g := Graph{Nodes: []Node{{ID: "canvas:a", Kind: KindCanvas, Label: "a"}, {ID: "contract:a", Kind: KindContract, Label: "a"},
		{ID: "contract:b", Kind: KindContract, Label: "b"}, {ID: "model:stg", Kind: KindStaging, Label: "stg"}}}
	dot, mer := DOT(g), Mermaid(g)
	for _, want := range []string{`{ rank=same; "contract:a"; "contract:b"; }`, `{ rank=same; "canvas:a"; }`,
		`fillcolor="` + NodeColors[KindStaging].Fill + `"`, `color="` + NodeColors[KindContract].Stroke + `"`} {
		if !strings.Contains(dot, want) {
			t.Errorf("DOT lacks %s:\n%s", want, dot)
		}
	}
	if !strings.Contains(mer, "classDef staging fill:"+NodeColors[KindStaging].Fill+",stroke:"+NodeColors[KindStaging].Stroke) {
		t.Errorf("Mermaid colours differ:\n%s", mer)
	}
}
