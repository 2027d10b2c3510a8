package resilient

import (
	"context"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/providers/scripted"
)

// BenchmarkScripted measures a 1000-part scripted answer, bare and through
// the resilience wrapper (goroutine, watchdog, gate per part).
func BenchmarkScripted(b *testing.B) {
	text := strings.Repeat("token! ", 1000)
	for _, wrapped := range []bool{false, true} {
		name := "bare"
		if wrapped {
			name = "wrapped"
		}
		b.Run(name, func(b *testing.B) {
			inner := scripted.New(scripted.Turn{Text: text, Repeat: true})
			var p providers.Provider = inner
			if wrapped {
				p = Wrap(inner)
			}
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				if _, err := p.Stream(context.Background(), req, func(providers.Part) { n++ }); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
