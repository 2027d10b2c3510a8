package scaffold

import (
	"fmt"
	"strings"
)

// Mermaid renders the graph as a Mermaid flowchart.
func Mermaid(g Graph) string {
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	ids := shortIDs(g)
	for _, n := range g.Nodes {
		label := strings.NewReplacer(`"`, "#quot;", "\n", " ").Replace(n.Label)
		fmt.Fprintf(&b, "  %s[\"%s<br/><i>%s</i>\"]:::%s\n", ids[n.ID], label, n.Kind, n.Kind)
	}
	for _, e := range g.Edges {
		fmt.Fprintf(&b, "  %s --> %s\n", ids[e.From], ids[e.To])
	}
	for _, k := range sortedKinds() {
		c := NodeColors[k]
		fmt.Fprintf(&b, "  classDef %s fill:%s,stroke:%s\n", k, c.Fill, c.Stroke)
	}
	return b.String()
}

// DOT renders the graph for Graphviz: the kinds' shared colours, and one
// rank=same group per kind so that canvas, contract, object, staging and
// mart line up in columns.
func DOT(g Graph) string {
	var b strings.Builder
	b.WriteString("digraph lineage {\n  rankdir=LR;\n  node [shape=box, style=\"rounded,filled\"];\n")
	shapes := map[string]string{KindCanvas: "note", KindContract: "component", KindObject: "box", KindStaging: "box", KindMart: "box3d"}
	byKind := map[string][]string{}
	for _, n := range g.Nodes {
		c := ColorOf(n.Kind)
		fmt.Fprintf(&b, "  %s [label=%s, shape=%s, fillcolor=%s, color=%s];\n", dotQuote(n.ID), dotQuote(n.Label+"\n("+n.Kind+")"),
			cmpOr(shapes[n.Kind], "box"), dotQuote(c.Fill), dotQuote(c.Stroke))
		byKind[n.Kind] = append(byKind[n.Kind], dotQuote(n.ID))
	}
	for _, k := range KindOrder {
		if ids := byKind[k]; len(ids) > 0 {
			fmt.Fprintf(&b, "  { rank=same; %s; }\n", strings.Join(ids, "; "))
		}
	}
	for _, e := range g.Edges {
		fmt.Fprintf(&b, "  %s -> %s;\n", dotQuote(e.From), dotQuote(e.To))
	}
	b.WriteString("}\n")
	return b.String()
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func dotQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

// shortIDs gives Mermaid-safe node ids (n0, n1, ...) in node order.
func shortIDs(g Graph) map[string]string {
	ids := make(map[string]string, len(g.Nodes))
	for i, n := range g.Nodes {
		ids[n.ID] = fmt.Sprintf("n%d", i)
	}
	return ids
}
