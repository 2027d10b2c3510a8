package agent

import (
	"strings"
	"unicode"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

// groundStop are the words a name may add or drop and still be the one the
// person wrote ("id do pedido" is order_id): articles, prepositions and the
// naming suffixes of a column.
var groundStop = map[string]bool{
	"a": true, "o": true, "as": true, "os": true, "de": true, "do": true, "da": true, "dos": true, "das": true,
	"em": true, "no": true, "na": true, "e": true, "the": true, "of": true, "in": true, "at": true, "on": true,
	"and": true, "for": true, "per": true, "por": true, "para": true, "to": true, "by": true, "um": true, "uma": true,
}

// groundFiller are the generic words a column or table name adds to the
// person's words (total in cents is total_amount_cents): a name needs at
// least one other word, and those must be in the source.
var groundFiller = map[string]bool{"value": true, "number": true, "code": true, "flag": true, "is": true, "has": true, "id": true}

// groundLexicon maps Portuguese, spelling and abbreviation variants to one
// canonical (English) token, so `customer_email` grounds in "e-mail do
// cliente". Keep it small and literal: it is spelling, not translation of
// ideas.
var groundLexicon = map[string]string{
	"cliente": "customer", "client": "customer", "pedido": "order", "encomenda": "order",
	"mail": "email", "correio": "email", "telefone": "phone", "fone": "phone", "celular": "phone", "tel": "phone",
	"nome": "name", "data": "date", "dt": "date", "criado": "created", "criacao": "created", "atualizado": "updated",
	"atualizacao": "updated", "modificado": "updated", "valor": "value", "amount": "value", "preco": "price",
	"quantidade": "quantity", "qtd": "quantity", "qty": "quantity", "codigo": "code", "cod": "code",
	"identificador": "id", "situacao": "status", "estado": "state", "cidade": "city", "endereco": "address",
	"nascimento": "birth", "salario": "salary", "produto": "product", "loja": "store", "usuario": "user",
	"evento": "event", "tipo": "type", "categoria": "category", "pagamento": "payment", "entrega": "delivery",
	"numero": "number", "num": "number", "nr": "number", "desconto": "discount", "imposto": "tax",
	"timestamp": "time", "hora": "time", "horario": "time", "ts": "time", "dia": "day", "mes": "month", "ano": "year",
	"centavos": "cent", "cents": "cent", "moeda": "currency", "pais": "country", "idade": "age", "genero": "gender",
	"sexo": "gender", "funcionario": "employee", "empregado": "employee", "colaborador": "employee",
}

var (
	camelRE  = lazyre.New(`([a-z0-9])([A-Z])`)
	emailRE  = lazyre.New(`(?i)\be-mail`)
	numberRE = lazyre.New(`\d+(?:[.,]\d+)*`)
)

// groundTokens normalises text into canonical tokens: camelCase and
// snake_case split, accents folded, lower case, plural s dropped and the
// lexicon applied. Stop words are kept (phrases need them); callers drop
// them where a name may omit them.
func groundTokens(s string) []string { return splitTokens(camelRE.ReplaceAllString(s, "$1 $2")) }

// splitTokens is groundTokens without the camelCase split ("HubSpot" is
// also "hubspot").
func splitTokens(s string) []string {
	s = emailRE.ReplaceAllString(s, "email")
	s = strings.ToLower(spec.FoldAccents(s))
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	out := make([]string, 0, len(words))
	for _, w := range words {
		out = append(out, canonToken(w))
	}
	return out
}

func canonToken(w string) string {
	if c, ok := groundLexicon[w]; ok {
		return c
	}
	if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		w = strings.TrimSuffix(w, "s")
		if c, ok := groundLexicon[w]; ok {
			return c
		}
	}
	return w
}

// contentTokens are the tokens of s without stop words.
func contentTokens(s string) []string {
	var out []string
	for _, t := range groundTokens(s) {
		if !groundStop[t] {
			out = append(out, t)
		}
	}
	return out
}

// canonNumber normalises a written number: "1.000", "1,000" and "1000"
// are one; "0,5" and "0.5" are one.
func canonNumber(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexAny(s, ".,"); i >= 0 && len(s)-i-1 != 3 {
		s = strings.NewReplacer(".", "", ",", "").Replace(s[:i]) + "." + s[i+1:]
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		if s == "" || s[0] == '.' {
			s = "0" + s
		}
		return s
	}
	s = strings.NewReplacer(".", "", ",", "").Replace(s)
	if t := strings.TrimLeft(s, "0"); t != "" {
		return t
	}
	return "0"
}

// groundIndex is the source text a draft is checked against: its lines as
// token sets, all tokens, all numbers.
type groundIndex struct {
	lines   []map[string]bool
	tokens  map[string]bool
	numbers map[string]bool
}

func newGroundIndex(texts ...string) *groundIndex {
	g := &groundIndex{tokens: map[string]bool{}, numbers: map[string]bool{}}
	for _, text := range texts {
		for _, line := range strings.Split(text, "\n") {
			g.addLine(line)
		}
	}
	return g
}

func (g *groundIndex) addLine(line string) {
	set := map[string]bool{}
	for _, t := range append(groundTokens(line), splitTokens(line)...) {
		set[t], g.tokens[t] = true, true
	}
	for _, n := range numberRE.FindAllString(line, -1) {
		g.numbers[canonNumber(n)] = true
	}
	g.lines = append(g.lines, set)
}

// hasPhrase reports whether every content token of s is on one line of the
// source (a name may reorder or drop the small words of a phrase).
func (g *groundIndex) hasPhrase(s string) bool { return g.hasTokens(contentTokens(s), groundTokens(s)) }

// hasName is hasPhrase for an identifier, which may add generic words.
func (g *groundIndex) hasName(s string) bool {
	var toks []string
	for _, t := range contentTokens(s) {
		if !groundFiller[t] {
			toks = append(toks, t)
		}
	}
	return g.hasTokens(toks, contentTokens(s)) || g.hasPhrase(s)
}

func (g *groundIndex) hasTokens(toks, fallback []string) bool {
	if len(toks) == 0 {
		toks = fallback
	}
	if len(toks) == 0 {
		return true
	}
	for _, line := range g.lines {
		if allIn(toks, line) {
			return true
		}
	}
	return false
}

func allIn(toks []string, set map[string]bool) bool {
	for _, t := range toks {
		if !set[t] {
			return false
		}
	}
	return true
}

// hasNumber reports whether the source writes the number.
func (g *groundIndex) hasNumber(s string) bool { return g.numbers[canonNumber(s)] }
