package guided

import (
	"slices"
	"strings"
	"unicode"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

var (
	piiSentenceRE = lazyre.New(`\b(pii|lgpd|gdpr|personal|pessoa(l|is)|sensitive|sensive(l|is)|confidential|confidencia(l|is))\b`)
	negatedPIIRE  = lazyre.New(`\b(no|not|without|sem|nao|nenhum|nenhuma)\b[^.;]{0,20}\b(pii|personal|pessoa(l|is)|sensitive|sensive(l|is))\b`)
	notInMartRE   = lazyre.New(`\b(nao pode(m)? ir para o mart|nao pode(m)? (ir|chegar|estar) (no|ao|nos) marts?|must not (go|reach|be in) (to )?the marts?|not in the marts?|must not reach the marts?|cannot go to the marts?|can't go to the marts?)\b`)
	// noMaskRE says a column needs no masking: "no need to mask it", "não precisa mascarar".
	noMaskRE = lazyre.New(`\b(no need to|(do|does)n'?t need to|(do|does) not need to|need not|need no|nao precisa(m)?( ser| de)?|sem necessidade de)\s+(\w+\s+){0,2}(mask|hash|anonymi|anonimiz|mascar|encrypt|criptograf|protect|proteg)|\bno (masking|hashing)\b`)
)

// maskings maps masking words (English, Portuguese) to the policy's values.
var maskings = []struct {
	re    *lazyre.Regexp
	value string
}{
	{lazyre.New(`\bhash\w*`), "hash"},
	{lazyre.New(`\b(anonymi[sz]\w*|anonimiz\w*)`), "anonymize"},
	{lazyre.New(`\b(pseudonymi[sz]\w*|pseudonimiz\w*)`), "pseudonymize"},
	{lazyre.New(`\b(encrypt\w*|criptograf\w*|cifrad\w*)`), "encrypt"},
	{lazyre.New(`\b(tokeni[sz]\w*)`), "tokenize"},
	{lazyre.New(`\b(redact\w*)`), "redact"},
	{lazyre.New(`\b(mask\w*|mascar\w*)`), "mask"},
}

// readSensitive takes the sentences about personal data ("Nome, e-mail e
// telefone são dados pessoais", "Very sensitive: name, email") and masking
// ("Email must be masked", "sem anonimização"), for the columns they name.
func (x *extraction) readSensitive() {
	for _, l := range x.lines {
		pii := piiSentenceRE.MatchString(l.low) && !negatedPIIRE.MatchString(l.low)
		mask := maskingOf(l.low)
		if l.list || !pii && mask == "" {
			continue
		}
		words := lineWords(l.low)
		for ti := range x.d.Tables {
			for ci := range x.d.Tables[ti].Columns {
				c := &x.d.Tables[ti].Columns[ci]
				if !x.lineNames(l.low, words, *c) {
					continue
				}
				if pii && c.Classification == "" {
					c.Classification = classificationOf(l.low)
				}
				if mask != "" && c.Masking == "" {
					c.Masking = mask
				}
			}
		}
	}
}

// maskingOf is the policy's masking value a lower-cased, accent-folded
// sentence asks for: "must be hashed" → hash, "anonimizado" → anonymize,
// "não pode ir para o mart" → redact, "no need to mask" → none; "" when it
// asks for none.
func maskingOf(low string) string {
	if noMaskRE.MatchString(low) {
		return "none"
	}
	for _, m := range maskings {
		if m.re.MatchString(low) {
			return m.value
		}
	}
	if notInMartRE.MatchString(low) {
		return "redact"
	}
	return ""
}

// lineNames reports whether a sentence names the column: its words
// ("date of birth"), its business name, or the personal-data word in its
// name ("email" for customer_email, "nome" for nome_completo).
func (x *extraction) lineNames(low string, words []string, c spec.Column) bool {
	if wordsName(words, spec.Tokens(c.Name)) || c.BusinessName != "" && strings.Contains(low, strings.ToLower(spec.FoldAccents(c.BusinessName))) {
		return true
	}
	for _, t := range spec.Tokens(c.Name) {
		if t == "e" || t == "mail" {
			t = "e_mail"
		}
		if slices.Contains(x.pol.NamePatterns, t) && wordsName(words, spec.Tokens(t)) {
			return true
		}
		if t == "e_mail" && wordsName(words, []string{"email"}) {
			return true
		}
	}
	return false
}

// lineWords are the words of a lower-cased line (snake_case split too).
func lineWords(low string) []string {
	return strings.FieldsFunc(low, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// wordsName reports whether the name's words appear in a row, the last
// one maybe plural.
func wordsName(words, tok []string) bool {
	for i := 0; len(tok) > 0 && i+len(tok) <= len(words); i++ {
		j := 0
		for ; j < len(tok); j++ {
			w, t := words[i+j], tok[j]
			if w != t && (j < len(tok)-1 || w != t+"s" && w != t+"es") {
				break
			}
		}
		if j == len(tok) {
			return true
		}
	}
	return false
}

// termNames reports whether every word is a word of the column's name.
func termNames(words []string, c spec.Column) bool {
	tok := spec.Tokens(c.Name)
	for _, w := range words {
		if !slices.Contains(tok, w) && !slices.Contains(tok, strings.TrimSuffix(w, "s")) {
			return false
		}
	}
	return len(words) > 0
}
