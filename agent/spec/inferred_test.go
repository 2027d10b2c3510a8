package spec

import (
	"reflect"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

// TestInferredMarks: an inferred fact becomes the property's `inferred`
// custom property and a note in the canvas, in the canvas's language.
func TestInferredMarks(t *testing.T) {
	t.Parallel()
	c := Column{Name: "customer_email", LogicalType: "string"}
	c.Infer(InferredType)
	c.Infer(InferredPII)
	c.Infer(InferredType) // once
	pos := 0
	p := Property(c, contract.DefaultRules().Policy.PII, &pos)
	if len(p.CustomProperties) != 1 || p.CustomProperties[0].Property != InferredProperty ||
		!reflect.DeepEqual(p.CustomProperties[0].Value, []string{InferredType, InferredPII}) {
		t.Fatalf("custom properties = %+v", p.CustomProperties)
	}
	for lang, want := range map[string]string{"en": "inferred from the name, to confirm: type, personal data", "pt": "deduzido do nome, a confirmar: tipo, dado pessoal"} {
		if got := strings.Join(columnOptions(c, wordsFor(lang)), ", "); !strings.Contains(got, want) {
			t.Errorf("%s canvas options %q lack %q", lang, got, want)
		}
	}
	if plain := Property(Column{Name: "id", LogicalType: "string"}, contract.DefaultRules().Policy.PII, &pos); len(plain.CustomProperties) != 0 {
		t.Errorf("a stated column got custom properties: %+v", plain.CustomProperties)
	}
}
