package agent

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/agent/guided"
)

// plainSession is a guided session, journaled, answered up to its fields
// step; first is the product name (it fixes the language).
type plainSession struct {
	t    *testing.T
	s    *Session
	path string
	j    *Journal
	evs  []Event
}

func newPlainSession(t *testing.T, first string) *plainSession {
	t.Helper()
	p := &plainSession{t: t, path: filepath.Join(t.TempDir(), "p.jsonl")}
	var err error
	if p.j, err = OpenJournal(p.path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.j.Close() })
	p.s = newArchitect(t, nil, nil).NewSession(SessionOptions{ID: "p", Journal: p.j, Sink: func(ev Event) { p.evs = append(p.evs, ev) }})
	p.s.Start()
	p.send(first)
	for i := 0; i < 12 && guidedOf(p.s).Current().Kind != guided.QFields; i++ {
		p.send("orders: one row per order")
	}
	if guidedOf(p.s).Current().Kind != guided.QFields {
		t.Fatalf("never reached the fields step: %+v", guidedOf(p.s).Current())
	}
	return p
}

// send answers and returns the info text and the question of the reply.
func (p *plainSession) send(text string) (info, question string) {
	p.t.Helper()
	n := len(p.evs)
	if err := p.s.Send(context.Background(), text); err != nil {
		p.t.Fatal(err)
	}
	var infos []string
	for _, ev := range p.evs[n:] {
		switch ev.Type {
		case EventInfo:
			infos = append(infos, ev.Text)
		case EventQuestion:
			question = ev.Text
		}
	}
	return strings.Join(infos, "\n"), question
}

func (p *plainSession) names() []string {
	var out []string
	for _, f := range guidedOf(p.s).Fields() {
		out = append(out, f.Name)
	}
	return out
}

func mustContain(t *testing.T, what, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s: no %q in\n%s", what, w, got)
		}
	}
}

func TestGuidedPlainFieldsEchoed(t *testing.T) {
	t.Parallel()
	p := newPlainSession(t, "subscriptions churn")
	mustContain(t, "fields question", lastQ(p.evs), "Which fields does the table have? Write them the way you would say them")
	info, q := p.send("we need subscription id, customer email, plan, MRR and churn date")
	mustContain(t, "echo", info, "✓ subscription_id — string, optional", "✓ mrr — number, optional",
		"✓ churn_date — date, optional (type guessed from the name; change with /edit churn_date)",
		"✓ plan — string, optional (text, as nothing in the name says otherwise; change with /edit plan)")
	if want := []string{"subscription_id", "customer_email", "plan", "mrr", "churn_date"}; !reflect.DeepEqual(p.names(), want) {
		t.Errorf("fields = %v, want %v", p.names(), want)
	}
	mustContain(t, "next question", q, "done", "/edit NAME")
	info, _ = p.send("churn date: date")
	mustContain(t, "same name again", info, "✓ churn_date — date, optional (replaces the earlier churn_date)")
	if len(guidedOf(p.s).Fields()) != 5 {
		t.Errorf("a repeated name added a field: %v", p.names())
	}
}

