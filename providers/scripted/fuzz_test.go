package scripted

import "testing"

// FuzzParse: any input yields turns or an error, never a panic.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"- text: a\n", "turns:\n  - text: b\n    delay: 1s\n", `[{"text":"x","error":{"kind":"auth"}}]`,
		"model: m\nturns: [{text: a, usage: {input: 1}}]\n", "- error: {kind: rate_limit, retry_after: 2s}\n", "{", "",
	} {
		f.Add(s)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, s string) {
		_, turns, err := Parse([]byte(s), dir)
		if err == nil {
			for _, tr := range turns {
				_ = Chunks(tr.Text, tr.ChunkSize)
			}
		}
	})
}
