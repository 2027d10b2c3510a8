package guided

import (
	"regexp"
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

// uniqueWords say a value must not repeat (English or Portuguese, accents
// folded).
var uniqueWords = lazyre.New(`\b(no duplicates?|no duplicated|without duplicates?|duplicate|duplicates|duplicated|unique|uniquely|distinct|dedup\w*|unico|unicos|unica|unicas|sem duplicados?|sem duplicatas?|sem duplicidade|duplicados?|duplicatas?|duplicidade|nao (se )?repete|nao pode(m)? (se )?repetir|sem repeticao|distintos?|distintas?|(never|not|cannot|can't|must not|mustn't|should not|shouldn't) (be )?repeat\w*|no repeat\w*)\b`)

// allowWords say the opposite ("customer ids may repeat"), unless negated
// ("order ids can never repeat", "não pode repetir").
var (
	allowWords  = lazyre.New(`\b(may|can|allowed|ok|fine|expected|pode|podem|permitidos?|esperados?|normal)\b`)
	negateWords = lazyre.New(`\b(no|not|never|cannot|can't|nao|nunca|sem|without)\b`)
)

var qualityClauseRE = lazyre.New(`[;.\n]|,\s`)

// qualityUniques returns the fields a Quality expectations answer says
// must be unique ("no duplicate order ids", "email é único"), by index. A
// field counts only when the clause names it (order_id, "order id", "order
// ids", orderId).
func qualityUniques(answer string, fields []FieldSpec) map[int]bool {
	out := map[int]bool{}
	for _, clause := range qualityClauseRE.Split(strings.ToLower(spec.FoldAccents(answer)), -1) {
		if !uniqueWords.MatchString(clause) || allowWords.MatchString(clause) && !negateWords.MatchString(clause) {
			continue
		}
		for i, f := range fields {
			if fieldNamedIn(clause, f.Name) {
				out[i] = true
			}
		}
	}
	return out
}

// fieldNamedIn reports whether text names the field: its words joined by
// spaces, underscores or hyphens, the last one maybe plural.
func fieldNamedIn(text, name string) bool {
	words := nameWords(name)
	if len(words) == 0 {
		return false
	}
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = regexp.QuoteMeta(w)
	}
	re, err := regexp.Compile(`(^|[^\pL\pN_])` + strings.Join(parts, `[\s_-]*`) + `(s|es)?($|[^\pL\pN_])`)
	return err == nil && re.MatchString(text)
}

// nameWords splits snake_case and camelCase names into lower-case words
// (the validator's tokenizer), with accents folded for matching prose.
func nameWords(name string) []string {
	words := contract.NameTokens(name)
	for i, w := range words {
		words[i] = spec.FoldAccents(w)
	}
	return words
}
