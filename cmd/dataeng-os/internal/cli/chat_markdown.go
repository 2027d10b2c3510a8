package cli

import (
	"strings"

	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

// inlineCode is a `code span`.
var inlineCode = lazyre.New("`([^`]+)`")

// markdown renders a Markdown text for a colour terminal (the canvas, the
// Architect's messages): headings bold, bullets as •, **bold**, `code`
// in cyan, fenced blocks dimmed and tables as they are, paragraphs wrapped
// to the terminal width. Without colour the text is returned unchanged.
func (r *chatRenderer) markdown(text string) string {
	if !r.f.IO.ColorEnabled() {
		return text
	}
	r.fence = false
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for i, l := range lines {
		lines[i] = r.markdownLine(l)
	}
	r.fence = false
	return strings.Join(lines, "\n")
}

// markdownLine renders one line; it keeps track of fenced blocks across
// calls, so streamed text renders as it arrives.
func (r *chatRenderer) markdownLine(l string) string {
	io := r.f.IO
	t := strings.TrimSpace(l)
	switch {
	case strings.HasPrefix(t, "```"):
		r.fence = !r.fence
		return io.Color("2", l)
	case r.fence:
		return io.Color("2", l)
	case strings.HasPrefix(t, "|"):
		return l // a table: wrapping would break its columns
	case strings.HasPrefix(t, "#"):
		return io.Bold(strings.TrimSpace(strings.TrimLeft(t, "#")))
	case strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* "):
		l = strings.Replace(l, t[:2], "• ", 1)
	}
	// Wrap the source (markers included, so the rendered line is never
	// wider), then style each piece.
	parts := strings.Split(wrapBlock(l, r.outWidth, 0), "\n")
	for i, p := range parts {
		parts[i] = r.inline(p)
	}
	return strings.Join(parts, "\n")
}

// inline styles **bold** and `code` within a line.
func (r *chatRenderer) inline(l string) string {
	io := r.f.IO
	if strings.Count(l, "**") >= 2 {
		parts := strings.Split(l, "**")
		for i := 1; i < len(parts)-1; i += 2 {
			parts[i] = io.Bold(parts[i])
		}
		if len(parts)%2 == 0 { // an unpaired ** stays as typed
			parts[len(parts)-2] += "**" + parts[len(parts)-1]
			parts = parts[:len(parts)-1]
		}
		l = strings.Join(parts, "")
	}
	return inlineCode.ReplaceAllStringFunc(l, func(m string) string {
		return io.Color("36", m[1:len(m)-1])
	})
}
