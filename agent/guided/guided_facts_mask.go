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

// sensitiveAnswer is what a Sensitive data answer says of each field, by
// field index: its masking and, when it calls the field personal data, its
// classification.
type sensitiveAnswer struct{ masks, classes map[int]string }

// readSensitiveAnswer reads a Sensitive data answer sentence by sentence,
// with the notes extractor's words (maskingOf, the PII sentence patterns)
// and its way of naming a field (lineNames):
//   - a sentence naming fields masks them ("cpf_cliente deve ser
//     anonimizado"); one naming none ("must be hashed", "não pode ir para o
//     mart") masks every personal field;
//   - a sentence calling named fields personal data classifies them
//     ("customer_email is personal data, restricted"): said once, it is not
//     asked again; one naming no field classifies nothing.
func readSensitiveAnswer(answer string, fields []FieldSpec, pol contract.PIIPolicy) sensitiveAnswer {
	out := sensitiveAnswer{masks: map[int]string{}, classes: map[int]string{}}
	x := &extraction{pol: pol}
	general := ""
	for _, sentence := range maskSentenceRE.Split(answer, -1) {
		low := strings.ReplaceAll(strings.ToLower(spec.FoldAccents(sentence)), "e-mail", "email")
		mask, class := maskingOf(low), sentenceClass(low, pol)
		if mask == "" && class == "" {
			continue
		}
		words, named := lineWords(low), false
		for i, f := range fields {
			if !x.lineNames(low, words, f.column()) {
				continue
			}
			named = true
			if mask != "" && out.masks[i] == "" {
				out.masks[i] = mask
			}
			if class != "" && out.classes[i] == "" {
				out.classes[i] = class
			}
		}
		if mask != "" && !named && general == "" {
			general = mask
		}
	}
	for i, f := range fields {
		if out.masks[i] == "" && general != "" && personalField(f, pol) {
			out.masks[i] = general
		}
	}
	return out
}

// sentenceClass is the classification a sentence that calls something
// personal data gives it ("" when it does not, or the policy does not
// allow that class).
func sentenceClass(low string, pol contract.PIIPolicy) string {
	if !piiSentenceRE.MatchString(low) || negatedPIIRE.MatchString(low) {
		return ""
	}
	class := namedClass(low, pol)
	if len(pol.AllowedClassifications) > 0 && !containsFold(pol.AllowedClassifications, class) {
		return ""
	}
	return class
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
