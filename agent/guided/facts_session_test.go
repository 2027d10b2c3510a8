package guided

import (
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

// factsPerson is a scripted person who answers in plain language: the
// name (and its confirmation), the sections by role, and the fields.
type factsPerson struct {
	name, confirm string
	sections      map[int]string
	fields        []string
}

// talk runs the interview and returns the guided state and every question
// asked.
func (p factsPerson) talk(t *testing.T, lang string) (*Interviewer, []Question) {
	t.Helper()
	g := newTest(t, lang)
	g.fixLang = true
	base := scriptedAnswers(p.fields...)
	var asked []Question
	runGuided(t, g, func(q Question) string {
		asked = append(asked, q)
		switch {
		case q.Kind == QName && p.name != "":
			return p.name
		case q.Kind == QNameConfirm:
			return p.confirm
		case q.Kind == QTable:
			return "deliveries: one row per shipment"
		case q.Kind == QSection:
			if a, ok := p.sections[sectionRole(q.Section)]; ok {
				return a
			}
		}
		return base(q)
	})
	return g, asked
}

func askedKey(asked []Question, kind, key string) bool {
	for _, q := range asked {
		if q.Kind == kind && (key == "" || q.Key == key) {
			return true
		}
	}
	return false
}

var deliveryFields = []string{"shipment_id: string, required, primary key", "recipient_email: string, description=Recipient e-mail",
	"delivered_at: timestamp, description=null until delivered", "updated_at: timestamp"}

func TestGuidedFactsSession(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		person   factsPerson
		wantYAML []string
		notYAML  string   // what the contract must not say
		asked    []string // kind:key that must be asked
		notAsked []string // kind:key that must not be
	}{
		{"name proposed and confirmed", factsPerson{name: "I need a table of online store orders with customer email", confirm: "yes"},
			[]string{"id: online_store_orders", "name: online store orders"}, "", []string{QNameConfirm + ":"}, nil},
		{"another name typed", factsPerson{name: "preciso de uma tabela de pedidos da loja online com cpf do cliente", confirm: "vendas online"},
			[]string{"id: vendas_online", "name: vendas online"}, "", []string{QNameConfirm + ":"}, nil},
		{"short name kept", factsPerson{name: "checkout orders"}, []string{"id: checkout_orders"}, "", nil, []string{QNameConfirm + ":"}},
		{"owner and team", factsPerson{sections: map[int]string{roleOwner: "The billing platform team produces it; Maria Chen (maria.chen@acme.io) owns it"}},
			[]string{"name: billing platform team", "username: maria.chen@acme.io"}, "", nil, []string{QFinding + ":owner"}},
		{"source not asked again", factsPerson{sections: map[int]string{roleSources: "It comes from the Postgres billing database"}},
			[]string{"property: dbtSource\n    value: billing"}, "", nil, []string{QFinding + ":source"}},
		{"SLA from a schedule", factsPerson{sections: map[int]string{roleSLA: "every day by 9am"}},
			[]string{"property: freshness\n    value: 1\n    unit: d"}, "", nil, nil},
		{"mart from a fact table", factsPerson{sections: map[int]string{roleDelivery: "a fact table for MRR"}},
			[]string{"property: dbtMart\n        value: fact"}, "", nil, nil},
		{"mart from fct", factsPerson{sections: map[int]string{roleDelivery: "fct table for deliveries"}},
			[]string{"property: dbtMart\n        value: fact"}, "", nil, nil},
		{"dimension mart", factsPerson{sections: map[int]string{roleDelivery: "a dimension of customers"}},
			[]string{"property: dbtMart\n        value: dimension"}, "", nil, nil},
		{"masking from must be hashed", factsPerson{sections: map[int]string{roleSensitive: "customer_email is personal data and must be hashed"}},
			[]string{"property: masking\n            value: hash", "classification: pii"}, "", nil, []string{QFinding + ":masking", QFinding + ":classification"}},
		{"personal data in Portuguese, classified once", factsPerson{sections: map[int]string{roleSensitive: "customer_email é dado pessoal (LGPD) e deve ser anonimizado"}},
			[]string{"value: anonymize", "classification: pii"}, "", nil, []string{QFinding + ":classification"}},
		{"freshness column not delivered_at", factsPerson{fields: deliveryFields, sections: map[int]string{roleSLA: "hourly"}},
			[]string{"unit: h\n    element: deliveries.updated_at"}, "", nil, nil},
		{"no freshness on an event column", factsPerson{fields: deliveryFields[:3], sections: map[int]string{roleSLA: "de hora em hora"}},
			[]string{"unit: h"}, "element: deliveries.delivered_at", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := tt.person
			if p.fields == nil {
				p.fields = []string{"order_id: string, required, primary key", "customer_email: string", "created_at: timestamp"}
			}
			g, asked := p.talk(t, "en")
			for _, w := range tt.wantYAML {
				if !strings.Contains(g.yml, w) {
					t.Errorf("contract lacks %q:\n%s", w, g.yml)
				}
			}
			if tt.notYAML != "" && strings.Contains(g.yml, tt.notYAML) {
				t.Errorf("contract has %q:\n%s", tt.notYAML, g.yml)
			}
			for _, k := range tt.asked {
				kind, key, _ := strings.Cut(k, ":")
				if !askedKey(asked, kind, key) {
					t.Errorf("%s was not asked", k)
				}
			}
			for _, k := range tt.notAsked {
				kind, key, _ := strings.Cut(k, ":")
				if askedKey(asked, kind, key) {
					t.Errorf("%s was asked again", k)
				}
			}
			if contract.HasErrors(g.findings) {
				t.Errorf("the drafts keep errors: %v", g.findings)
			}
		})
	}
}

