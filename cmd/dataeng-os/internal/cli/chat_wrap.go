package cli

import (
	"strings"
	"unicode/utf8"
)

// wrapText breaks s into lines of at most width-indent runes at spaces
// (a word longer than that is cut). width 0 means no wrapping. Lines after
// the first are meant to be printed after indent spaces; the first after
// a label of the same width.
func wrapText(s string, width, indent int) []string {
	room := width - indent
	if width <= 0 || room < 10 {
		return []string{s}
	}
	var lines []string
	var cur strings.Builder
	n := 0
	for _, w := range strings.Fields(s) {
		for utf8.RuneCountInString(w) > room {
			if n > 0 {
				lines, n = append(lines, cur.String()), 0
				cur.Reset()
			}
			r := []rune(w)
			lines, w = append(lines, string(r[:room])), string(r[room:])
		}
		wl := utf8.RuneCountInString(w)
		if n > 0 && n+1+wl > room {
			lines, n = append(lines, cur.String()), 0
			cur.Reset()
		}
		if n > 0 {
			cur.WriteByte(' ')
			n++
		}
		cur.WriteString(w)
		n += wl
	}
	if n > 0 || len(lines) == 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// wrapBlock wraps each line of a text to width (0 = as is). Lines after
// the first, and the continuations of each line, are indented by indent
// plus the line's own leading blanks, so lists stay lists.
func wrapBlock(s string, width, indent int) string {
	if width <= 0 {
		return s
	}
	pad := strings.Repeat(" ", indent)
	var out []string
	for i, line := range strings.Split(s, "\n") {
		own := len(line) - len(strings.TrimLeft(line, " "))
		for j, l := range wrapText(line[own:], width, indent+own+2) {
			switch {
			case j > 0:
				out = append(out, pad+strings.Repeat(" ", own+2)+l)
			case i > 0:
				out = append(out, pad+strings.Repeat(" ", own)+l)
			default:
				out = append(out, strings.Repeat(" ", own)+l)
			}
		}
	}
	return strings.Join(out, "\n")
}