func TestGuidedPlainUndoAndEdit(t *testing.T) {
	t.Parallel()
	p := newPlainSession(t, "subscriptions churn")
	p.send("subscription id (pk), plan, MRR and churn date")
	tests := []struct {
		send  string
		wants []string
		names []string
	}{
		{"/fields", []string{"4 fields so far:", "✓ subscription_id — string, primary key", "✓ churn_date — date, optional"}, nil},
		{"/undo", []string{"Removed churn_date."}, []string{"subscription_id", "plan", "mrr"}},
		{"/edit", []string{"Use /edit NAME"}, nil},
		{"/edit nope", []string{`There is no field "nope" (the fields are: subscription_id, plan, mrr)`}, nil},
		{"/edit plan", nil, nil},
		{"text, required", []string{"✓ plan — string, required"}, nil},
		{"/edit mrr number required", []string{"✓ mrr — number, required"}, nil},
		{"/edit mrr: decimal(12,2), obrigatório", []string{"✓ mrr — number, required"}, nil},
		{"/edit plan plan_name: text", []string{"✓ plan_name — string, optional"}, []string{"subscription_id", "plan_name", "mrr"}},
		{"/edit plan_name mrr: text", []string{"mrr is already a field"}, []string{"subscription_id", "plan_name", "mrr"}},
		{"plan name: text, required", []string{"✓ plan_name — string, required (replaces the earlier plan_name)"}, nil},
		{"/undo", []string{"Removed mrr."}, []string{"subscription_id", "plan_name"}},
	}
	for _, tt := range tests {
		info, q := p.send(tt.send)
		mustContain(t, tt.send, info, tt.wants...)
		if q == "" || guidedOf(p.s).Current().Kind != guided.QFields {
			t.Errorf("%s: the fields question was not asked again (%q)", tt.send, q)
		}
		if tt.names != nil && !reflect.DeepEqual(p.names(), tt.names) {
			t.Errorf("%s: fields = %v, want %v", tt.send, p.names(), tt.names)
		}
	}
	if f := guidedOf(p.s).Fields()[1]; f.PhysicalType != "text" || !f.Required {
		t.Errorf("plan_name = %+v", f)
	}
	// the journal replays the same answers and commands into the same state
	p.send("/edit plan_name")
	evs, err := ReadJournal(p.path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := ResumeSession(newArchitect(t, nil, nil), evs, SessionOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(guidedOf(r).Fields(), guidedOf(p.s).Fields()) {
		t.Errorf("resumed fields %+v\nwant %+v", guidedOf(r).Fields(), guidedOf(p.s).Fields())
	}
	if err := r.Send(context.Background(), "plan_name: integer"); err != nil { // the pending /edit plan_name
		t.Fatal(err)
	}
	if f := guidedOf(r).Fields(); len(f) != len(guidedOf(p.s).Fields()) || f[1].LogicalType != "integer" {
		t.Errorf("the resumed /edit did not replace plan_name: %+v", f)
	}
}

func TestGuidedPlainMultiLineIsOneAnswer(t *testing.T) {
	t.Parallel()
	p := newPlainSession(t, "subscriptions churn")
	step, _ := guidedOf(p.s).Progress()
	next := step + 1
	info, q := p.send("- subscription id (pk)\n- customer email\n- status (active, paused, cancelled)\n- total in cents\ndone")
	mustContain(t, "echo", info, "✓ subscription_id — string, primary key", "✓ total_in_cents — integer, optional", "values=active|paused|cancelled")
	if want := []string{"subscription_id", "customer_email", "status", "total_in_cents"}; !reflect.DeepEqual(p.names(), want) {
		t.Errorf("fields = %v, want %v", p.names(), want)
	}
	// done ends the step, and the paste answers nothing after it
	if step, _ := guidedOf(p.s).Progress(); step != next || guidedOf(p.s).Current().Kind == guided.QFields {
		t.Errorf("after the paste: step %d, want %d (%q)", step, next, q)
	}
	if info, _ := p.send("/undo"); !strings.Contains(info, "that step is over") || len(guidedOf(p.s).Fields()) != 4 {
		t.Errorf("/undo after the step: %q, fields %v", info, p.names())
	}
}

func TestGuidedPlainPortugueseKeepsLanguage(t *testing.T) {
	t.Parallel()
	p := newPlainSession(t, "pedidos da loja online")
	if q := guidedOf(p.s).Current(); guidedOf(p.s).Lang() != "pt" || q == nil {
		t.Fatalf("lang = %q", guidedOf(p.s).Lang())
	}
	info, q := p.send("precisamos de id do pedido, cpf do cliente, valor total e data do pedido")
	mustContain(t, "echo", info, "✓ id_pedido — string, opcional (tipo deduzido do nome; mude com /edit id_pedido)",
		"✓ data_pedido — date, opcional", "dado pessoal (document)")
	mustContain(t, "question", q, "Mais campos?")
	info, q = p.send("churn date: date")
	mustContain(t, "english words keep Portuguese", info, "✓ churn_date — date, opcional")
	mustContain(t, "question", q, "Mais campos?")
	info, _ = p.send("código: texto, obrigatório, chave primária")
	mustContain(t, "pt options", info, "✓ codigo — string, chave primária")
	info, _ = p.send("/campos")
	mustContain(t, "/campos", info, "6 campos até agora:")
}

// TestGuidedPlainCommandsAreRobust: odd commands answer, never panic, and
// leave the fields step asking.
func TestGuidedPlainCommandsAreRobust(t *testing.T) {
	t.Parallel()
	p := newPlainSession(t, "subscriptions churn")
	for _, in := range []string{"/undo", "/fields", "/edit", "/edit   ", "/edit :", "/edit `x`", "/edit a b c d e f g",
		"/fields extra words", "plan", "/edit plan (", "/edit plan :", "/edit plan", "(", "/undo", "/undo", "/edit plan x"} {
		info, q := p.send(in)
		if q == "" || guidedOf(p.s).Current().Kind != guided.QFields {
			t.Fatalf("%q: no fields question after it (info %q)", in, info)
		}
	}
	if len(guidedOf(p.s).Fields()) != 0 {
		t.Errorf("fields left: %v", p.names())
	}
}