// TestGuidedFactsPortugueseCanvas checks that a Portuguese session writes
// the canvas bodies in Portuguese, with the facts it read.
func TestGuidedFactsPortugueseCanvas(t *testing.T) {
	t.Parallel()
	p := factsPerson{name: "preciso de uma tabela de pedidos da loja online com cpf do cliente", confirm: "sim",
		sections: map[int]string{roleOwner: "Squad Growth, dono joao.silva", roleSources: "MySQL da loja",
			roleSensitive: "cpf_cliente é dado pessoal e deve ser anonimizado", roleSLA: "atualização diária até 9h",
			roleDelivery: "tabela fato de pedidos"},
		fields: []string{"pedido_id: string, obrigatório, primary key", "cpf_cliente: string, description=CPF do cliente",
			"entregue_em: timestamp", "atualizado_em: timestamp"}}
	g, asked := p.talk(t, "pt")
	for _, w := range []string{"Tabela `deliveries`", "(string, chave primária)", "mascaramento anonymize", "## Perguntas em aberto", "# Product Canvas: pedidos da loja online"} {
		if !strings.Contains(g.canvas, w) {
			t.Errorf("canvas lacks %q:\n%s", w, g.canvas)
		}
	}
	for _, en := range []string{"primary key", "masking ", "Open questions", "required", "Table `"} {
		if strings.Contains(g.canvas, en) {
			t.Errorf("Portuguese canvas has English %q:\n%s", en, g.canvas)
		}
	}
	for _, w := range []string{"id: pedidos_loja_online", "name: Squad Growth", "username: joao.silva", "value: loja",
		"element: deliveries.atualizado_em", "value: anonymize"} {
		if !strings.Contains(g.yml, w) {
			t.Errorf("contract lacks %q:\n%s", w, g.yml)
		}
	}
	if askedKey(asked, QFinding, "masking") || askedKey(asked, QFinding, "source") || askedKey(asked, QFinding, "owner") {
		t.Errorf("asked again what the answers said: %+v", asked)
	}
}
