package web

import (
	"cmp"
	"context"
	"net/http"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dataeng-os/dataeng-os/scaffold"
)

// Node kinds, left to right; unknown kinds go last.
var kindOrder = scaffold.KindOrder

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
	W     float64 `json:"w"` // box width, from the column's longest label
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

// Layout sizes. A box is as wide as its column's longest label (up to
// maxLabel runes, the rest shown on hover), at about charW per rune of the
// 13 px label font.
const (
	minNodeW, nodeH = 150.0, 44.0
	charW           = 8.2
	padW            = 26.0
	maxLabel        = 48
	colGap          = 90.0
	rowGap          = 22.0
	margin          = 20.0
)

// labelWidth is the box width a label needs.
func labelWidth(label, kind string) float64 {
	n := min(utf8.RuneCountInString(label), maxLabel)
	k := utf8.RuneCountInString(kind)
	return max(minNodeW, padW+charW*float64(max(n, k)))
}

// buildLineage collects the graph from the project (scaffold.LoadLineage:
// canvases, contracts, objects and the scaffold's lineage record) plus every
// contract in the catalog, and lays it out.
func (s *Server) buildLineage(ctx context.Context) (*Lineage, error) {
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
	entries, err := s.catalogCtx(ctx)
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
	maxRows, x := 0, margin
	for _, nodes := range cols {
		w := minNodeW
		for _, n := range nodes {
			w = max(w, labelWidth(n.Label, n.Kind))
		}
		placeColumn(nodes, parents, row, x, w)
		maxRows = max(maxRows, len(nodes))
		x += w + colGap
	}
	g.Width = x - colGap + margin
	g.Height = 2*margin + float64(maxRows)*nodeH + float64(max(maxRows-1, 0))*rowGap
	slices.SortFunc(g.Nodes, func(a, b LNode) int {
		return cmp.Or(cmp.Compare(a.Layer, b.Layer), cmp.Compare(a.Y, b.Y))
	})
}

func placeColumn(nodes []*LNode, parents map[string][]string, row map[string]float64, x, w float64) {
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
		n.X, n.W = x, w
		n.Y = margin + float64(i)*(nodeH+rowGap)
	}
}

// apiLineage returns the laid-out lineage graph as JSON.
func (s *Server) apiLineage(w http.ResponseWriter, r *http.Request) {
	g, err := s.buildLineage(r.Context())
	if gone(r) {
		return
	}
	if err != nil {
		writeError(w, http.StatusInternalServerError, "lineage: %v", err)
		return
	}
	writeJSON(w, http.StatusOK, g)
}
