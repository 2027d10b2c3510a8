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
	b.WriteString("  classDef canvas fill:#fff4d6,stroke:#b58a00\n")
	b.WriteString("  classDef contract fill:#dbeafe,stroke:#1d4ed8\n")
	b.WriteString("  classDef object fill:#ede9fe,stroke:#6d28d9\n")
	b.WriteString("  classDef staging fill:#dcfce7,stroke:#15803d\n")
	b.WriteString("  classDef mart fill:#fee2e2,stroke:#b91c1c\n")
	return b.String()
}

// DOT renders the graph for Graphviz.
func DOT(g Graph) string {
	var b strings.Builder
	b.WriteString("digraph lineage {\n  rankdir=LR;\n  node [shape=box, style=rounded];\n")
	shapes := map[string]string{KindCanvas: "note", KindContract: "component", KindObject: "box", KindStaging: "box", KindMart: "box3d"}
	for _, n := range g.Nodes {
		fmt.Fprintf(&b, "  %s [label=%s, shape=%s];\n", dotQuote(n.ID), dotQuote(n.Label+"\n("+n.Kind+")"), shapes[n.Kind])
	}
	for _, e := range g.Edges {
		fmt.Fprintf(&b, "  %s -> %s;\n", dotQuote(e.From), dotQuote(e.To))
	}
	b.WriteString("}\n")
	return b.String()
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
