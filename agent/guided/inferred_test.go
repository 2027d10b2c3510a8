package guided

import (
	"slices"
	"testing"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/contract"
)

// TestExtractorMarksInferred: what the notes state is not marked; what
// only the column's name says (its type, personal data, a key) is.
func TestExtractorMarksInferred(t *testing.T) {
	t.Parallel()
	notes := "Columns: order id (uuid, unique), customer email, status (created, paid), created at, phone (PII), total (integer)"
	d := ExtractDraft("orders", notes, "en", contract.DefaultRules().Policy.PII)
	want := map[string][]string{
		"order_id":       {spec.InferredKey},
		"customer_email": {spec.InferredType, spec.InferredPII},
		"status":         nil,
		"created_at":     {spec.InferredType},
		"phone":          {spec.InferredType},
		"total":          nil,
	}
	if len(d.Tables) != 1 {
		t.Fatalf("tables = %+v", d.Tables)
	}
	for _, c := range d.Tables[0].Columns {
		w, ok := want[c.Name]
		if !ok {
			t.Errorf("unexpected column %s", c.Name)
			continue
		}
		if !slices.Equal(c.Inferred, w) {
			t.Errorf("%s: inferred %v, want %v", c.Name, c.Inferred, w)
		}
	}
}

// TestAnswersConfirmInferred: in the guided chat, answering the
// classification question confirms the personal data the name suggested.
func TestAnswersConfirmInferred(t *testing.T) {
	t.Parallel()
	g := newTest(t, "en")
	p := &Person{Name: "subscriptions", Table: "subscriptions: one row per subscription",
		Fields:   []string{"we need subscription id and customer email"},
		Findings: map[string]string{"classification": "pii", "masking": "hash", "description": "E-mail of the customer", "rename": ""}}
	runGuided(t, g, p.Answer)
	for _, f := range g.Fields() {
		if f.Name == "customer_email" && slices.Contains(f.Inferred, spec.InferredPII) {
			t.Errorf("customer_email still marks pii as inferred after the person classified it: %v", f.Inferred)
		}
		if f.Name == "subscription_id" && !slices.Contains(f.Inferred, spec.InferredType) {
			t.Errorf("subscription_id's guessed type is not marked: %v", f.Inferred)
		}
	}
}

// TestAnswerClassification: a Sensitive data answer that calls fields
// personal data classifies them (with the class it names), so the
// follow-up is not asked again; a negation or a sentence naming no field
// classifies nothing.
func TestAnswerClassification(t *testing.T) {
	t.Parallel()
	fields := []FieldSpec{{Name: "order_id"}, {Name: "customer_email"}, {Name: "cpf"}, {Name: "telefone"}}
	pol := contract.DefaultRules().Policy.PII
	for _, tc := range []struct {
		answer string
		want   map[int]string
	}{
		{"customer_email is personal data", map[int]string{1: "pii"}},
		{"customer_email is personal data, restricted: it must be hashed", map[int]string{1: "restricted"}},
		{"cpf e telefone são dados pessoais (LGPD)", map[int]string{2: "pii", 3: "pii"}},
		{"no personal data in order_id", map[int]string{}},
		{"everything personal must be hashed", map[int]string{}},
	} {
		got := readSensitiveAnswer(tc.answer, fields, pol).classes
		if len(got) != len(tc.want) {
			t.Errorf("%q: %v, want %v", tc.answer, got, tc.want)
			continue
		}
		for i, c := range tc.want {
			if got[i] != c {
				t.Errorf("%q: field %d = %q, want %q", tc.answer, i, got[i], c)
			}
		}
	}
}

// TestExtractorScaleTypes: whole bounds make a score an integer; decimal
// bounds, a stated type or a name that is not a scale keep theirs.
func TestExtractorScaleTypes(t *testing.T) {
	t.Parallel()
	notes := "Colunas: score (0 a 100), nps score 0 to 10, rating (1.0 a 5.0), nota (decimal, 0 a 10), price (0 to 100), cost center"
	d := ExtractDraft("leads", notes, "pt", contract.DefaultRules().Policy.PII)
	want := map[string]string{"score": "integer", "nps_score": "integer", "rating": "number", "nota": "number",
		"price": "number", "cost_center": "string"}
	if len(d.Tables) != 1 {
		t.Fatalf("tables = %+v", d.Tables)
	}
	for _, c := range d.Tables[0].Columns {
		if w, ok := want[c.Name]; !ok || c.LogicalType != w {
			t.Errorf("%s: type %q, want %q", c.Name, c.LogicalType, w)
		}
	}
}
