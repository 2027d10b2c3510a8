package guided

import (
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

var maskSentenceRE = lazyre.New(`[.;!?\n]+`)

// answerMasking reads the masking a Sensitive data answer asks for, by
// field index: a sentence naming fields ("cpf_cliente deve ser
// anonimizado") masks them; one naming none ("must be hashed", "não pode
// ir para o mart") masks every personal field. Masking words are read as
// the notes extractor reads them (maskingOf), and a field is named as the
// notes name it (lineNames).
func answerMasking(answer string, fields []FieldSpec, pol contract.PIIPolicy) map[int]string {
	out := map[int]string{}
	x := &extraction{pol: pol}
	general := ""
	for _, sentence := range maskSentenceRE.Split(answer, -1) {
		low := strings.ReplaceAll(strings.ToLower(spec.FoldAccents(sentence)), "e-mail", "email")
		mask := maskingOf(low)
		if mask == "" {
			continue
		}
		words, named := lineWords(low), false
		for i, f := range fields {
			if x.lineNames(low, words, f.column()) {
				named = true
				if out[i] == "" {
					out[i] = mask
				}
			}
		}
		if !named && general == "" {
			general = mask
		}
	}
	for i, f := range fields {
		if out[i] == "" && general != "" && personalField(f, pol) {
			out[i] = general
		}
	}
	return out
}

// personalField reports whether a field holds personal or sensitive data:
// it says so, its classification is one the policy protects, or its name
// looks personal.
func personalField(f FieldSpec, pol contract.PIIPolicy) bool {
	c := f.column()
	return c.Sensitive() || f.Classification != "" && containsFold(pol.Classifications, f.Classification) ||
		spec.PIIKindOf(f.Name, pol.NamePatterns) != spec.PIINone
}
