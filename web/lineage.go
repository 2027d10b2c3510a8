package web

import (
	"cmp"
	"net/http"
	"slices"
	"sort"
	"strings"
)

// Node kinds, left to right (scaffold.Kind*); unknown kinds go last.
var kindOrder = []string{"canvas", "contract", "object", "staging", "mart"}

// LNode is one lineage node, with its layout.
type LNode struct {
	ID    string  `json:"id"`
	Kind  string  `json:"kind"` // canvas, contract, object, staging, intermediate, mart
	Label string  `json:"label"`
	File  string  `json:"file,omitempty"` // project-relative file, when there is one
	Href  string  `json:"href,omitempty"` // where a click goes
	Layer int     `json:"layer"`
	X     float64 `json:"x"`
	Y     float64 `json:"y"`
}

// LEdge is a directed lineage edge (From feeds To).
type LEdge struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Lineage is the laid-out graph the page draws and /api/lineage returns.
type Lineage struct {
	Nodes  []LNode  `json:"nodes"`
	Edges  []LEdge  `json:"edges"`
	Width  float64  `json:"width"`
	Height float64  `json:"height"`
	Notes  []string `json:"notes,omitempty"` // e.g. lineage record unreadable
}

// Layout sizes.
const (
	nodeW, nodeH = 200.0, 44.0
	colGap       = 90.0
	rowGap       = 22.0
	margin       = 20.0
)

// buildLineage collects the graph from the project (scaffold.LoadLineage:
// canvases, contracts, objects and the scaffold's lineage record) plus every
// contract in the catalog, and lays it out.
func (s *Server) buildLineage() (*Lineage, error) {
	g := &Lineage{}
	nodes := map[string]*LNode{}
	add := func(n LNode) {
		if old, ok := nodes[n.ID]; ok {
			if old.File == "" {
				old.File = n.File
			}
			return
		}
		nn := n
		nodes[n.ID] = &nn
	}
	edges := map[LEdge]bool{}
	link := func(from, to string) { edges[LEdge{from, to}] = true }
	if err := s.addScaffoldLineage(add, link); err != nil {
		g.Notes = append(g.Notes, "lineage record: "+s.redact(err.Error()))
	}
	entries, err := s.Catalog()
	if err != nil {
		return nil, err
	}
	for _, e := range entries { // the catalog's names win; broken files still show
		id := contractNodeID(e.File)
		if n, ok := nodes[id]; ok && e.Parsed {
			n.Label = cmp.Or(e.Name, n.Label)
		}
		add(LNode{ID: id, Kind: "contract", Label: cmp.Or(e.Name, e.File), File: e.File})
	}
	for _, n := range nodes {
		n.Href = nodeHref(*n)
		g.Nodes = append(g.Nodes, *n)
	}
	for e := range edges {
		if nodes[e.From] != nil && nodes[e.To] != nil {
			g.Edges = append(g.Edges, e)
		}
	}
	sort.Slice(g.Edges, func(i, j int) bool {
		return g.Edges[i].From+"\x00"+g.Edges[i].To < g.Edges[j].From+"\x00"+g.Edges[j].To
	})
	layout(g)
	return g, nil
}

// contractNodeID is the node ID of a contract file.
func contractNodeID(rel string) string { return "contract:" + rel }

func nodeHref(n LNode) string {
	if n.Kind == "contract" && n.File != "" {
		return "/editor?file=" + urlQueryEscape(n.File)
	}
	return "/lineage?focus=" + urlQueryEscape(n.ID)
}

func kindRank(kind string) int {
	if i := slices.Index(kindOrder, kind); i >= 0 {
		return i
	}
	return len(kindOrder)
}

// layout places nodes in columns by kind (empty kinds take no column) and
// orders each column by the mean row of its parents, to keep edges short.
func layout(g *Lineage) {
	used := map[int]bool{}
	for _, n := range g.Nodes {
		used[kindRank(n.Kind)] = true
	}
	ranks := make([]int, 0, len(used))
	for r := range used {
		ranks = append(ranks, r)
	}
	slices.Sort(ranks)
	col := map[int]int{}
	for i, r := range ranks {
		col[r] = i
	}
	parents := map[string][]string{}
	for _, e := range g.Edges {
		parents[e.To] = append(parents[e.To], e.From)
	}
	row := map[string]float64{}
	cols := make([][]*LNode, len(ranks))
	for i := range g.Nodes {
		n := &g.Nodes[i]
		n.Layer = col[kindRank(n.Kind)]
		cols[n.Layer] = append(cols[n.Layer], n)
	}
	maxRows := 0
	for c, nodes := range cols {
		placeColumn(c, nodes, parents, row)
		maxRows = max(maxRows, len(nodes))
	}
	g.Width = 2*margin + float64(len(cols))*nodeW + float64(max(len(cols)-1, 0))*colGap
	g.Height = 2*margin + float64(maxRows)*nodeH + float64(max(maxRows-1, 0))*rowGap
	slices.SortFunc(g.Nodes, func(a, b LNode) int {
		return cmp.Or(cmp.Compare(a.Layer, b.Layer), cmp.Compare(a.Y, b.Y))
	})
}

func placeColumn(c int, nodes []*LNode, parents map[string][]string, row map[string]float64) {
	key := func(n *LNode) float64 {
		ps := parents[n.ID]
		sum, k := 0.0, 0
		for _, p := range ps {
			if r, ok := row[p]; ok {
				sum += r
				k++
			}
		}
		if k == 0 {
			return 1e9
		}
		return sum / float64(k)
	}
	slices.SortStableFunc(nodes, func(a, b *LNode) int {
		return cmp.Or(cmp.Compare(key(a), key(b)), strings.Compare(a.Label, b.Label), strings.Compare(a.ID, b.ID))
	})
	for i, n := range nodes {
		row[n.ID] = float64(i)
		n.X = margin + float64(c)*(nodeW+colGap)
		n.Y = margin + float64(i)*(nodeH+rowGap)
	}
}

// apiLineage returns the laid-out lineage graph as JSON.
func (s *Server) apiLineage(w http.ResponseWriter, r *http.Request) {
	g, err := s.buildLineage()
	if err != nil {
		writeError(w, http.StatusInternalServerError, "lineage: %v", err)
		return
	}
	writeJSON(w, http.StatusOK, g)
}
