package guided

import (
	"reflect"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/agent/spec"
)

func TestDeliveryMarts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		answer  string
		objects []string
		want    map[string]string
		unknown []string
	}{
		// English
		{"Staging models and a fact table for orders (fct_orders).", []string{"orders"}, map[string]string{"orders": "fact"}, nil},
		{"staging and fct_orders", []string{"orders"}, map[string]string{"orders": "fact"}, nil},
		{"staging + dim_customers", []string{"customers", "orders"}, map[string]string{"customers": "dimension"}, nil},
		{"a customers dimension and an orders fact table", []string{"customers", "orders"},
			map[string]string{"customers": "dimension", "orders": "fact"}, nil},
		{"Marts: fact tables", []string{"orders", "payments"}, map[string]string{"orders": "fact", "payments": "fact"}, nil},
		{"staging and a mart", []string{"orders"}, map[string]string{"orders": "fact"}, nil},
		{"a fact table for reporting", []string{"orders"}, map[string]string{"orders": "fact"}, nil},
		{"dimension for customer, facts for everything else", []string{"customers", "orders"},
			map[string]string{"customers": "dimension", "orders": "fact"}, nil},
		{"fct_orders", []string{"order"}, map[string]string{"order": "fact"}, nil},
		{"fct_orders", []string{"checkout_orders"}, map[string]string{"checkout_orders": "fact"}, nil},
		{"staging only", []string{"orders"}, map[string]string{}, nil},
		{"Only staging for now, no marts", []string{"orders"}, map[string]string{}, nil},
		{"staging now; marts later", []string{"orders"}, map[string]string{}, nil},
		{"not a fact table, just staging", []string{"orders"}, map[string]string{}, nil},
		{"staging and dim_customers", []string{"orders"}, map[string]string{}, []string{"dim_customers"}},
		{"", []string{"orders"}, map[string]string{}, nil},
		// Portuguese
		{"staging e dim_leads", []string{"leads"}, map[string]string{"leads": "dimension"}, nil},
		{"Staging e uma tabela fato de pedidos", []string{"pedidos"}, map[string]string{"pedidos": "fact"}, nil},
		{"camada staging e dimensão de clientes", []string{"clientes"}, map[string]string{"clientes": "dimension"}, nil},
		{"apenas staging", []string{"pedidos"}, map[string]string{}, nil},
		{"só staging, sem marts", []string{"pedidos"}, map[string]string{}, nil},
		{"marts de fato", []string{"pedidos"}, map[string]string{"pedidos": "fact"}, nil},
		{"fato de clientes", []string{"pedidos"}, map[string]string{}, []string{"fct_clientes"}},
	}
	for _, tt := range tests {
		got := deliveryMarts(tt.answer, tt.objects)
		if !reflect.DeepEqual(got.kinds, tt.want) || !reflect.DeepEqual(got.unknown, tt.unknown) {
			t.Errorf("%q %v: got %v unknown %v, want %v unknown %v", tt.answer, tt.objects, got.kinds, got.unknown, tt.want, tt.unknown)
		}
	}
}

func TestSourceName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		answer string
		want   string
		cands  []string
	}{
		// English
		{"Postgres database of the checkout service", "checkout", nil},
		{"The checkout service's Postgres database, schema checkout, table orders.", "checkout", nil},
		{"Postgres, schema checkout", "checkout", nil},
		{"A nightly export from Salesforce into S3", "salesforce", nil},
		{"salesforce", "salesforce", nil},
		{"Billing API", "billing", nil},
		{"Kafka events from the Payments platform", "payments", nil},
		{"Stripe API and the checkout service", "", []string{"stripe", "checkout"}},
		{"Files on S3", "", nil},
		{"Postgres, schema public", "", nil},
		{"Postgres. Orders come from the new store", "", nil},
		{"", "", nil},
		{"skip", "", nil},
		{"As in the kickoff notes.", "", nil},
		{"unknown, TBD", "", nil},
		// Portuguese
		{"Exportação diária do HubSpot para o bucket s3", "hubspot", nil},
		{"Banco Postgres do serviço de pedidos", "pedidos", nil},
		{"Sistema de faturamento (Oracle)", "faturamento", nil},
		{"Arquivos CSV no bucket", "", nil},
		{"Planilhas do time", "", nil},
		{"não sei", "", nil},
	}
	for _, tt := range tests {
		got, cands := sourceName(tt.answer)
		if got != tt.want {
			t.Errorf("%q: got %q (candidates %v), want %q", tt.answer, got, cands, tt.want)
		}
		if tt.cands != nil && !reflect.DeepEqual(cands, tt.cands) {
			t.Errorf("%q: candidates %v, want %v", tt.answer, cands, tt.cands)
		}
	}
}

