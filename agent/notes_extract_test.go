package agent

import (
	"context"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/contract"
)

func extract(notes string) spec.Draft {
	return ExtractDraft("sample", notes, "", contract.DefaultRules().Policy.PII)
}

func column(d spec.Draft, table, name string) (spec.Column, bool) {
	for _, t := range d.Tables {
		if t.Name != table {
			continue
		}
		for _, c := range t.Columns {
			if c.Name == name {
				return c, true
			}
		}
	}
	return spec.Column{}, false
}

func TestExtractColumns(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, notes, table, column string
		check                      func(spec.Column) bool
	}{
		{"pk and physical type", "Columns: shipment_id (bigint, pk), carrier", "sample", "shipment_id",
			func(c spec.Column) bool {
				return c.PrimaryKey && c.Required && c.PhysicalType == "bigint" && c.LogicalType == "integer"
			}},
		{"open value list is a description", "Columns: id (pk), carrier (correios, jadlog, …)", "sample", "carrier",
			func(c spec.Column) bool {
				return len(c.AllowedValues) == 0 && strings.Contains(c.Description, "jadlog")
			}},
		{"value list", "- Fields for orders: order id (uuid), status (created, paid, shipped)", "orders", "status",
			func(c spec.Column) bool { return slices.Equal(c.AllowedValues, []string{"created", "paid", "shipped"}) }},
		{"slash values", "plans: plan_id, name, interval (month/year)", "plans", "interval",
			func(c spec.Column) bool { return slices.Equal(c.AllowedValues, []string{"month", "year"}) }},
		{"spaces to snake, business name kept", "Campos: id do lead, data de criação, valor centavos", "sample", "data_de_criacao",
			func(c spec.Column) bool { return c.BusinessName == "data de criação" && c.LogicalType == "date" }},
		{"centavos is integer", "Campos: id do lead, data de criação, valor centavos", "sample", "valor_centavos",
			func(c spec.Column) bool { return c.LogicalType == "integer" }},
		{"pt range", "Campos: id, score (0 a 100), nome", "sample", "score",
			func(c spec.Column) bool { return c.Min == "0" && c.Max == "100" }},
		{"strict bound on integer", "order_items: order id, line number, quantity (>0)", "order_items", "quantity",
			func(c spec.Column) bool { return c.Min == "1" && c.LogicalType == "integer" }},
		{"nullable until event", "Campos: id, data de conversão (pode ser nula), criado em", "sample", "data_de_conversao",
			func(c spec.Column) bool { return c.NullUntilEvent && !c.Required }},
		{"_em is timestamp", "Campos: id, data de conversão (pode ser nula), criado em", "sample", "criado_em",
			func(c spec.Column) bool { return c.LogicalType == "timestamp" }},
		{"chat has-list", "[10:05] de-priya: subscriptions has id, customer_id, is_trial, mrr_cents", "subscriptions", "is_trial",
			func(c spec.Column) bool { return c.LogicalType == "boolean" }},
		{"inline pii mark", "Fields: order id, customer email (!! PII), total", "sample", "customer_email",
			func(c spec.Column) bool { return c.Classification == "pii" && c.PII == spec.PIIEmail }},
		{"sentence list, article dropped", "notes from a call: columns are device_id, site and a reading timestamp", "sample", "reading_timestamp",
			func(c spec.Column) bool { return c.LogicalType == "timestamp" && c.BusinessName == "reading timestamp" }},
		{"plain sentence", "we need subscription id, customer email, plan, MRR and churn date", "sample", "churn_date",
			func(c spec.Column) bool { return c.LogicalType == "date" && c.BusinessName == "churn date" }},
		{"plain sentence pt", "Precisamos de id do pedido, valor em centavos e criado em", "sample", "criado_em",
			func(c spec.Column) bool { return c.LogicalType == "timestamp" }},
		{"bullets under a heading naming the table", "Fields for orders:\n- order id (pk)\n- status: created / paid\n- paid at", "orders", "status",
			func(c spec.Column) bool { return slices.Equal(c.AllowedValues, []string{"created", "paid"}) }},
		{"numbered snake_case run", "1. event_id (string, pk)\n2. user_email — PII, must be pseudonymized\n3. loaded_at", "sample", "user_email",
			func(c spec.Column) bool { return c.Classification == "pii" && c.Masking == "pseudonymize" }},
		{"last item after and", "Columns: a_id, first_seen_at and last_seen_at", "sample", "last_seen_at",
			func(c spec.Column) bool { return c.LogicalType == "timestamp" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			d := extract(tc.notes)
			c, ok := column(d, tc.table, tc.column)
			if !ok {
				t.Fatalf("no column %s.%s in %+v", tc.table, tc.column, d.Tables)
			}
			if !tc.check(c) {
				t.Errorf("column %+v", c)
			}
		})
	}
}

