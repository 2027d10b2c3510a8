package gemini

import (
	"context"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/providers/internal/wiretest"
)

// BenchmarkStreamSSE parses a 1000-event streamGenerateContent answer.
func BenchmarkStreamSSE(b *testing.B) {
	var pieces []string
	for range 1000 {
		pieces = append(pieces, event("token! ", "", false))
	}
	pieces = append(pieces, event("", "STOP", true))
	srv := wiretest.New(b, wiretest.Write(sse, strings.Join(pieces, "")))
	c := build(srv.URL)
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
