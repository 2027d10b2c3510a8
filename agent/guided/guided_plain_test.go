package guided

import (
	"reflect"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

// plainSummary renders a field read from plain language compactly:
// "name type flags… typed".
func plainSummary(pf plainField) string {
	f := pf.f
	parts := []string{f.Name, f.LogicalType}
	for _, fl := range []struct {
		on   bool
		name string
	}{{f.PrimaryKey, "pk"}, {f.Required && !f.PrimaryKey, "req"}, {f.Unique && !f.PrimaryKey, "uniq"}, {f.PII, "pii"}} {
		if fl.on {
			parts = append(parts, fl.name)
		}
	}
	if f.PIIKind != "" && f.PIIKind != "other" {
		parts = append(parts, "kind="+string(f.PIIKind))
	}
	if f.Classification != "" {
		parts = append(parts, "class="+f.Classification)
	}
	if len(f.Values) > 0 {
		parts = append(parts, "values="+strings.Join(f.Values, "|"))
	}
	return strings.Join(append(parts, [...]string{"given", "guessed", "default"}[pf.typed]), " ")
}

func TestParsePlainFields(t *testing.T) {
	t.Parallel()
	pol := contract.DefaultRules().Policy.PII
	tests := []struct {
		name, in, lang string
		want           []string
		bad            int
	}{
		{name: "en sentence", in: "we need subscription id, customer email, plan, MRR and churn date", want: []string{
			"subscription_id string guessed", "customer_email string pii kind=email guessed", "plan string default",
			"mrr number guessed", "churn_date date guessed"}},
		{name: "pt sentence", lang: "pt", in: "precisamos de id do pedido, cpf do cliente, valor total e data do pedido", want: []string{
			"id_pedido string guessed", "cpf_cliente string pii kind=document guessed", "valor_total number guessed", "data_pedido date guessed"}},
		{name: "name in words with a type", in: "churn date: date", want: []string{"churn_date date given"}},
		{name: "strict line", in: "order_id: string, required, primary key", want: []string{"order_id string pk given"}},
		{name: "strict line keeps its name", in: "TotalCents: integer", want: []string{"TotalCents integer given"}},
		{name: "strict space form", in: "created_at timestamp", want: []string{"created_at timestamp given"}},
		{name: "snake name with a date type", in: "created_at date", want: []string{"created_at date given"}},
		{name: "bullets", in: "- order id (pk)\n* email\n• status (active, paused, cancelled)", want: []string{
			"order_id string pk guessed", "email string pii kind=email guessed", "status string values=active|paused|cancelled guessed"}},
		{name: "numbered", in: "1. total in cents\n2. is active", want: []string{"total_in_cents integer guessed", "is_active boolean guessed"}},
		{name: "explicit type in parentheses wins", in: "plan (text), churn date (timestamp)", want: []string{"plan string given", "churn_date timestamp given"}},
		{name: "pt value list", lang: "pt", in: "canal (site, app, loja)", want: []string{"canal string values=site|app|loja default"}},
		{name: "pt options", lang: "pt", in: "código do cliente: texto, obrigatório, chave primária", want: []string{"codigo_cliente string pk given"}},
		{name: "pt types", lang: "pt", in: "nome: texto\nqtd itens: inteiro\nvalor: decimal\nativo: booleano\ncriado em: data e hora",
			want: []string{"nome string given", "qtd_itens integer given", "valor number given", "ativo boolean given", "criado_em timestamp given"}},
		{name: "pt numero and data", lang: "pt", in: "nota: número, data da compra: data", want: nil, bad: 1},
		{name: "pt numero", lang: "pt", in: "nota: número", want: []string{"nota number given"}},
		{name: "pt nullable and unique", lang: "pt", in: "e-mail (único, pode ser nula)", want: []string{"email string uniq pii kind=email guessed"}},
		{name: "pt dado pessoal", lang: "pt", in: "telefone (dado pessoal)", want: []string{"telefone string pii kind=phone class=pii guessed"}},
		{name: "options after the name", in: "order id pk, customer email required", want: []string{
			"order_id string pk guessed", "customer_email string req pii kind=email guessed"}},
		{name: "options as their own item", in: "email, required, unique", want: []string{"email string req uniq pii kind=email guessed"}},
		{name: "type omitted in the strict form", in: "order id: required, pk", want: []string{"order_id string pk guessed"}},
		{name: "timestamp words", in: "paid at, cancelled (when the customer left), start time", want: []string{
			"paid_at timestamp guessed", "cancelled timestamp guessed", "start_time timestamp guessed"}},
		{name: "pt _em and centavos", lang: "pt", in: "atualizado em e total em centavos", want: []string{
			"atualizado_em timestamp guessed", "total_em_centavos integer guessed"}},
		{name: "pt flags", lang: "pt", in: "eh_cliente, tem_desconto", want: []string{"eh_cliente boolean guessed", "tem_desconto boolean guessed"}},
		{name: "lead-in with colon", lang: "pt", in: "Campos: id do lead, nome completo, e-mail", want: []string{
			"id_lead string guessed", "nome_completo string pii kind=name guessed", "email string pii kind=email guessed"}},
		{name: "the fields are", in: "The fields are order id, order date and amount.", want: []string{
			"order_id string guessed", "order_date date guessed", "amount number guessed"}},
		{name: "semicolons", in: "sku; quantity; price", want: []string{"sku string guessed", "quantity integer guessed", "price number guessed"}},
		{name: "unknown type is reported", in: "churn date: whenever", bad: 1},
		{name: "a sentence is not a name", in: "CS wants to see who churned last week and why they left us", bad: 1},
		{name: "options alone have no field", in: "required", bad: 1},
		{name: "the good items are kept", in: "plan, (pk)", want: []string{"plan string default"}, bad: 1},
		{name: "pt sensitive in parentheses", lang: "pt", in: "renda (sensível)", want: []string{"renda string class=sensitive default"}},
		{name: "pt sensitive option", lang: "pt", in: "renda mensal: decimal, sensível", want: []string{"renda_mensal number pii given"}},
		{name: "we want", in: "We want customer id and signup date", want: []string{"customer_id string guessed", "signup_date date guessed"}},
		{name: "os campos são", lang: "pt", in: "os campos são: código do produto, quantidade e preço", want: []string{
			"codigo_produto string guessed", "quantidade integer guessed", "preco number guessed"}},
		{name: "queremos", lang: "pt", in: "queremos o nome do plano; o valor mensal", want: []string{"nome_plano string guessed", "valor_mensal number guessed"}},
		{name: "pt code word", lang: "pt", in: "código", want: []string{"codigo string guessed"}},
		{name: "done closes nothing here", in: "done", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			lang := tt.lang
			if lang == "" {
				lang = "en"
			}
			res := parsePlainFields(tt.in, lang, pol)
			var got []string
			for _, pf := range res.fields {
				got = append(got, plainSummary(pf))
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%q:\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if len(res.bad) != tt.bad {
				t.Errorf("%q: %d unreadable, want %d: %q", tt.in, len(res.bad), tt.bad, res.bad)
			}
		})
	}
}

func TestPlainNameKeepsTheWords(t *testing.T) {
	t.Parallel()
	for in, want := range map[string][2]string{
		"churn date":   {"churn_date", "churn date"},
		"MRR":          {"mrr", "MRR"},
		"código":       {"codigo", "código"},
		"id do pedido": {"id_pedido", "id do pedido"},
		"e-mail":       {"email", "e-mail"},
		"order_id":     {"order_id", ""},
		"data de":      {"data_de", "data de"},
	} {
		name, business := plainName(in)
		if name != want[0] || business != want[1] {
			t.Errorf("plainName(%q) = %q, %q; want %q, %q", in, name, business, want[0], want[1])
		}
	}
}

func TestParsePlainFieldsKeepsBusinessNames(t *testing.T) {
	t.Parallel()
	res := parsePlainFields("churn date: date\nsubscription id (pk)", "en", contract.DefaultRules().Policy.PII)
	if len(res.fields) != 2 {
		t.Fatalf("fields = %+v", res.fields)
	}
	for i, want := range []string{"churn date", "subscription id"} {
		if got := res.fields[i].f.BusinessName; got != want {
			t.Errorf("field %d business name = %q, want %q", i, got, want)
		}
		if got := res.fields[i].f.column().BusinessName; got != want {
			t.Errorf("field %d column business name = %q, want %q", i, got, want)
		}
	}
}

func FuzzParsePlainFields(f *testing.F) {
	for _, s := range []string{"we need a, b and c", "x: texto, obrigatório", "- a (b, c)\n* d", "(", "a: (", ", and ,", "e-mail e"} {
		f.Add(s)
	}
	pol := contract.DefaultRules().Policy.PII
	f.Fuzz(func(t *testing.T, s string) {
		for _, pf := range parsePlainFields(s, "en", pol).fields {
			if pf.f.Name == "" || pf.f.LogicalType == "" {
				t.Fatalf("accepted %q without name or type: %+v", s, pf.f)
			}
		}
	})
}
