package guided

import (
	"reflect"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

func TestProposeName(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		answer, id, business string
		ok                   bool
	}{
		// Portuguese
		{"preciso de uma tabela de pedidos da loja online com cpf do cliente", "pedidos_loja_online", "pedidos da loja online", true},
		{"Queremos os leads de marketing vindos do HubSpot", "leads_marketing", "leads de marketing", true},
		{"uma tabela de clientes para o time de CRM", "clientes", "clientes", true},
		{"leads de marketing", "", "", false},
		{"pedidos do checkout da loja", "", "", false},
		// English
		{"I need a table of online store orders with customer email", "online_store_orders", "online store orders", true},
		{"We need subscription churn data for the CS team", "subscription_churn_data", "subscription churn data", true},
		{"A data product for subscription MRR", "subscription_mrr", "subscription MRR", true},
		{"checkout orders", "", "", false},
		{"checkout orders.", "", "", false}, // the same name: nothing to confirm
		{"the orders", "", "", false},
		{"I need a table", "", "", false},
		{"", "", "", false},
	} {
		id, business, ok := proposeName(tt.answer)
		if id != tt.id && tt.ok || business != tt.business && tt.ok || ok != tt.ok {
			t.Errorf("%q: got %q %q %v, want %q %q %v", tt.answer, id, business, ok, tt.id, tt.business, tt.ok)
		}
	}
}

func TestOwnerFacts(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ answer, team, owner string }{
		// English
		{"The billing platform team produces it; Maria Chen (maria.chen@acme.io) owns it", "billing platform team", "maria.chen@acme.io"},
		{"Checkout squad, bruno.souza", "Checkout squad", "bruno.souza"},
		{"Checkout squad (lead: bruno.souza)", "Checkout squad", "bruno.souza"},
		{"team: Data; owner: ana@example.com", "Data", "ana@example.com"},
		{"owned by the Growth Analytics team (@leo.k)", "Growth Analytics team", "leo.k"},
		{"Maria Chen owns it", "", "Maria Chen"},
		{"Marketing Ops", "Marketing Ops", ""},
		// Portuguese
		{"Squad Growth, dono joao.silva", "Squad Growth", "joao.silva"},
		{"O time de Pagamentos produz; a dona é a Ana Souza", "time de Pagamentos", "Ana Souza"},
		{"time de dados, responsável carla.nunes", "time de dados", "carla.nunes"},
		{"Marketing Ops, rafael.lima", "Marketing Ops", "rafael.lima"},
		{"squad de CX (líder: paula.ramos)", "squad de CX", "paula.ramos"},
	} {
		team, owner := ownerFacts(tt.answer)
		if team != tt.team || owner != tt.owner {
			t.Errorf("%q: got team %q owner %q, want %q %q", tt.answer, team, owner, tt.team, tt.owner)
		}
	}
}

func TestSystemSource(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		answer, want string
		cands        []string
	}{
		// English
		{"Postgres billing database", "billing", nil},
		{"It comes from the Postgres billing database", "billing", nil},
		{"HubSpot", "hubspot", nil},
		{"we export it from hubspot every night", "hubspot", nil},
		{"Stripe", "stripe", nil},
		{"charges come from stripe webhooks", "stripe", nil},
		{"s3://bucket/path", "bucket", nil},
		{"Parquet files land in s3://acme-raw/orders/ every hour", "acme_raw", nil},
		{"Postgres", "postgres", nil},
		{"the billing db", "billing", nil},
		{"Stripe API and the checkout service", "", []string{"stripe", "checkout"}},
		{"Files on S3", "", nil},
		{"not sure yet", "", nil},
		// Portuguese
		{"MySQL da loja", "loja", nil},
		{"Os dados vêm do MySQL da loja", "loja", nil},
		{"Exportação diária do HubSpot para o bucket s3", "hubspot", nil},
		{"banco de dados do faturamento", "faturamento", nil},
		{"Arquivos CSV no bucket", "", nil},
	} {
		got, cands := systemSource(tt.answer)
		if got != tt.want || tt.cands != nil && !reflect.DeepEqual(cands, tt.cands) {
			t.Errorf("%q: got %q (candidates %v), want %q %v", tt.answer, got, cands, tt.want, tt.cands)
		}
	}
}

func TestSoleTableMarts(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		answer, table, want string
		unknown             int
	}{
		// English
		{"a fact table for MRR", "subscriptions", "fact", 0},
		{"fct table for deliveries", "shipments", "fact", 0},
		{"a dimension for customers", "clients", "dimension", 0},
		{"dim table of plans", "plan_catalog", "dimension", 0},
		{"staging and dim_customers", "orders", "", 1}, // a model named: not this table
		{"staging only", "orders", "", 0},
		// Portuguese
		{"tabela fato de pedidos", "pedidos", "fact", 0},
		{"uma tabela fato para o MRR", "assinaturas", "fact", 0},
		{"dimensão de clientes", "cadastro", "dimension", 0},
		{"sem marts", "pedidos", "", 0},
	} {
		mp := deliveryMarts(tt.answer, []string{tt.table})
		mp.soleTable([]string{tt.table})
		if mp.kinds[tt.table] != tt.want || len(mp.unknown) != tt.unknown {
			t.Errorf("%q on %s: got %v unknown %v, want %q (%d unknown)", tt.answer, tt.table, mp.kinds, mp.unknown, tt.want, tt.unknown)
		}
	}
}

