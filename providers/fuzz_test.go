package providers

import (
	"strings"
	"testing"
	"unicode"
)

// FuzzRedact: an alphanumeric secret never survives Redact, wherever it sits.
func FuzzRedact(f *testing.F) {
	f.Add("Authorization: Bearer ", " trailing", "sk-abc123SECRET")
	f.Add("?key=", "&alt=sse", "AIzaSECRET0000")
	f.Add("", "", "plainsecret")
	f.Fuzz(func(t *testing.T, before, after, secret string) {
		if len(secret) < 4 || strings.IndexFunc(secret, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_'
		}) >= 0 {
			t.Skip()
		}
		out := Redact(before+secret+after+secret, secret)
		if strings.Contains(out, secret) {
			t.Fatalf("Redact(%q) = %q still holds %q", before+secret+after, out, secret)
		}
	})
}
