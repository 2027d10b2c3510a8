package agent

import (
	"context"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/kernel"
	"github.com/dataeng-os/dataeng-os/providers/scripted"

	"github.com/dataeng-os/dataeng-os/agent/spec"
)

// The answers below are what SmolLM2-135M and gemma-3-270m really gave in
// assist mode on the sample notes (internal/ollamatest/e2e), plus the
// descriptions a useful model would give.
func TestUsefulDescription(t *testing.T) {
	t.Parallel()
	tbl := &spec.Table{Name: "orders", Columns: []spec.Column{{Name: "order_id"}, {Name: "status"}, {Name: "updated_at"}, {Name: "total_value"}}}
	col := func(name, business string) *spec.Column { return &spec.Column{Name: name, BusinessName: business} }
	source := "Nome, e-mail e telefone são dados pessoais (LGPD) — precisam de classificação e não podem ir para o mart sem anonimização."
	for _, tc := range []struct {
		answer string
		c      *spec.Column
		keep   bool
	}{
		{"### Order ID #", col("order_id", "order id"), false},
		{"{}", col("customer_id", "customer id"), false},
		{"[]", col("quantity", ""), false},
		{"### Skus #{}", col("sku", ""), false},
		{"Cargo", col("cargo", ""), false},
		{"This is a note that describes the data set.", col("e_mail", "e-mail"), false},
		{"This field is not available for this data type.", col("telefone", ""), false},
		{"updated_at is a new field for order status, it must be masked to avoid duplicate orders", col("updated_at", "updated at"), false},
		{"Nome, e-mail e telefone são dados pessoais (LGPD) — precisam de classificação", col("nome_completo", "nome completo"), false},
		{"When the order was last changed, in UTC.", col("updated_at", "updated at"), true},
		{"Identificador único do pedido no checkout.", col("order_id", "order id"), true},
		{"E-mail address the customer gave at checkout.", col("customer_email", "customer email"), true},
		{"Current state of the order in its lifecycle.", col("status", ""), true},
	} {
		why := usefulDescription(trimMarkup(tc.answer), tc.c, tbl, source)
		if (why == "") != tc.keep {
			t.Errorf("%q for %s: refused=%q, want keep=%v", tc.answer, tc.c.Name, why, tc.keep)
		}
	}
}

func TestTypeCue(t *testing.T) {
	t.Parallel()
	notes := "Campos: id do lead, telefone, empresa, cargo, origem (orgânico, pago), score (0 a 100), peso, data de criação.\n" +
		"Columns: is active (yes/no), amount (R$), shipped (when it left the warehouse)"
	for _, tc := range []struct {
		name, business, typ string
		want                bool
	}{
		{"telefone", "", "number", false},
		{"empresa", "", "boolean", false},
		{"cargo", "", "date", false},
		{"origem", "", "number", false},
		{"empresa", "", "string", true},
		{"score", "", "integer", true},
		{"peso", "", "number", true},
		{"data_de_criacao", "data de criação", "date", true},
		{"is_active", "is active", "boolean", true},
		{"amount", "", "number", true},
		{"shipped", "", "timestamp", true},
		{"shipped", "", "boolean", false},
	} {
		c := &spec.Column{Name: tc.name, BusinessName: tc.business}
		if got := typeCue(notes, c, tc.typ); got != tc.want {
			t.Errorf("typeCue(%s, %s) = %v, want %v", tc.name, tc.typ, got, tc.want)
		}
	}
}

// TestAssistRefusesNonAnswers: a model that answers markup to everything
// (SmolLM2's "### Order ID #") leaves no trace in the contract.
func TestAssistRefusesNonAnswers(t *testing.T) {
	t.Parallel()
	for _, junk := range []string{"### Order ID #", "{}", "This is a note that describes the data set."} {
		p := scripted.New(scripted.Turn{Text: `{"answer": "` + junk + `"}`, Repeat: true, ChunkSize: -1})
		a := newArchitect(t, p, func(o *Options) { o.Strategy = kernel.StrategyAssist })
		res, err := a.DraftFromNotes(context.Background(), "checkout_orders", assistNotes, nil)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(res.Contract, strings.Trim(junk, "# ")) {
			t.Errorf("answer %q reached the contract:\n%s", junk, res.Contract)
		}
	}
}
