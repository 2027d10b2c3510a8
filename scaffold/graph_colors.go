package scaffold

import "sort"

// NodeColor is how a lineage node kind is drawn.
type NodeColor struct {
	Fill, Stroke string
}

// NodeColors gives each lineage node kind one colour, shared by the
// cockpit's graph, Mermaid and DOT output.
var NodeColors = map[string]NodeColor{
	KindCanvas:     {Fill: "#fef6e7", Stroke: "#e6b85c"},
	KindContract:   {Fill: "#e8efff", Stroke: "#6f95ff"},
	KindObject:     {Fill: "#f3f4f7", Stroke: "#8d97ab"},
	KindStaging:    {Fill: "#e6f6ee", Stroke: "#5fbf8a"},
	"intermediate": {Fill: "#eef7f9", Stroke: "#6cb6c8"},
	KindMart:       {Fill: "#f3ecfc", Stroke: "#a57de0"},
}

// ColorOf is a kind's colour (a neutral one for an unknown kind).
func ColorOf(kind string) NodeColor {
	if c, ok := NodeColors[kind]; ok {
		return c
	}
	return NodeColor{Fill: "#ffffff", Stroke: "#b8c1d3"}
}

// KindOrder lists the node kinds left to right, as every lineage drawing
// lays them out.
var KindOrder = []string{KindCanvas, KindContract, KindObject, KindStaging, "intermediate", KindMart}

func sortedKinds() []string {
	ks := make([]string, 0, len(NodeColors))
	for k := range NodeColors {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
