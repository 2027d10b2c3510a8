package guided

import (
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

// runGuided answers every question with answer(q) until the interview
// finishes or max turns pass; it returns every event.
func runGuided(t *testing.T, g *Interviewer, answer func(q Question) string) []Event {
	t.Helper()
	evs := g.Start()
	all := append([]Event{}, evs...)
	for turn := 0; turn < 60 && !g.finished; turn++ {
		q := lastQuestion(evs)
		if q == nil {
			t.Fatalf("no question to answer after %v", evs)
		}
		evs = g.Answer(answer(*q))
		all = append(all, evs...)
	}
	if !g.finished {
		t.Fatal("the guided interview did not finish")
	}
	return all
}

func lastQuestion(evs []Event) *Question {
	for i := len(evs) - 1; i >= 0; i-- {
		if evs[i].Type == EventQuestion {
			return evs[i].Question
		}
	}
	return nil
}

// scriptedAnswers is the tests' stakeholder: the checkout orders product,
// with fields as given.
func scriptedAnswers(fields ...string) func(q Question) string {
	return (&Person{Name: "checkout orders", Table: "orders: one row per order placed in checkout", Fields: fields,
		Findings: map[string]string{"classification": "restricted", "masking": "hash", "description": "Customer e-mail used for receipts",
			"domain": "sales", "rename": "", "section": "skip"},
		Sections: map[string]string{"owner": "Checkout squad, bruno.souza", "problem": "Finance reconciles revenue every morning"}}).Answer
}

func TestGuidedReachesValidContract(t *testing.T) {
	t.Parallel()
	g := newTest(t, "en")
	var asked []string
	answer := scriptedAnswers(
		"order_id: string, required, primary key, description=Order identifier",
		"customer_email: string, required",
		"TotalCents: integer, description=Order total in cents",
		"created_at: timestamp, required",
	)
	evs := runGuided(t, g, func(q Question) string {
		if q.Kind == QFinding {
			asked = append(asked, q.Key+":"+q.Field)
		}
		return answer(q)
	})
	if contract.HasErrors(g.findings) {
		t.Fatalf("not valid: %v\n%s", g.findings, g.yml)
	}
	joined := strings.Join(asked, " ")
	for _, want := range []string{"classification:customer_email", "masking:customer_email", "domain:", "rename:TotalCents"} {
		if !strings.Contains(joined, want) {
			t.Errorf("no follow-up %q; asked %v", want, asked)
		}
	}
	var pii string
	for _, e := range evs {
		if e.Question != nil && e.Question.Key == "classification" {
			pii = e.Text
		}
	}
	if !strings.Contains(pii, "customer_email looks like PII: which classification?") {
		t.Errorf("PII follow-up text: %q", pii)
	}
	if !strings.Contains(g.yml, "name: total_cents") || !strings.Contains(g.yml, "classification: restricted") {
		t.Errorf("contract:\n%s", g.yml)
	}
	if fs := contract.CheckCanvas("c.md", []byte(g.canvas), testTemplate(t)); contract.HasErrors(fs) {
		t.Errorf("canvas: %v\n%s", fs, g.canvas)
	}
}

func TestGuidedPortugueseAndBadField(t *testing.T) {
	t.Parallel()
	g := newTest(t, "en")
	g.Start()
	evs := g.Answer("pedidos do checkout da loja")
	if q := lastQuestion(evs); q == nil || g.lang != "pt" || !strings.Contains(q.Text, "?") {
		t.Fatalf("lang=%s evs=%v", g.lang, evs)
	}
	for g.cur.Kind != QFields {
		g.Answer("resposta de teste para a seção")
	}
	evs = g.Answer("nome: tipoinexistente")
	if evs[0].Type != EventInfo || !strings.Contains(evs[0].Text, "Não consegui ler") {
		t.Fatalf("bad field not explained: %+v", evs)
	}
	if evs = g.Answer("fim"); !strings.Contains(evs[0].Text, "ao menos um campo") {
		t.Fatalf("empty field list accepted: %+v", evs)
	}
}

func TestGuidedSkipLeavesDraftWithNotes(t *testing.T) {
	t.Parallel()
	g := newTest(t, "en")
	base := scriptedAnswers("order_id: string, primary key", "customer_email: string")
	runGuided(t, g, func(q Question) string {
		if q.Kind == QFinding && q.Key == "classification" {
			return "skip"
		}
		return base(q)
	})
	if !contract.HasErrors(g.findings) || !strings.Contains(g.canvas, "customer_email looks like PII") {
		t.Fatalf("skip should leave the finding open and note it:\n%s\n%v", g.canvas, g.findings)
	}
}

func TestParseOwner(t *testing.T) {
	t.Parallel()
	for in, want := range map[string][2]string{
		"Checkout squad, bruno.souza":        {"Checkout squad", "bruno.souza"},
		"Checkout squad (lead: bruno.souza)": {"Checkout squad", "bruno.souza"},
		"Marketing Ops":                      {"Marketing Ops", ""},
		"team: Data; owner: ana@example.com": {"Data", "ana@example.com"},
	} {
		team, owner := parseOwner(in)
		if team != want[0] || owner != want[1] {
			t.Errorf("%q → %q, %q", in, team, owner)
		}
	}
}

func FuzzGuidedAnswers(f *testing.F) {
	f.Add("orders", "x: string, pk", "skip")
	f.Add("", "done", "")
	f.Add("pedidos", "a: b, c=d, description=e,f", "pular")
	f.Fuzz(func(t *testing.T, a1, a2, a3 string) {
		g := newTest(t, "")
		g.Start()
		for i := 0; i < 40; i++ {
			g.Answer([]string{a1, a2, a3}[i%3])
		}
	})
}
