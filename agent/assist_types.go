package agent

import (
	"slices"
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

// typeCues are the words and shapes near a column's mention in the notes
// that make a type other than string plausible. A model's type answer with
// no such sign is dropped: the notes never said it.
var typeCues = map[string]*lazyre.Regexp{
	"integer": lazyre.New(`\d+\s*(a|to|-|–|até|ate|\.\.)\s*\d+|>\s*=?\s*0|\b(count|qtd|qty|quantity|quantidade|number|numero|integer|inteiro|cents|centavos|int|bigint)\b`),
	"number": lazyre.New(`\d+\s*(a|to|-|–|até|ate|\.\.)\s*\d+|[%$€]|r\$|\b(decimal|numeric|valor|amount|price|preco|rate|taxa|ratio|float|double|number|numero|` +
		`weight|peso|height|altura|width|largura|length|comprimento|size|tamanho|duration|duracao|distance|distancia|` +
		`latitude|longitude|lat|lon|temperature|temperatura|grams|gramas|kg|km|meters|metros)\b`),
	"date":      lazyre.New(`\b(date|data de|dia|day|yyyy-mm-dd|aaaa-mm-dd)\b`),
	"timestamp": lazyre.New(`\b(timestamp|datetime|hora|hour|time|utc|horario|instant|when)\b`),
	"time":      lazyre.New(`\b(time|hora|horario|hh:mm)\b`),
	"boolean":   lazyre.New(`\b(yes/no|sim/nao|true/false|flag|boolean|booleano|bool)\b`),
}

// temporalWords in a column's name make it a moment (the name alone does
// not say whether a date or a timestamp, so the extractor leaves it text).
var temporalWords = map[string]bool{"end": true, "start": true, "begin": true, "expires": true, "expiry": true,
	"expiration": true, "deadline": true, "until": true, "since": true, "fim": true, "inicio": true, "validade": true,
	"vencimento": true, "prazo": true}

// typeCue reports whether the notes' words about column c support typ:
// string always; any other type only with a cue in the item that mentions
// the column (up to the next comma, semicolon or line end, parentheses
// included). low is the notes lower-cased and accent-folded.
func typeCue(low string, c *spec.Column, typ string) bool {
	re, ok := typeCues[typ]
	if typ == "string" || !ok {
		return typ == "string"
	}
	if (typ == "date" || typ == "timestamp") && slices.ContainsFunc(spec.Tokens(c.Name), func(t string) bool { return temporalWords[t] }) {
		return true // trial_end, valid_until: the name is a moment, the model picks date or time
	}
	for _, phrase := range mentions(c) {
		for i := strings.Index(low, phrase); i >= 0; {
			if re.MatchString(itemAt(low, i)) {
				return true
			}
			next := strings.Index(low[i+len(phrase):], phrase)
			if next < 0 {
				break
			}
			i += len(phrase) + next
		}
	}
	return false
}

// mentions are the ways the notes may write the column's name.
func mentions(c *spec.Column) []string {
	var out []string
	for _, s := range []string{c.BusinessName, strings.ReplaceAll(c.Name, "_", " "), c.Name} {
		if s = strings.ToLower(spec.FoldAccents(strings.TrimSpace(s))); len(s) > 1 {
			out = append(out, s)
		}
	}
	return out
}

// itemAt is the list item starting at i: up to the next comma, semicolon
// or newline outside parentheses.
func itemAt(s string, i int) string {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '(':
			depth++
		case ')':
			depth--
		case ',', ';', '\n':
			if depth <= 0 {
				return s[i:j]
			}
		}
	}
	return s[i:]
}