func TestFreshness(t *testing.T) {
	t.Parallel()
	tests := []struct {
		answer string
		value  int64
		unit   string
	}{
		// English
		{"Daily, fresh within 24 hours, ready by 07:00 UTC.", 24, "h"},
		{"daily by 07:00 UTC", 1, "d"},
		{"daily", 1, "d"},
		{"hourly", 1, "h"},
		{"every 15 minutes", 15, "min"},
		{"no more than 2 days late", 2, "d"},
		{"weekly, on Mondays", 7, "d"},
		{"within 1 week", 7, "d"},
		{"6h", 6, "h"},
		{"by 9h every morning", 0, ""},
		{"real time", 0, ""},
		{"", 0, ""},
		// Portuguese
		{"atualizado a cada 6 horas", 6, "h"},
		{"diária até 9h", 1, "d"},
		{"diariamente, às 7h", 1, "d"},
		{"no máximo 30 minutos de atraso", 30, "min"},
		{"de hora em hora", 1, "h"},
		{"semanal", 7, "d"},
		{"até 2 dias", 2, "d"},
	}
	for _, tt := range tests {
		v, u, ok := freshness(tt.answer)
		if v != tt.value || u != tt.unit || ok != (tt.unit != "") {
			t.Errorf("%q: got %d %q %v, want %d %q", tt.answer, v, u, ok, tt.value, tt.unit)
		}
	}
}

func TestFreshnessColumn(t *testing.T) {
	t.Parallel()
	ts := func(names ...string) []FieldSpec {
		var out []FieldSpec
		for _, n := range names {
			out = append(out, FieldSpec{Name: n, LogicalType: "timestamp"})
		}
		return append(out, FieldSpec{Name: "loaded_on", LogicalType: "date"})
	}
	for _, tt := range []struct {
		fields []FieldSpec
		want   string
	}{
		{ts("created_at", "updated_at"), "updated_at"},
		{ts("created_at", "updated_at", "_loaded_at"), "_loaded_at"},
		{ts("created_at"), "created_at"},
		{ts("criado_em", "atualizado_em"), "atualizado_em"},
		{ts("event_time"), "event_time"},
		{ts("shipped_at", "delivered_at"), ""},
		{ts(), ""},
	} {
		if got := freshnessColumn(tt.fields); got != tt.want {
			t.Errorf("%v: got %q, want %q", tt.fields, got, tt.want)
		}
	}
}

func TestQualityUniques(t *testing.T) {
	t.Parallel()
	fields := []FieldSpec{{Name: "order_id"}, {Name: "customer_id"}, {Name: "customerEmail"}, {Name: "status"}}
	tests := []struct {
		answer string
		want   []int
	}{
		{"No duplicate order ids; status is one of the list; total >= 0.", []int{0}},
		{"order_id is unique, customer ids may repeat", []int{0}},
		{"customer_id can never repeat", []int{1}},
		{"unique customer emails", []int{2}},
		{"no duplicates", nil},
		{"status is one of the list", nil},
		{"order_id não pode repetir", []int{0}},
		{"customer_id é único; status sempre preenchido", []int{1}},
		{"sem duplicados em order_id e customer_id", []int{0, 1}},
		{"customer_id pode repetir", nil},
	}
	for _, tt := range tests {
		got := qualityUniques(tt.answer, fields)
		var idx []int
		for i := range fields {
			if got[i] {
				idx = append(idx, i)
			}
		}
		if !reflect.DeepEqual(idx, tt.want) {
			t.Errorf("%q: got %v, want %v", tt.answer, idx, tt.want)
		}
	}
}

