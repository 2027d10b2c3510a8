package spec

import (
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

func TestSnakeName(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, name, business string }{
		{"data de criação", "data_de_criacao", "data de criação"},
		{"Work_Email", "work_email", "Work_Email"},
		{"e-mail", "e_mail", "e-mail"},
		{"order_id", "order_id", ""},
		{" `sku` ", "sku", "`sku`"},
		{"3d code", "n_3d_code", "3d code"},
	} {
		name, bn := SnakeName(tc.in)
		if name != tc.name || bn != tc.business {
			t.Errorf("SnakeName(%q) = %q, %q; want %q, %q", tc.in, name, bn, tc.name, tc.business)
		}
	}
}

func TestInferType(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]string{
		"created_at": "timestamp", "criado_em": "timestamp", "reading_timestamp": "timestamp", "data_de_criacao": "date",
		"hire_date": "date", "date_of_birth": "date", "is_active": "boolean", "active_flag": "boolean", "tem_filhos": "boolean",
		"price_cents": "integer", "valor_centavos": "integer", "qtd_itens": "integer", "line_number": "integer",
		"valor": "number", "total_amount": "number", "salary_annual": "number", "customer_email": "string",
		"order_id": "string", "at": "string", "metadata": "string",
		"cost_center": "string", "price_tier": "string", "amount_type": "string", "centro_de_custo": "string",
		"total_cost": "number", "updated_on": "date",
	} {
		if got, _ := InferType(name); got != want {
			t.Errorf("InferType(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestPIIKindOf(t *testing.T) {
	t.Parallel()
	pats := contract.DefaultRules().Policy.PII.NamePatterns
	for name, want := range map[string]PIIKind{
		"customer_email": PIIEmail, "e_mail": PIIEmail, "telefone": PIIPhone, "cpf": PIIDocument, "nome_completo": PIIName,
		"legal_name": PIIName, "date_of_birth": PIIBirth, "salary_annual": PIIFinance, "metric_name": PIINone,
		"name": PIINone, "order_id": PIINone, "merge_flag": PIINone,
	} {
		if got := PIIKindOf(name, pats); got != want {
			t.Errorf("PIIKindOf(%q) = %q, want %q", name, got, want)
		}
	}
}
