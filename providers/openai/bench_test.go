package openai

import (
	"context"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/providers/internal/wiretest"
)

// BenchmarkStreamSSE parses a 1000-chunk SSE answer (about 8 KB of text)
// from a loopback server.
func BenchmarkStreamSSE(b *testing.B) {
	pieces := []string{roleChunk}
	for range 1000 {
		pieces = append(pieces, chunk("token! ", ""))
	}
	pieces = append(pieces, chunk("", "stop"), usageChunk, done)
	srv := wiretest.New(b, wiretest.Write(sse, strings.Join(pieces, "")))
	c := New(WithBaseURL(srv.URL+"/v1"), WithAPIKey(key))
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