func TestFieldValueOptions(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want FieldSpec
		err  string
	}{
		{in: "status: string, required, values=created|paid|shipped, description=Order status",
			want: FieldSpec{Name: "status", LogicalType: "string", Required: true, Values: []string{"created", "paid", "shipped"}, Description: "Order status"}},
		{in: "status: string, valores=criado | pago|enviado", want: FieldSpec{Name: "status", LogicalType: "string", Values: []string{"criado", "pago", "enviado"}}},
		{in: "total_cents: integer, min=0, max=1000000", want: FieldSpec{Name: "total_cents", LogicalType: "integer", Min: "0", Max: "1000000"}},
		{in: "nota: number, mínimo=0, máximo=9.5", want: FieldSpec{Name: "nota", LogicalType: "number", Min: "0", Max: "9.5"}},
		{in: "shipped_on: date, min=2020-01-01", want: FieldSpec{Name: "shipped_on", LogicalType: "date", Min: "2020-01-01"}},
		{in: "paid_at: timestamp, max=2030-01-01 00:00:00", want: FieldSpec{Name: "paid_at", LogicalType: "timestamp", Max: "2030-01-01 00:00:00"}},
		{in: "currency: string, minLength=3, maxLength=3", want: FieldSpec{Name: "currency", LogicalType: "string", MinLength: "3", MaxLength: "3"}},
		{in: "rating: integer, values=1|2|3", want: FieldSpec{Name: "rating", LogicalType: "integer", Values: []string{"1", "2", "3"}}},
		{in: "rating: integer, values=low|high", err: "not a number"},
		{in: "status: string, values=", err: "accepted values"},
		{in: "name: string, min=1", err: "minLength"},
		{in: "total: integer, min=ten", err: "not a number"},
		{in: "total: integer, min=10, max=1", err: "above"},
		{in: "day: date, min=yesterday", err: "not a date"},
		{in: "flag: boolean, max=1", err: "do not apply"},
		{in: "total: integer, minLength=2", err: "bound text"},
		{in: "code: string, minLength=-1", err: "whole number"},
	}
	for _, tt := range tests {
		got, err := ParseField(tt.in)
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%q: err = %v, want one about %q", tt.in, err, tt.err)
		case tt.err == "" && err != nil:
			t.Errorf("%q: %v", tt.in, err)
		case tt.err == "" && !reflect.DeepEqual(got, tt.want):
			t.Errorf("%q:\n got %+v\nwant %+v", tt.in, got, tt.want)
		}
	}
}

func FuzzGuidedMappings(f *testing.F) {
	for _, s := range []string{"Staging and fct_orders", "Postgres database of the checkout service", "atualizado a cada 6 horas",
		"no duplicate order ids", "dimensão de clientes; fato", "até 9h", "Sistema de faturamento (Oracle)", ". É", "_ __ fct_"} {
		f.Add(s)
	}
	fields := []FieldSpec{{Name: "order_id", LogicalType: "string"}, {Name: "updatedAt", LogicalType: "timestamp"}}
	f.Fuzz(func(t *testing.T, s string) {
		for _, k := range deliveryMarts(s, []string{"orders", "customers"}).kinds {
			if k != martFact && k != martDimension {
				t.Fatalf("%q: mart kind %q", s, k)
			}
		}
		if name, _ := sourceName(s); name != "" && name != spec.SanitizeName(name) {
			t.Fatalf("%q: source %q is not snake_case", s, name)
		}
		if v, u, ok := freshness(s); ok && (v <= 0 || (u != "h" && u != "d" && u != "min")) {
			t.Fatalf("%q: freshness %d %q", s, v, u)
		}
		qualityUniques(s, fields)
	})
}
