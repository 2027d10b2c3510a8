package batch

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// decodeText returns a note's text as UTF-8: a byte-order mark is dropped,
// and bytes that are not UTF-8 are read as Latin-1 (old exports often are).
func decodeText(b []byte) string {
	s := strings.TrimPrefix(string(b), "\ufeff")
	if utf8.ValidString(s) {
		return s
	}
	r := make([]rune, 0, len(b))
	for _, c := range b {
		r = append(r, rune(c))
	}
	return string(r)
}

func isBlank(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) }) < 0
}
