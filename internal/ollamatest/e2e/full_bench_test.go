package e2e

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/agent"
	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/internal/ollamatest"
)

// BenchmarkFullRealModels drafts the five sample notes in full mode (the
// model writes canvas and contract; validator and grounding reask) with
// both real small models, one attempt each, and logs the same figures as
// TestAssistRealModels: the full-mode rows of bench/README.md. About ten
// minutes on 2 cores; run it by hand:
//
//	go test ./internal/ollamatest/e2e -run '^$' -bench FullRealModels -benchtime 1x -timeout 30m
func BenchmarkFullRealModels(b *testing.B) {
	for _, m := range []struct {
		label string
		reg   func(testing.TB) (*ollamatest.Server, string)
	}{{"smollm2", fx.Smol}, {"gemma", fx.Gemma}} {
		b.Run(m.label, func(b *testing.B) {
			srv, model := m.reg(b)
			for i := 0; i < b.N; i++ {
				for _, path := range []string{"../testdata/notes/01-checkout-orders.md", "../testdata/notes/02-crm-leads-pt.md",
					"../testdata/notes/03-iot-telemetry.md", "../testdata/notes/04-hr-headcount.md", "../testdata/notes/05-messy-chat-export.md"} {
					fullOne(b, srv, model, loadTruthTB(b, path))
				}
			}
		})
	}
}

func fullOne(b *testing.B, srv *ollamatest.Server, model string, tr truth) {
	note := readNote(b, filepath.Base(tr.Path))
	name := agent.SanitizeName(strings.TrimSuffix(filepath.Base(tr.Path)[3:], filepath.Ext(tr.Path)))
	run := draftWithSmol(b, srv, model, false, 1, name, note)
	if run.err != nil || run.res == nil {
		b.Fatalf("%s: %v", tr.Path, run.err)
	}
	s := score(tr, contractFacts(b, run.res.Contract))
	ungrounded := 0
	for _, f := range run.res.Findings {
		if f.Rule == agent.RuleUngrounded {
			ungrounded++
		}
	}
	b.Logf("%-12s full %-40s fields %2d/%2d  pii %d/%d (+%d false)  types %2d/%2d  described %2d/%2d (%d say more than the name)  valid %v  ungrounded findings %d  errors %d",
		model, tr.Path, s.fieldHit, len(tr.Fields), s.piiHit, len(tr.PII), s.piiFalse, s.typeHit, s.typed, s.described, s.fields, s.explained,
		run.res.Valid, ungrounded, countErrors(run.res.Findings))
	b.Logf("%-12s calls %d, tokens %d in + %d out, %.1fs", model, run.res.Calls, run.res.Usage.InputTokens, run.res.Usage.OutputTokens, run.elapsed.Seconds())
}

func countErrors(fs []contract.Finding) int {
	n := 0
	for _, f := range fs {
		if f.Severity == contract.SeverityError {
			n++
		}
	}
	return n
}
