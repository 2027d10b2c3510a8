package guided

import (
	"slices"
	"strings"
	"unicode"

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

// answerClassification reads the fields a Sensitive data answer calls
// personal data ("customer_email is personal data", "cpf e telefone são
// dados pessoais (LGPD)"), by field index, with the classification the
// notes extractor would give them (pii, or sensitive): said once, it is not
// asked again. A sentence that names no field classifies nothing.
func answerClassification(answer string, fields []FieldSpec, pol contract.PIIPolicy) map[int]string {
	out := map[int]string{}
	x := &extraction{pol: pol}
	for _, sentence := range maskSentenceRE.Split(answer, -1) {
		low := strings.ReplaceAll(strings.ToLower(spec.FoldAccents(sentence)), "e-mail", "email")
		if !piiSentenceRE.MatchString(low) || negatedPIIRE.MatchString(low) {
			continue
		}
		class := namedClass(low, pol)
		if len(pol.AllowedClassifications) > 0 && !containsFold(pol.AllowedClassifications, class) {
			continue
		}
		words := lineWords(low)
		for i, f := range fields {
			if out[i] == "" && x.lineNames(low, words, f.column()) {
				out[i] = class
			}
		}
	}
	return out
}

// namedClass is the protected classification a sentence names
// ("…personal data, restricted"), or what the notes extractor would give.
func namedClass(low string, pol contract.PIIPolicy) string {
	words := strings.FieldsFunc(low, func(r rune) bool { return !unicode.IsLetter(r) })
	for _, c := range pol.Classifications {
		if !strings.EqualFold(c, "pii") && slices.Contains(words, strings.ToLower(c)) {
			return c
		}
	}
	return classificationOf(low)
}

// personalField reports whether a field holds personal or sensitive data:
// it says so, its classification is one the policy protects, or its name
// looks personal.
func personalField(f FieldSpec, pol contract.PIIPolicy) bool {
	c := f.column()
	return c.Sensitive() || f.Classification != "" && containsFold(pol.Classifications, f.Classification) ||
		spec.PIIKindOf(f.Name, pol.NamePatterns) != spec.PIINone
}