func TestAnswerMasking(t *testing.T) {
	t.Parallel()
	pol := contract.DefaultRules().Policy.PII
	fields := []FieldSpec{{Name: "order_id", LogicalType: "string"}, {Name: "customer_email", LogicalType: "string"},
		{Name: "cpf_cliente", LogicalType: "string"}, {Name: "total_cents", LogicalType: "integer"}}
	for _, tt := range []struct {
		answer string
		want   map[int]string
	}{
		// English
		{"customer_email is personal data and must be hashed", map[int]string{1: "hash", 2: ""}},
		{"must be hashed", map[int]string{1: "hash", 2: "hash"}},
		{"The e-mail must be masked. The cpf must be encrypted.", map[int]string{1: "mask", 2: "encrypt"}},
		{"email is PII, no need to mask it", map[int]string{1: "none"}},
		{"email is personal data", map[int]string{}},
		// Portuguese
		{"cpf_cliente é dado pessoal e deve ser anonimizado", map[int]string{2: "anonymize", 1: ""}},
		{"anonimizado", map[int]string{1: "anonymize", 2: "anonymize"}},
		{"não pode ir para o mart", map[int]string{1: "redact", 2: "redact"}},
		{"o e-mail não pode ir para o mart sem hash", map[int]string{1: "hash"}},
	} {
		got := readSensitiveAnswer(tt.answer, fields, pol).masks
		for i := range fields {
			if got[i] != tt.want[i] {
				t.Errorf("%q: %s masking %q, want %q", tt.answer, fields[i].Name, got[i], tt.want[i])
			}
		}
	}
}

func TestFreshnessColumnSkipsEvents(t *testing.T) {
	t.Parallel()
	ts := func(name, desc string) FieldSpec {
		return FieldSpec{Name: name, LogicalType: "timestamp", Description: desc}
	}
	for _, tt := range []struct {
		fields []FieldSpec
		want   string
	}{
		{[]FieldSpec{ts("delivered_at", ""), ts("updated_at", "")}, "updated_at"},
		{[]FieldSpec{ts("delivered_at", ""), ts("created_at", "")}, "created_at"},
		{[]FieldSpec{ts("delivered_at", "")}, ""},
		{[]FieldSpec{ts("cancelled_at", ""), ts("churned_at", ""), ts("loaded_at", "")}, "loaded_at"},
		{[]FieldSpec{ts("event_time", "null until delivered"), ts("ingested_at", "")}, "ingested_at"},
		{[]FieldSpec{ts("event_time", "null until delivered")}, ""},
		{[]FieldSpec{ts("_loaded_at", ""), ts("updated_at", "")}, "_loaded_at"},
		{[]FieldSpec{ts("entregue_em", ""), ts("atualizado_em", "")}, "atualizado_em"},
		{[]FieldSpec{ts("cancelado_em", ""), ts("criado_em", "")}, "criado_em"},
		{[]FieldSpec{ts("data_evento", "nula até a entrega"), ts("criado_em", "")}, "criado_em"},
	} {
		if got := freshnessColumn(tt.fields); got != tt.want {
			t.Errorf("%v: got %q, want %q", tt.fields, got, tt.want)
		}
	}
}

func TestSLAFacts(t *testing.T) {
	t.Parallel()
	cfg := testConfig(t)
	title := func(role int) string {
		for _, s := range cfg.Sections {
			if sectionRole(s.Title) == role {
				return s.Title
			}
		}
		t.Fatalf("no section of role %d", role)
		return ""
	}
	for _, tt := range []struct {
		answers map[int]string
		value   int64
		unit    string
	}{
		// English
		{map[int]string{roleSLA: "hourly"}, 1, "h"},
		{map[int]string{roleSLA: "daily"}, 1, "d"},
		{map[int]string{roleSLA: "every day by 9am"}, 1, "d"},
		{map[int]string{roleSLA: "as fresh as possible", roleSources: "Postgres billing database, replicated hourly"}, 1, "h"},
		{map[int]string{roleSLA: "as fresh as possible", roleConsumers: "Finance, daily"}, 0, ""}, // how often people look
		// Portuguese
		{map[int]string{roleSLA: "atualização diária até 9h"}, 1, "d"},
		{map[int]string{roleSLA: "de hora em hora"}, 1, "h"},
		{map[int]string{roleSources: "MySQL da loja, carga a cada 6 horas"}, 6, "h"},
		{map[int]string{roleSLA: "o quanto antes"}, 0, ""},
	} {
		g := newTest(t, "en")
		for role, ans := range tt.answers {
			g.answers[title(role)] = ans
		}
		sla := g.slaFacts()
		if sla.Value != tt.value || sla.Unit != tt.unit {
			t.Errorf("%v: got %d%s, want %d%s", tt.answers, sla.Value, sla.Unit, tt.value, tt.unit)
		}
		if want := tt.answers[roleSLA]; want != "" && sla.Text != want || want == "" && tt.unit != "" && sla.Text == "" {
			t.Errorf("%v: text %q, want the SLA answer %q (else the schedule's clause)", tt.answers, sla.Text, want)
		}
	}
}
