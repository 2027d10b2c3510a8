package ollama

import (
	"context"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/providers/internal/wiretest"
)

// BenchmarkStreamNDJSON parses a 1000-line NDJSON answer from a loopback server.
func BenchmarkStreamNDJSON(b *testing.B) {
	var pieces []string
	for range 1000 {
		pieces = append(pieces, line("token! "))
	}
	pieces = append(pieces, doneLine)
	srv := wiretest.New(b, wiretest.Write(ndjson, strings.Join(pieces, "")))
	c := New(WithBaseURL(srv.URL))
	req := providers.Request{Messages: []providers.Message{{Role: providers.RoleUser, Content: "x"}}}
	b.SetBytes(7000)
	b.ReportAllocs()
	for b.Loop() {
		resp, err := c.Stream(context.Background(), req, nil)
		if err != nil || len(resp.Text) != 7000 {
			b.Fatal(err, len(resp.Text))
		}
	}
}
