package web

import (
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/scaffold"
)

func TestLayoutColumnsAndOrder(t *testing.T) {
	t.Parallel()
	g := &Lineage{
		Nodes: []LNode{
			{ID: "m1", Kind: "mart", Label: "fct_orders"},
			{ID: "s2", Kind: "staging", Label: "stg_b"},
			{ID: "s1", Kind: "staging", Label: "stg_a"},
			{ID: "c2", Kind: "contract", Label: "B"},
			{ID: "c1", Kind: "contract", Label: "A"},
		},
		Edges: []LEdge{{"c1", "s2"}, {"c2", "s1"}, {"s1", "m1"}},
	}
	layout(g)
	pos := map[string]LNode{}
	for _, n := range g.Nodes {
		pos[n.ID] = n
	}
	// Columns: contract 0, staging 1, mart 2 (no empty columns for absent kinds).
	if pos["c1"].Layer != 0 || pos["s1"].Layer != 1 || pos["m1"].Layer != 2 {
		t.Fatalf("layers = %+v", pos)
	}
	if !(pos["c1"].X < pos["s1"].X && pos["s1"].X < pos["m1"].X) {
		t.Errorf("not left to right: %+v", pos)
	}
	// Staging follows its parents' order: stg_b (from A) above stg_a (from B).
	if pos["s2"].Y >= pos["s1"].Y {
		t.Errorf("staging order ignores parents: s2.Y=%v s1.Y=%v", pos["s2"].Y, pos["s1"].Y)
	}
	svg := string(g.SVG("s1"))
	for _, w := range []string{`data-from="c1" data-to="s2"`, `data-id="m1"`, `class="node kind-staging focus"`, "<svg", "</svg>"} {
		if !strings.Contains(svg, w) {
			t.Errorf("svg lacks %s", w)
		}
	}
	if g.Width <= 0 || g.Height <= 0 {
		t.Errorf("size %vx%v", g.Width, g.Height)
	}
}

func TestLineageAPI(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	code, body, _ := ts.req(t, "GET", "/api/lineage", nil, nil)
	if code != 200 {
		t.Fatalf("status %d: %s", code, body)
	}
	g := decode[Lineage](t, body)
	var hasContract, hasEdge bool
	for _, n := range g.Nodes {
		hasContract = hasContract || (n.ID == "contract:contracts/orders.yaml" && n.Href == "/editor?file=contracts%2Forders.yaml")
	}
	for _, e := range g.Edges {
		hasEdge = hasEdge || (e.From == "canvas:canvases/orders.md" && e.To == "contract:contracts/orders.yaml")
	}
	if !hasContract || !hasEdge {
		t.Fatalf("lineage = %s", body)
	}
}

func TestLineageCorruptRecord(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	mustWrite(t, ts.root+"/.dataeng-os/lineage.json", []byte("{not json"))
	code, body, _ := ts.req(t, "GET", "/api/lineage", nil, nil)
	if code != 200 {
		t.Fatalf("status %d: %s", code, body)
	}
	g := decode[Lineage](t, body)
	if len(g.Notes) == 0 || !strings.Contains(g.Notes[0], "invalid lineage record") {
		t.Errorf("notes = %v", g.Notes)
	}
	found := false
	for _, n := range g.Nodes {
		found = found || n.ID == "contract:contracts/orders.yaml"
	}
	if !found {
		t.Errorf("contracts missing when the record is corrupt: %s", body)
	}
	if code, body, _ := ts.req(t, "GET", "/lineage", nil, nil); code != 200 || !strings.Contains(string(body), "invalid lineage record") {
		t.Errorf("lineage page: %d", code)
	}
	if code, _, _ := ts.req(t, "POST", "/api/lineage", "", nil); code != 405 {
		t.Errorf("POST /api/lineage = %d, want 405", code)
	}
}

// TestLineageColoursShared: the graph draws each kind in scaffold's colour,
// and the page legend's CSS uses the same colours.
func TestLineageColoursShared(t *testing.T) {
	t.Parallel()
	css, err := assetFS.ReadFile("assets/style.css")
	if err != nil {
		t.Fatal(err)
	}
	g := &Lineage{Nodes: []LNode{{ID: "c", Kind: scaffold.KindContract, Label: "orders"}, {ID: "m", Kind: scaffold.KindMart, Label: strings.Repeat("x", 40)}},
		Edges: []LEdge{{From: "c", To: "m"}}}
	layout(g)
	svg := string(g.SVG(""))
	for _, k := range kindOrder {
		c := scaffold.NodeColors[k]
		if !strings.Contains(string(css), ".legend-item.kind-"+k+" { background: "+c.Fill+"; border-color: "+c.Stroke+"; }") {
			t.Errorf("legend CSS for %s does not use %v", k, c)
		}
	}
	for _, k := range []string{scaffold.KindContract, scaffold.KindMart} {
		c := scaffold.NodeColors[k]
		if !strings.Contains(svg, `fill="`+c.Fill+`" stroke="`+c.Stroke+`"`) {
			t.Errorf("svg does not draw %s in %v", k, c)
		}
	}
	if m := g.Nodes[1]; m.W < labelWidth(m.Label, m.Kind) || g.Width < m.X+m.W {
		t.Errorf("mart box %v too narrow for its label or cut off (width %v)", m, g.Width)
	}
}
