package web

import (
	"fmt"
	"html"
	"html/template"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/dataeng-os/dataeng-os/scaffold"
)

func urlQueryEscape(s string) string { return url.QueryEscape(s) }

// SVG draws the laid-out lineage as inline SVG. Nodes are links (contracts
// open in the editor); every node carries data-id/data-kind and every edge
// data-from/data-to, so the page script and tests can follow the graph.
// focus, when set, highlights that node.
func (g *Lineage) SVG(focus string) template.HTML {
	var b strings.Builder
	w, h := max(g.Width, 300), max(g.Height, 120)
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="lineage" id="lineage-svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" role="img" aria-label="lineage graph">`, w, h, w, h)
	b.WriteString(`<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead"/></marker></defs>`)
	pos := map[string]LNode{}
	for _, n := range g.Nodes {
		pos[n.ID] = n
	}
	b.WriteString(`<g class="edges">`)
	for _, e := range g.Edges {
		a, z := pos[e.From], pos[e.To]
		x1, y1 := a.X+a.W, a.Y+nodeH/2
		x2, y2 := z.X, z.Y+nodeH/2
		mx := (x1 + x2) / 2
		fmt.Fprintf(&b, `<path class="edge" data-from="%s" data-to="%s" d="M %.1f %.1f C %.1f %.1f, %.1f %.1f, %.1f %.1f" marker-end="url(#arrow)"/>`,
			attr(e.From), attr(e.To), x1, y1, mx, y1, mx, y2, x2, y2)
	}
	b.WriteString(`</g><g class="nodes">`)
	for _, n := range g.Nodes {
		cls := "node kind-" + n.Kind
		if n.ID == focus {
			cls += " focus"
		}
		fmt.Fprintf(&b, `<a href="%s" class="node-link"><g class="%s" data-id="%s" data-kind="%s" data-file="%s" transform="translate(%.1f %.1f)">`,
			attr(n.Href), attr(cls), attr(n.ID), attr(n.Kind), attr(n.File), n.X, n.Y)
		fmt.Fprintf(&b, `<title>%s</title>`, html.EscapeString(n.Kind+": "+n.Label+fileSuffix(n.File)))
		c := scaffold.ColorOf(n.Kind)
		fmt.Fprintf(&b, `<rect width="%.0f" height="%.0f" rx="8" fill="%s" stroke="%s"/>`, n.W, nodeH, attr(c.Fill), attr(c.Stroke))
		fmt.Fprintf(&b, `<text x="12" y="17" class="kind">%s</text>`, html.EscapeString(n.Kind))
		fmt.Fprintf(&b, `<text x="12" y="34" class="label">%s</text></g></a>`, html.EscapeString(ellipsis(n.Label, maxLabel)))
	}
	b.WriteString(`</g></svg>`)
	return template.HTML(b.String()) // every dynamic value above is escaped
}

func attr(s string) string { return html.EscapeString(s) }

func fileSuffix(f string) string {
	if f == "" {
		return ""
	}
	return " (" + f + ")"
}

func ellipsis(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
