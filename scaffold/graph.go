package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

// Node kinds of the lineage graph.
const (
	KindCanvas   = "canvas"
	KindContract = "contract"
	KindObject   = "object"
	KindStaging  = "staging"
	KindMart     = "mart"
)

// Node is one box of the lineage graph.
type Node struct {
	ID    string `json:"id"`
	Kind  string `json:"kind"`
	Label string `json:"label"`
	Path  string `json:"path,omitempty"` // relative to the project root
}

// Edge points from an upstream node to a downstream one.
type Edge struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Graph is canvas → contract → schema object → staging → mart.
type Graph struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
}

type graphBuilder struct {
	g     Graph
	nodes map[string]int
	edges map[Edge]bool
}

func (b *graphBuilder) node(n Node) {
	if i, ok := b.nodes[n.ID]; ok {
		if b.g.Nodes[i].Path == "" {
			b.g.Nodes[i].Path = n.Path
		}
		return
	}
	b.nodes[n.ID] = len(b.g.Nodes)
	b.g.Nodes = append(b.g.Nodes, n)
}

func (b *graphBuilder) edge(from, to string) {
	e := Edge{From: from, To: to}
	if !b.edges[e] {
		b.edges[e] = true
		b.g.Edges = append(b.g.Edges, e)
	}
}

// LoadLineage builds the lineage graph of a project from its canvases
// (canvases/*.md), contracts (contracts/*.yaml) and the scaffold record.
// A canvas links to the contract with the same base name
// (canvases/orders.md → contracts/orders.odcs.yaml) or whose path it
// mentions.
func LoadLineage(projectRoot string) (Graph, error) {
	b := &graphBuilder{nodes: map[string]int{}, edges: map[Edge]bool{}}
	contracts, err := listFiles(projectRoot, ContractsDir, ".yaml", ".yml")
	if err != nil {
		return Graph{}, err
	}
	for _, rel := range contracts {
		b.addContractFile(projectRoot, rel)
	}
	rec, err := ReadLineage(projectRoot)
	if err != nil {
		return Graph{}, err
	}
	for _, lc := range rec.Contracts {
		b.addRecord(lc)
	}
	canvases, err := listFiles(projectRoot, CanvasesDir, ".md")
	if err != nil {
		return Graph{}, err
	}
	for _, rel := range canvases {
		b.addCanvas(projectRoot, rel, contracts)
	}
	sortGraph(&b.g)
	return b.g, nil
}

func contractNodeID(rel string) string { return "contract:" + rel }

func (b *graphBuilder) addContractFile(root, rel string) {
	label := strings.TrimSuffix(path.Base(rel), path.Ext(rel))
	var objects []string
	if data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel))); err == nil {
		if doc, _ := contract.Parse(rel, data); doc != nil && doc.Contract != nil {
			label = firstNonEmpty(doc.Contract.Name, doc.Contract.ID, label)
			for _, o := range doc.Contract.Schema {
				objects = append(objects, o.Name)
			}
		}
	}
	id := contractNodeID(rel)
	b.node(Node{ID: id, Kind: KindContract, Label: label, Path: rel})
	for _, o := range objects {
		oid := id + "#" + o
		b.node(Node{ID: oid, Kind: KindObject, Label: o, Path: rel})
		b.edge(id, oid)
	}
}

func (b *graphBuilder) addRecord(lc LineageContract) {
	rel := lc.File
	if rel == "" {
		rel = lc.ID
	}
	id := contractNodeID(rel)
	b.node(Node{ID: id, Kind: KindContract, Label: firstNonEmpty(lc.Name, lc.ID, rel), Path: lc.File})
	for _, o := range lc.Objects {
		oid := id + "#" + o.Name
		b.node(Node{ID: oid, Kind: KindObject, Label: o.Name, Path: lc.File})
		b.edge(id, oid)
		sid := "model:" + o.Staging.Name
		b.node(Node{ID: sid, Kind: KindStaging, Label: o.Staging.Name, Path: o.Staging.Path})
		b.edge(oid, sid)
		for _, m := range o.Marts {
			mid := "model:" + m.Name
			b.node(Node{ID: mid, Kind: KindMart, Label: m.Name, Path: m.Path})
			b.edge(sid, mid)
		}
	}
}

func (b *graphBuilder) addCanvas(root, rel string, contracts []string) {
	id := "canvas:" + rel
	base := strings.TrimSuffix(path.Base(rel), ".md")
	b.node(Node{ID: id, Kind: KindCanvas, Label: base, Path: rel})
	text, _ := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	for _, c := range contracts {
		if contractBase(c) == base || strings.Contains(string(text), c) {
			b.edge(id, contractNodeID(c))
		}
	}
}

// contractBase strips .odcs.yaml/.yaml/.yml from a contract file name.
func contractBase(rel string) string {
	name := path.Base(rel)
	for _, suf := range []string{".odcs.yaml", ".odcs.yml", ".yaml", ".yml"} {
		if strings.HasSuffix(name, suf) {
			return strings.TrimSuffix(name, suf)
		}
	}
	return name
}

// listFiles walks root/dir for files with one of the extensions and returns
// slash paths relative to root, sorted. A missing dir gives none.
func listFiles(root, dir string, exts ...string) ([]string, error) {
	var out []string
	base := filepath.Join(root, dir)
	err := filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return filepath.SkipDir
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		for _, e := range exts {
			if strings.HasSuffix(d.Name(), e) {
				rel, rerr := filepath.Rel(root, p)
				if rerr != nil {
					return rerr
				}
				out = append(out, filepath.ToSlash(rel))
				break
			}
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("list %s: %w", base, err)
	}
	sort.Strings(out)
	return out, nil
}

var kindOrder = map[string]int{KindCanvas: 0, KindContract: 1, KindObject: 2, KindStaging: 3, KindMart: 4}

func sortGraph(g *Graph) {
	sort.SliceStable(g.Nodes, func(i, j int) bool {
		a, b := g.Nodes[i], g.Nodes[j]
		if kindOrder[a.Kind] != kindOrder[b.Kind] {
			return kindOrder[a.Kind] < kindOrder[b.Kind]
		}
		return a.ID < b.ID
	})
	sort.Slice(g.Edges, func(i, j int) bool {
		a, b := g.Edges[i], g.Edges[j]
		if a.From != b.From {
			return a.From < b.From
		}
		return a.To < b.To
	})
	if g.Nodes == nil {
		g.Nodes = []Node{}
	}
	if g.Edges == nil {
		g.Edges = []Edge{}
	}
}
