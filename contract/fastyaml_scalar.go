package contract

import (
	"bytes"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// The fast parser's scalar and key scanning, and the tags it resolves
// without yaml.v3's resolve.

// plainTag is the tag yaml.v3 resolves for a plain scalar. Only values
// that start with a sign, a digit, '.', '~', '<' or a letter of
// y/n/true/false/on/off/null can be anything but a string (yaml.v3's
// resolveTable); the rest skip resolve and its allocation.
func plainTag(n *yaml.Node) string {
	v := n.Value
	if v == "" {
		return n.ShortTag()
	}
	switch v[0] {
	case 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O', '~', '<':
		// resolve looks these up in its table and otherwise keeps the
		// string (boxing it, an allocation): the same answer, directly.
		switch v {
		case "true", "True", "TRUE", "false", "False", "FALSE":
			return "!!bool"
		case "~", "null", "Null", "NULL":
			return "!!null"
		case "<<":
			return "!!merge"
		}
		return "!!str"
	case '+', '-', '.':
		return n.ShortTag()
	}
	if v[0] < '0' || v[0] > '9' {
		return "!!str"
	}
	if decimalInt(v) {
		return "!!int" // what resolve's ParseInt finds, without boxing the int
	}
	if dotted(v) {
		return "!!str" // `version: 1.0.0`: resolve's four failing parses, skipped
	}
	return n.ShortTag()
}

// dotted reports digits with two or more dots between them (1.0.0), which
// no YAML number or timestamp is: resolve keeps them strings.
func dotted(v string) bool {
	dots := 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '.':
			dots++
		case c < '0' || c > '9':
			return false
		}
	}
	return dots >= 2
}

// decimalInt reports a plain decimal integer that fits an int64 and that
// yaml.v3 reads as one: digits only, no leading zero (an octal), at most
// 18 of them.
func decimalInt(v string) bool {
	if len(v) > 18 || len(v) > 1 && v[0] == '0' {
		return false
	}
	for i := 0; i < len(v); i++ {
		if v[i] < '0' || v[i] > '9' {
			return false
		}
	}
	return true
}

// keyEnd is the index of a key's colon in s: the first ':' followed by a
// space or ending s; -1 when there is none or a '#' comes before it.
func keyEnd(s []byte) int {
	for i, c := range s {
		switch {
		case c == '#':
			return -1
		case c == ':' && (i+1 == len(s) || s[i+1] == ' '):
			return i
		}
	}
	return -1
}

// The bytes a plain key, and a plain scalar, may not start with.
var notKeyStart, notScalarStart = byteSet(`#-?:,[]{}&*!|>'"%@` + "`"), byteSet(`#?:,[]{}&*!|>%@` + "`")

func byteSet(s string) (t [256]bool) {
	for i := 0; i < len(s); i++ {
		t[s[i]] = true
	}
	return t
}

// scanScalar reads one scalar from s and returns its value, style and the
// bytes after it. In a flow list a plain scalar ends at `,` or `]`.
func (p *fastParser) scanScalar(s []byte, flow bool) (string, yaml.Style, []byte, bool) {
	switch s[0] {
	case '"':
		end := bytes.IndexByte(s[1:], '"')
		if end < 0 || bytes.IndexByte(s[1:end+1], '\\') >= 0 {
			return "", 0, nil, false
		}
		return p.str(s[1 : end+1]), yaml.DoubleQuotedStyle, s[end+2:], true
	case '\'':
		var b []byte
		for i := 1; i < len(s); i++ {
			if s[i] != '\'' {
				continue
			}
			if i+1 < len(s) && s[i+1] == '\'' {
				b = append(b, s[1:i+1]...)
				s = s[i+1:]
				i = 0
				continue
			}
			return string(append(b, s[1:i]...)), yaml.SingleQuotedStyle, s[i+1:], true
		}
		return "", 0, nil, false
	}
	if notScalarStart[s[0]] || (s[0] == '-' && (len(s) == 1 || s[1] == ' ')) {
		return "", 0, nil, false
	}
	end := len(s)
	if flow {
		end = bytes.IndexAny(s, ",[]{}?") // yaml.v3 ends a flow scalar at ?, too
		if end < 0 || bytes.Contains(s[:end], []byte(" #")) {
			return "", 0, nil, false
		}
	} else if c := bytes.Index(s, []byte(" #")); c >= 0 {
		end = c // a comment ends the line
	}
	v := bytes.TrimRight(s[:end], " ")
	if bytes.Contains(v, []byte(": ")) || v[len(v)-1] == ':' || (flow && bytes.IndexByte(v, ':') >= 0) {
		return "", 0, nil, false
	}
	return p.str(v), 0, s[end:], true
}

// lineEnd reports the rest of a line after a value: nothing, spaces, or
// spaces and a comment.
func lineEnd(rest []byte) bool {
	t := bytes.TrimLeft(rest, " ")
	return len(t) == 0 || (t[0] == '#' && len(t) < len(rest))
}

// runeCol is the 0-based column (in runes, as yaml.v3 counts) of byte off.
func runeCol(line []byte, off int) int {
	return utf8.RuneCount(line[:off])
}
