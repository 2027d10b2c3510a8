package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/internal/ollamatest"
)

// BenchmarkArchitectSmolLM2 is the structured-output experiment: the same
// notes drafted by the real SmolLM2 with the Architect's JSON Schema
// (Ollama's format, grammar-constrained decoding) and without it (fenced
// YAML in free text). It reports attempts, validity and tokens per note.
// Minutes per run on 2 cores; run it by hand:
//
//	go test ./internal/ollamatest/e2e -run '^$' -bench ArchitectSmolLM2 -benchtime 1x
func BenchmarkArchitectSmolLM2(b *testing.B) {
	srv, _ := fx.Smol(b)
	// The experiment gives the model room for both documents.
	long := ollamatest.SmolLM2Long(fx.SmolGGUF())
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if err := srv.Create(ctx, long); err != nil {
		b.Fatal(err)
	}
	model := long.Name
	notes := []struct{ file, name string }{
		{"01-checkout-orders.md", "checkout_orders"},
	}
	for _, n := range notes {
		text := readNote(b, n.file)
		for _, structured := range []bool{false, true} {
			mode := map[bool]string{true: "structured", false: "freetext"}[structured]
			b.Run(fmt.Sprintf("%s/%s", n.name, mode), func(b *testing.B) {
				var attempts, valid, in, out float64
				for i := 0; i < b.N; i++ {
					run := draftWithSmol(b, srv, model, structured, 2, n.name, text)
					if run.err != nil {
						b.Fatalf("draft: %v", run.err)
					}
					logArchitect(b, "smollm2 "+mode, run)
					b.Logf("errors left: %s", ruleList(run.res.Findings))
					attempts += float64(run.res.Attempts)
					in += float64(run.res.Usage.InputTokens)
					out += float64(run.res.Usage.OutputTokens)
					if run.res.Valid {
						valid++
					}
				}
				nf := float64(b.N)
				b.ReportMetric(attempts/nf, "attempts/op")
				b.ReportMetric(valid/nf, "valid/op")
				b.ReportMetric(in/nf, "in-tokens/op")
				b.ReportMetric(out/nf, "out-tokens/op")
			})
		}
	}
}

func ruleList(fs []contract.Finding) string {
	var rules []string
	for _, f := range fs {
		if f.Severity == contract.SeverityError {
			rules = append(rules, f.Rule)
		}
	}
	if len(rules) == 0 {
		return "none"
	}
	return strings.Join(rules, ", ")
}
