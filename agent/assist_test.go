package agent

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/kernel"
	"github.com/dataeng-os/dataeng-os/providers/scripted"
)

const assistNotes = `Checkout orders
Columns: order id, customer email, status (pending, paid), channel, weight, created at.
Owner: Checkout squad (bruno.souza).
Freshness: every 2 hours.`

// ans is a scripted answer to the question whose text contains match.
func ans(match, answer string) scripted.Turn {
	b, _ := json.Marshal(map[string]string{"answer": answer})
	return scripted.Turn{Match: match, Text: string(b), ChunkSize: -1}
}

func assistArchitect(t *testing.T, turns ...scripted.Turn) (*Architect, *scripted.Client) {
	t.Helper()
	p := scripted.New(append(turns, scripted.Turn{Text: `{"answer": "none"}`, Repeat: true, ChunkSize: -1})...)
	return newArchitect(t, p, func(o *Options) { o.Strategy = kernel.StrategyAssist }), p
}

func TestAssistAppliesGoodAnswersAndDropsBadOnes(t *testing.T) {
	t.Parallel()
	a, p := assistArchitect(t,
		ans("type of the column `weight`", "number"),                                          // good
		ans("type of the column `channel`", "integer"),                                        // in the enum, but the notes give no sign of it
		ans("personal data does the column `channel`", "ip_address"),                          // outside the enum
		ans("what does the column `weight` hold", "Weight of the order."),                     // good
		ans("what does the column `status` hold", strings.Repeat("Status of the order. ", 8)), // over 120 characters
		ans("what does the column `channel` hold", "Sales channel reported by Salesforce."),   // a name the notes lack
		ans("primary key", "basket_id"),                                                       // an invented candidate
		ans("fact table", "fact"),                                                             // good
	)
	var rec recorder
	res, err := a.DraftFromNotes(context.Background(), "checkout_orders", assistNotes, rec.emit)
	if err != nil {
		t.Fatal(err)
	}
	y := res.Contract
	for _, want := range []string{"description: Weight of the order.", "value: fact", "element: checkout_orders.created_at"} {
		if !strings.Contains(y, want) {
			t.Errorf("contract lacks %q:\n%s", want, y)
		}
	}
	for _, bad := range []string{"ip_address", "Salesforce", "basket_id", "Status of the order. Status"} {
		if strings.Contains(y, bad) {
			t.Errorf("dropped answer %q reached the contract", bad)
		}
	}
	if !strings.Contains(y, "name: weight\n        logicalType: number") {
		t.Errorf("the weight type was not applied:\n%s", y)
	}
	drops, quoted := 0, false
	for _, ev := range rec.of(EventInfo) {
		if strings.HasPrefix(ev.Text, "answer dropped") {
			drops++
			quoted = quoted || strings.Contains(ev.Text, "basket_id") // the event shows what was refused
		}
	}
	if !quoted {
		t.Error("no dropped-answer event quotes the refused answer")
	}
	if strings.Contains(y, "name: channel\n        logicalType: integer") {
		t.Errorf("a type the notes give no sign of was applied:\n%s", y)
	}
	if drops != 5 {
		t.Errorf("%d dropped-answer events, want 5", drops)
	}
	assertBounded(t, p)
}

// assertBounded: every assist request is one small schema-bound question.
func assertBounded(t *testing.T, p *scripted.Client) {
	t.Helper()
	for _, r := range p.Requests() {
		if len(r.JSONSchema) == 0 || r.MaxTokens > assistTextTok || len(r.Messages) != 1 {
			t.Fatalf("unbounded assist request: schema=%s maxTokens=%d messages=%d", r.JSONSchema, r.MaxTokens, len(r.Messages))
		}
	}
}

// TestAssistNeverRenames: whatever the model answers, the tables and
// columns are the notes', and a failing call does not stop the others.
func TestAssistNeverRenames(t *testing.T) {
	t.Parallel()
	base, _ := assistArchitect(t)
	want, _ := base.DraftFromNotes(context.Background(), "checkout_orders", assistNotes, nil)
	p := scripted.New(
		scripted.Turn{Match: "purpose", Err: &scripted.Fault{Message: "boom"}},
		ans("fact table", "fact"),
		scripted.Turn{Text: `{"answer": "basket_value"} rename order_id to basket_value`, Repeat: true, ChunkSize: -1},
	)
	a := newArchitect(t, p, func(o *Options) { o.Strategy = kernel.StrategyAssist })
	res, err := a.DraftFromNotes(context.Background(), "checkout_orders", assistNotes, nil)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(res.Contract, "basket_value") || !strings.Contains(res.Contract, "value: fact") {
		t.Fatalf("contract:\n%s", res.Contract)
	}
	if got, exp := names(t, res.Contract), names(t, want.Contract); strings.Join(got, ",") != strings.Join(exp, ",") {
		t.Fatalf("names changed: %v, want %v", got, exp)
	}
	if p.Calls() < 10 {
		t.Fatalf("only %d questions asked: one failure must not stop the others", p.Calls())
	}
}

func names(t *testing.T, yml string) []string {
	t.Helper()
	items, _ := newGrounder("", "", true).ungrounded(yml)
	var out []string
	for _, it := range items {
		if it.Kind == gkTable || it.Kind == gkColumn {
			out = append(out, it.Text)
		}
	}
	return out
}

// TestAssistRecallIsTheExtractors: assist mode keeps every field the
// extractor read, on every sample note, whatever the model says.
func TestAssistRecallIsTheExtractors(t *testing.T) {
	t.Parallel()
	for _, f := range sampleNotes(t) {
		notes, name := f.text, f.name
		guided, _ := newArchitect(t, nil, nil).DraftFromNotes(context.Background(), name, notes, nil)
		a, _ := assistArchitect(t)
		res, err := a.DraftFromNotes(context.Background(), name, notes, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got, exp := names(t, res.Contract), names(t, guided.Contract); strings.Join(got, ",") != strings.Join(exp, ",") {
			t.Errorf("%s: fields %v, want the extractor's %v", name, got, exp)
		}
	}
}
