package spec

import (
	"regexp"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

var nonWord = regexp.MustCompile(`[^a-z0-9]+`)

// SnakeName turns a field as people write it ("data de criação", "Work_Email",
// "e-mail") into a snake_case name, and returns the original as the business
// name when it differs ("" otherwise).
func SnakeName(text string) (name, businessName string) {
	orig := strings.TrimSpace(text)
	name = strings.Trim(nonWord.ReplaceAllString(strings.ToLower(FoldAccents(orig)), "_"), "_")
	if name != "" && name[0] >= '0' && name[0] <= '9' {
		name = "n_" + name
	}
	if orig != name {
		businessName = orig
	}
	return name, businessName
}

// Tokens are the words of a snake_case name.
func Tokens(name string) []string {
	return strings.FieldsFunc(name, func(r rune) bool { return r == '_' })
}

// labelNouns end names that label or group rather than measure.
var labelNouns = []string{"center", "centre", "centro", "code", "codigo", "tier", "type", "tipo", "category", "categoria",
	"group", "grupo", "band", "faixa", "name", "nome", "label", "rotulo"}

var typeRules = []struct {
	logical string
	match   func(tok []string) bool
}{
	{"timestamp", func(t []string) bool {
		return last(t, "at", "em", "ts") || has(t, "timestamp", "datetime", "timestamptz")
	}},
	{"date", func(t []string) bool { return has(t, "date", "data", "dt", "birth", "nascimento") || last(t, "on") }},
	{"boolean", func(t []string) bool {
		return first(t, "is", "has", "eh", "tem", "flag") || has(t, "flag", "active", "ativo", "ativa", "deleted")
	}},
	{"integer", func(t []string) bool {
		return has(t, "cents", "centavos", "count", "qtd", "qty", "quantity", "quantidade", "number", "numero", "num")
	}},
	{"number", func(t []string) bool {
		return has(t, "valor", "amount", "price", "preco", "total", "salary", "salario", "mrr", "revenue", "receita", "score", "cost", "custo")
	}},
}

// InferType guesses the logical type from a name's words: `_at`/`_em` and
// timestamps, `date`/`data`, `is_`/`has_` and flags, cents/centavos and
// counts (integer), amounts and valor (number); text otherwise. The second
// result is false when nothing in the name says it (the type is "string").
func InferType(name string) (logical string, evidence bool) {
	tok := Tokens(name)
	if last(tok, labelNouns...) || (len(tok) > 2 && first(tok, labelNouns...) && has(tok[1:2], "de", "do", "da")) {
		// cost_center, price_tier, centro_de_custo, tipo_de_valor: a label
		// about the number word next to it, not an amount
		return "string", has(tok, "id", "code", "codigo", "name", "nome")
	}
	for _, r := range typeRules {
		if r.match(tok) {
			return r.logical, true
		}
	}
	return "string", has(tok, "id", "email", "mail", "name", "nome", "code", "codigo", "sku", "currency", "moeda", "status")
}

var piiKinds = map[string]PIIKind{
	"email": PIIEmail, "e_mail": PIIEmail, "phone": PIIPhone, "telefone": PIIPhone, "celular": PIIPhone, "mobile": PIIPhone,
	"cpf": PIIDocument, "cnpj": PIIDocument, "rg": PIIDocument, "ssn": PIIDocument, "social_security": PIIDocument,
	"passport": PIIDocument, "birth": PIIBirth, "nascimento": PIIBirth, "first_name": PIIName, "last_name": PIIName,
	"full_name": PIIName, "surname": PIIName, "sobrenome": PIIName, "name": PIIName, "nome": PIIName, "nombre": PIIName,
	"address": PIIAddress, "endereco": PIIAddress, "street": PIIAddress, "zip": PIIAddress, "postal_code": PIIAddress,
	"cep": PIIAddress, "ip_address": PIIAddress, "salary": PIIFinance, "salario": PIIFinance,
}

// PIIKindOf says what personal data a column name suggests under the PII
// name patterns (a person-name word counts only next to a person
// qualifier: `nome_completo`, not `metric_name`).
func PIIKindOf(name string, patterns []string) PIIKind {
	p := contract.NameLooksLikePII(name, patterns)
	if p == "" {
		return PIINone
	}
	if k, ok := piiKinds[p]; ok {
		return k
	}
	return PIIOther
}

func has(tok []string, words ...string) bool {
	for _, t := range tok {
		for _, w := range words {
			if t == w {
				return true
			}
		}
	}
	return false
}

func last(tok []string, words ...string) bool { return len(tok) > 1 && has(tok[len(tok)-1:], words...) }

func first(tok []string, words ...string) bool { return len(tok) > 1 && has(tok[:1], words...) }
