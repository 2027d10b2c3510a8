package agent

import (
	"context"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/providers/scripted"
)

// errorCase is one scripted model behaviour: the answers it gives, in order.
type errorCase struct {
	name    string
	answers func(t testing.TB) []string
}

// errorCorpus models common first-draft mistakes of real models; each
// case's later answers are the corrected drafts a model returns to a reask.
func errorCorpus() []errorCase {
	valid := func(t testing.TB) string { return fixture(t, "valid.odcs.yaml") }
	canvas := func(t testing.TB) string { return fixture(t, "canvas.md") }
	one := func(mod func(string) string) func(t testing.TB) []string {
		return func(t testing.TB) []string {
			return []string{reply(canvas(t), mod(valid(t))), reply(canvas(t), valid(t))}
		}
	}
	return []errorCase{
		{"valid", one(func(s string) string { return s })},
		{"no-header", one(func(s string) string {
			return strings.Replace(strings.Replace(s, "apiVersion: v3.1.0\n", "", 1), "kind: DataContract\n", "", 1)
		})},
		{"bad-status", one(func(s string) string { return strings.Replace(s, "status: draft", "status: wip", 1) })},
		{"no-version", one(func(s string) string { return strings.Replace(s, "version: 0.1.0\n", "", 1) })},
		{"unlabelled-fence", func(t testing.TB) []string {
			return []string{strings.Replace(reply(canvas(t), valid(t)), "```yaml", "```", 1)}
		}},
		{"unclassified-pii", one(func(s string) string { return strings.Replace(s, "        classification: restricted\n", "", 1) })},
		{"camel-case", one(func(s string) string { return strings.Replace(s, "total_amount_cents", "totalAmountCents", 1) })},
		{"no-owner-role", one(func(s string) string {
			return strings.Replace(strings.Replace(s, "  name: Checkout squad\n", "", 1), "      role: owner\n", "", 1)
		})},
		{"canvas-section-missing", func(t testing.TB) []string {
			c := strings.Replace(canvas(t), "## Consumers\nFinance (revenue recon, by 07:00 UTC) and Growth (dashboards).\n", "", 1)
			return []string{reply(c, valid(t)), reply(canvas(t), "")}
		}},
		{"no-yaml-block", func(t testing.TB) []string {
			return []string{"Sure! The contract has order_id and customer_email.", reply(canvas(t), valid(t))}
		}},
	}
}

// callsPerValid runs the corpus and returns the mean model calls per valid
// contract.
func callsPerValid(t testing.TB, noRepair bool) (float64, map[string]int) {
	calls, per := 0, map[string]int{}
	for _, c := range errorCorpus() {
		var turns []scripted.Turn
		for _, a := range c.answers(t) {
			turns = append(turns, turn(a))
		}
		a := newArchitect(t, plain(turns...), nil)
		a.noRepair = noRepair
		res, err := a.DraftFromNotes(context.Background(), "checkout_orders", notes, nil)
		if err != nil || !res.Valid {
			t.Fatalf("%s: err=%v valid=%v findings=%v", c.name, err, res != nil && res.Valid, res.Findings)
		}
		calls += res.Calls
		per[c.name] = res.Calls
	}
	return float64(calls) / float64(len(errorCorpus())), per
}

func TestCallsPerValidContract(t *testing.T) {
	t.Parallel()
	mean, per := callsPerValid(t, false)
	if mean > 1.5 {
		t.Errorf("mean model calls per valid contract = %.2f, target ≤ 1.5 (%v)", mean, per)
	}
	without, _ := callsPerValid(t, true)
	if without <= mean {
		t.Errorf("local repairs should save calls: %.2f with, %.2f without", mean, without)
	}
}

func BenchmarkCallsPerValidContract(b *testing.B) {
	var mean, without float64
	for b.Loop() {
		mean, _ = callsPerValid(b, false)
	}
	without, _ = callsPerValid(b, true)
	b.ReportMetric(mean, "calls/contract")
	b.ReportMetric(without, "calls/contract-no-repair")
}

// BenchmarkAgentTurnValid is one drafting turn against a zero-latency
// scripted provider: prompt rendering, streaming, parsing, repair, canvas
// check and every contract rule. It is the agent's own overhead per turn.
func BenchmarkAgentTurnValid(b *testing.B) {
	text := reply(fixture(b, "canvas.md"), fixture(b, "valid.odcs.yaml"))
	p := plain(scripted.Turn{Text: text, Repeat: true, ChunkSize: 16})
	a := newArchitect(b, p, nil)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if res, err := a.DraftFromNotes(ctx, "checkout_orders", notes, nil); err != nil || !res.Valid {
			b.Fatal(err)
		}
	}
}

// BenchmarkAgentReaskTurn is a failed turn plus its reask (two turns).
func BenchmarkAgentReaskTurn(b *testing.B) {
	bad := reply(fixture(b, "canvas.md"), fixture(b, "invalid.odcs.yaml"))
	good := reply("", fixture(b, "valid.odcs.yaml"))
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		p := plain(scripted.Turn{Text: bad, ChunkSize: 16}, scripted.Turn{Text: good, ChunkSize: 16})
		a := newArchitect(b, p, nil)
		if res, err := a.DraftFromNotes(ctx, "checkout_orders", notes, nil); err != nil || !res.Valid {
			b.Fatal(err)
		}
	}
}

// BenchmarkInterviewTurn is one chat turn (model mode), without and with
// the session journal (which fsyncs once per turn).
func BenchmarkInterviewTurn(b *testing.B) {
	for _, journaled := range []bool{false, true} {
		name := "memory"
		if journaled {
			name = "journal-fsync"
		}
		b.Run(name, func(b *testing.B) {
			p := plain(scripted.Turn{Text: "Which team owns the orders data, and who is the owner?", Repeat: true, ChunkSize: 8})
			o := SessionOptions{ID: "bench"}
			if journaled {
				j, err := OpenJournal(b.TempDir() + "/s.jsonl")
				if err != nil {
					b.Fatal(err)
				}
				defer j.Close()
				o.Journal = j
			}
			a := newArchitect(b, p, func(o *Options) { o.TokenBudget = 1 << 40 })
			var s *Session
			ctx := context.Background()
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if i%10 == 0 { // a conversation of 10 turns, then a new one
					s = a.NewSession(o)
					s.Start()
				}
				if err := s.Send(ctx, "We need a daily view of checkout orders."); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