func TestExtractNotAList(t *testing.T) {
	t.Parallel()
	for _, notes := range []string{
		"Consumers: Finance (revenue recon), Growth (dashboards).",
		"Quality: no duplicate order ids, status must be one of the list, total >= 0",
		"Participantes: Juliana (Marketing Ops), Rafael (Eng. de Dados)",
		"we talked about many things, none of them were columns, really",
	} {
		if d := extract(notes); len(d.Tables) != 0 {
			t.Errorf("%q: tables %+v", notes, d.Tables)
		}
	}
}

func TestExtractOwner(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ notes, team, owner string }{
		{"Owner on the producer side: Checkout squad (lead: bruno.souza). Data steward: carla.", "Checkout squad", "bruno.souza"},
		{"[10:10] pm: owner is billing squad. deadline next sprint", "billing squad", ""},
		{"Squad Growth, dono joao.silva", "Squad Growth", "joao.silva"},
		{"Dono: Marketing Ops. Responsável técnico: Rafael.", "Marketing Ops", ""},
		{"owner: platform-data team; contact #plant-data on slack", "platform-data team", ""},
		{"landed hourly by the platform team", "platform team", ""},
		{"nothing about who", "", ""},
	} {
		d := extract(tc.notes)
		if d.Team != tc.team || d.Owner != tc.owner {
			t.Errorf("%q: team %q owner %q; want %q %q", tc.notes, d.Team, d.Owner, tc.team, tc.owner)
		}
	}
}

func TestExtractSLAAndMarts(t *testing.T) {
	t.Parallel()
	cols := "Columns: order_id (pk), created_at, updated_at, delivered_at (null until delivered)\n"
	for _, tc := range []struct {
		notes, fresh, col string
		mart              spec.Mart
	}{
		{cols + "Refresh hourly.", "1h", "updated_at", ""},
		{cols + "SLA: atualização diária até 9h", "1d", "updated_at", ""},
		{cols + "freshness 24h. We want a fact table for orders", "24h", "updated_at", spec.MartFact},
		{cols + "a fct table for orders please", "0", "", spec.MartFact},
		{cols + "Queremos uma dimensão de orders", "0", "", spec.MartDimension},
		{cols + "that's a mart thing", "0", "", ""},
		{"Columns: id (pk), delivered_at (null until delivered)\nRefresh daily", "1d", "", ""},
	} {
		d := extract(tc.notes)
		if got := strconv.FormatInt(d.SLA.Value, 10) + d.SLA.Unit; got != tc.fresh || d.SLA.Column != tc.col {
			t.Errorf("%q: freshness %s on %q; want %s on %q", tc.notes, got, d.SLA.Column, tc.fresh, tc.col)
		}
		if len(d.Tables) == 0 || d.Tables[0].Mart != tc.mart {
			t.Errorf("%q: tables %+v, want mart %q", tc.notes, d.Tables, tc.mart)
		}
	}
}

func TestExtractSensitive(t *testing.T) {
	t.Parallel()
	base := "Campos: id do lead (pk), nome completo, e-mail, telefone, empresa\n"
	for _, tc := range []struct {
		notes, column, class, masking string
	}{
		{base + "Nome, e-mail e telefone são dados pessoais (LGPD) e não podem ir para o mart sem anonimização.", "telefone", "pii", "anonymize"},
		{base + "E-mail must be hashed.", "e_mail", "", "hash"},
		{base + "Very sensitive: name, email and phone.", "e_mail", "sensitive", ""},
		{base + "telefone não pode ir para o mart", "telefone", "", "redact"},
		{base + "no personal data here as far as we know", "empresa", "", ""},
		{base + "no personal data here as far as we know", "telefone", "", ""},
	} {
		c, ok := column(extract(tc.notes), "sample", tc.column)
		if !ok || c.Classification != tc.class || c.Masking != tc.masking {
			t.Errorf("%q: %s = %+v; want class %q masking %q", tc.notes, tc.column, c, tc.class, tc.masking)
		}
	}
	if c, _ := column(extract(base), "sample", "empresa"); c.Sensitive() {
		t.Errorf("empresa is no personal data: %+v", c)
	}
}

