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
