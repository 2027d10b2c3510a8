package fix

import (
	"bytes"
	"errors"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"
)

// encode writes the fixed tree in the input's indentation and sequence
// style, then puts back the blank lines and the `---` that yaml.v3 drops.
func encode(orig []byte, root *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	indent, compact := style(orig)
	enc.SetIndent(indent)
	if compact {
		enc.CompactSeqIndent()
	}
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	out := restoreBlankLines(orig, b.Bytes())
	if trimmed := dropAddedBlankLines(orig, out); faithful(root, trimmed) {
		out = trimmed // the blank line yaml.v3 writes after a folded scalar
	}
	if bytes.HasPrefix(orig, []byte("---")) && !bytes.HasPrefix(out, []byte("---")) {
		out = append([]byte("---\n"), out...)
	}
	if !faithful(root, out) {
		return nil, ErrReencode
	}
	return out, nil
}

// ErrReencode says that yaml.v3 wrote the fixed tree in a way that does
// not read back as the same data (a comment in a place it mishandles); the
// file is then left as it was.
var ErrReencode = errors.New("yaml.v3 cannot write this file back faithfully: nothing fixed")

// faithful reports whether out reads back as the data of root.
func faithful(root *yaml.Node, out []byte) bool {
	var want, got any
	if root.Decode(&want) != nil || yaml.Unmarshal(out, &got) != nil {
		return false
	}
	return reflect.DeepEqual(want, got)
}

// style guesses the input's indentation (the smallest one, 2 to 8) and
// whether its sequences sit at their key's column (`key:` then `- item`).
func style(data []byte) (indent int, compact bool) {
	indent = 0
	indented, flush := 0, 0
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		t := strings.TrimLeft(l, " ")
		if t == "" || t[0] == '#' {
			continue
		}
		if n := len(l) - len(t); n > 0 && (indent == 0 || n < indent) {
			indent = n
		}
		if !strings.HasSuffix(strings.TrimRight(t, " "), ":") {
			continue
		}
		if next, ok := nextContent(lines[i+1:]); ok && strings.HasPrefix(strings.TrimLeft(next, " "), "- ") {
			if len(next)-len(strings.TrimLeft(next, " ")) == len(l)-len(t) {
				flush++
			} else {
				indented++
			}
		}
	}
	return min(max(indent, 2), 8), flush > indented
}

// nextContent returns the next line that is not blank or a comment.
func nextContent(lines []string) (string, bool) {
	for _, l := range lines {
		if t := strings.TrimSpace(l); t != "" && t[0] != '#' {
			return l, true
		}
	}
	return "", false
}

// restoreBlankLines puts a blank line of orig back into out before the
// line that followed it (or after the line that preceded it) when that
// line occurs exactly once in both texts.
func restoreBlankLines(orig, out []byte) []byte {
	ol := strings.Split(strings.TrimRight(string(orig), "\n"), "\n")
	nl := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	oc, nc := counts(ol), counts(nl)
	unique := func(l string) bool { return l != "" && oc[l] == 1 && nc[l] == 1 }
	before, after := map[string]bool{}, map[string]bool{}
	for i, l := range ol {
		if strings.TrimSpace(l) != "" || i == 0 {
			continue
		}
		next, prev := "", strings.TrimRight(ol[i-1], " ")
		if i+1 < len(ol) {
			next = strings.TrimRight(ol[i+1], " ")
		}
		switch {
		case unique(next):
			before[next] = true
		case unique(prev):
			after[prev] = true
		}
	}
	var b strings.Builder
	for i, l := range nl {
		key := strings.TrimRight(l, " ")
		if before[key] && i > 0 && strings.TrimSpace(nl[i-1]) != "" {
			b.WriteByte('\n')
		}
		b.WriteString(l + "\n")
		if after[key] && i+1 < len(nl) && strings.TrimSpace(nl[i+1]) != "" && !before[strings.TrimRight(nl[i+1], " ")] {
			b.WriteByte('\n')
		}
	}
	return []byte(b.String())
}

func counts(lines []string) map[string]int {
	m := make(map[string]int, len(lines))
	for _, l := range lines {
		m[strings.TrimRight(l, " ")]++
	}
	return m
}

// dropAddedBlankLines removes a blank line of out whose neighbours are
// adjacent lines of orig (each occurring once in both texts).
func dropAddedBlankLines(orig, out []byte) []byte {
	ol := strings.Split(strings.TrimRight(string(orig), "\n"), "\n")
	nl := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	oc, nc := counts(ol), counts(nl)
	follows := map[string]string{}
	for i := 1; i < len(ol); i++ {
		follows[strings.TrimRight(ol[i-1], " ")] = strings.TrimRight(ol[i], " ")
	}
	unique := func(l string) bool { return l != "" && oc[l] == 1 && nc[l] == 1 }
	var b strings.Builder
	for i, l := range nl {
		if strings.TrimSpace(l) == "" && i > 0 && i+1 < len(nl) {
			prev, next := strings.TrimRight(nl[i-1], " "), strings.TrimRight(nl[i+1], " ")
			if unique(prev) && unique(next) && follows[prev] == next {
				continue
			}
		}
		b.WriteString(l + "\n")
	}
	return []byte(b.String())
}