// TestExtractOpenQuestions: what the notes lack is asked, in their
// language, and never filled in.
func TestExtractOpenQuestions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		notes string
		want  []string
	}{
		{"Columns: a_id, b, customer email", []string{"Who owns", "Which system", "How fresh", "Which column identifies a row of `sample`", "How is `sample.customer_email` classified"}},
		{"Precisamos dos campos: id do pedido, cpf do cliente, valor", []string{"Quem é o dono", "De que sistema", "Quão frescos", "Qual coluna identifica", "Como `sample.cpf_do_cliente` é classificado"}},
	} {
		d := extract(tc.notes)
		got := strings.Join(d.OpenQuestions, "\n")
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("%q: open questions lack %q:\n%s", tc.notes, w, got)
			}
		}
		if d.Owner != "" || d.Team != "" || d.Source != "" || d.SLA.Value != 0 {
			t.Errorf("%q: invented facts %+v", tc.notes, d)
		}
	}
}

// TestDraftFromNotesWithoutModel: guided mode drafts from notes through
// the extractor, the assembler and the validator, with no model call.
func TestDraftFromNotesWithoutModel(t *testing.T) {
	t.Parallel()
	a, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file  string
		valid bool
		lang  string
	}{
		{"spec/testdata/notes/en-deliveries.md", true, "en"},
		{"spec/testdata/notes/pt-pedidos.md", true, "pt"},
		{"../testdata/notes/05-messy-chat-export.md", false, "en"},
	} {
		d := extractFile(t, tc.file)
		res, err := a.DraftFromNotes(context.Background(), d.Name, readText(t, tc.file), nil)
		if err != nil {
			t.Fatal(err)
		}
		if res.Valid != tc.valid || res.Attempts != 1 || res.Calls != 0 || res.Lang != tc.lang {
			t.Errorf("%s: valid %v attempts %d calls %d lang %q findings %v", tc.file, res.Valid, res.Attempts, res.Calls, res.Lang, res.Findings)
		}
		if !strings.Contains(res.Contract, "apiVersion: v3.1.0") || !strings.Contains(res.Canvas, "# Product Canvas") {
			t.Errorf("%s: drafts missing", tc.file)
		}
		if !tc.valid && (len(res.OpenQuestions) == 0 || res.StopReason != StopOpen) {
			t.Errorf("%s: a draft that needs a person must say why: %+v", tc.file, res.OpenQuestions)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := a.DraftFromNotes(ctx, "x", "Columns: a, b", nil); err == nil {
		t.Error("a cancelled draft must report it")
	}
}

func readText(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestModelGetsTheExtractorsStart: with a model, the first request carries
// the notes extractor's contract as a starting point, as data; notes with
// no field list give none.
func TestModelGetsTheExtractorsStart(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		notes string
		start bool
	}{
		{"Columns: shipment_id (bigint, pk), recipient email\nOwner: Logistics squad (lead: ana.lima)", true},
		{"we talked about shipments", false},
	} {
		p := plain(turn(reply(fixture(t, "canvas.md"), fixture(t, "valid.odcs.yaml"))))
		a := newArchitect(t, p, nil)
		a.noGround = true // the scripted answer is unrelated to the notes on purpose
		if _, err := a.DraftFromNotes(context.Background(), "shipments", tc.notes, nil); err != nil {
			t.Fatal(err)
		}
		msg := p.Requests()[0].Messages[0].Content
		has := strings.Contains(msg, "<start>\napiVersion: v3.1.0") && strings.Contains(msg, "name: shipment_id") &&
			strings.Contains(msg, "username: ana.lima")
		if has != tc.start || strings.Contains(msg, "<start>") != tc.start {
			t.Errorf("%q: start block %v, want %v:\n%s", tc.notes, has, tc.start, msg)
		}
	}
}
