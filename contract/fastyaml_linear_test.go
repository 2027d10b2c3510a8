package contract

import (
	"bytes"
	"testing"
)

// TestFastYAMLFlowListLinear: a long one-line flow list takes the fast path
// and its last item's column is right, without recounting the line per item
// (which made 100k items take seconds). The multibyte items make a byte
// offset and a rune column differ.
func TestFastYAMLFlowListLinear(t *testing.T) {
	t.Parallel()
	const n = 200_000
	var b bytes.Buffer
	b.WriteString("tags: [")
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("é")
	}
	b.WriteString("]\n")
	root := fastYAML(b.Bytes())
	if root == nil {
		t.Fatal("the flow list missed the fast path")
	}
	seq := root.Content[1]
	if len(seq.Content) != n {
		t.Fatalf("%d items, want %d", len(seq.Content), n)
	}
	// "tags: [" is 7 runes; item k starts after k items of "é, " (3 runes).
	if got, want := seq.Content[n-1].Column, 7+3*(n-1)+1; got != want {
		t.Errorf("last item at column %d, want %d", got, want)
	}
}
