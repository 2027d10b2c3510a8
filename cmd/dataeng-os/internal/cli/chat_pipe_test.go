package cli

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"
)

// TestPipeReaderJoinsContinuedLines: a piped line ending with a backslash
// goes on on the next line, so a multi-line field list is one answer.
func TestPipeReaderJoinsContinuedLines(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []string
	}{
		{"order id (pk) \\\ncustomer email\\\ndone\nnext", []string{"order id (pk) \ncustomer email\ndone", "next"}},
		{"a\\\n", []string{"a\n"}}, // the input ends: the answer is what came
		{"a\nb", []string{"a", "b"}},
	}
	for _, tt := range tests {
		p := newPipeReader(strings.NewReader(tt.in), make(chan os.Signal))
		var got []string
		for {
			l, err := p.Read()
			got = append(got, l)
			if err != nil {
				if !errors.Is(err, io.EOF) {
					t.Fatalf("%q: %v", tt.in, err)
				}
				break
			}
		}
		if got[len(got)-1] == "" {
			got = got[:len(got)-1]
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: answers %q, want %q", tt.in, got, tt.want)
		}
	}
}
