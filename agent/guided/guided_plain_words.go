package guided

import (
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/spec"
)

// plainWords are the option and type words of both languages, folded and
// lower-cased, as the words the field format and the notes extractor read.
var plainWords = map[string]string{
	"texto": "text", "inteiro": "integer", "numero": "number", "booleano": "boolean", "data": "date",
	"data e hora": "timestamp", "data/hora": "timestamp", "data hora": "timestamp", "datahora": "timestamp", "hora": "time",
	"required": "required", "obrigatorio": "required", "obrigatoria": "required", "mandatory": "required", "not null": "required",
	"unique": "unique", "unico": "unique", "unica": "unique",
	"pk": "primary key", "primary key": "primary key", "chave primaria": "primary key", "chave": "primary key", "key": "primary key",
	"null": "nullable", "nulo": "nullable", "nula": "nullable", "nullable": "nullable", "optional": "nullable",
	"opcional": "nullable", "pode ser nula": "nullable", "pode ser nulo": "nullable", "anulavel": "nullable",
	"pii": "pii", "dado pessoal": "pii", "dados pessoais": "pii", "personal": "pii", "pessoal": "pii",
	"sensitive": "sensitive", "sensivel": "sensitive", "critical": "critical", "critico": "critical", "cde": "cde",
}

// peelable are the words that may trail a name said in words ("order id
// pk", "plan text") and are never part of one: not "date", "key" or
// "number" (order date, api key, order number).
var peelable = set("required", "obrigatorio", "obrigatoria", "unique", "unico", "unica", "pk", "primary key",
	"chave primaria", "pii", "nullable", "optional", "opcional", "pode ser nula", "pode ser nulo", "not null",
	"text", "texto", "string", "integer", "inteiro", "int", "bigint", "boolean", "booleano", "bool", "timestamp",
	"timestamptz", "datetime", "decimal", "uuid", "varchar", "float", "double", "data e hora")

// ptConnectives are left out of a name said in Portuguese: "id do pedido"
// is id_pedido, "data de criação" data_criacao (the words keep their order).
var ptConnectives = set("de", "do", "da", "dos", "das")

// plainName turns a field said in words into a snake_case name and keeps
// the words as the business name: "churn date" → churn_date, "MRR" → mrr,
// "código" → codigo, "id do pedido" → id_pedido, "e-mail" → email.
func plainName(text string) (name, business string) {
	orig := strings.TrimSpace(text)
	n, _ := spec.SnakeName(orig)
	tok := spec.Tokens(n)
	var out []string
	for i := 0; i < len(tok); i++ {
		switch t := tok[i]; {
		case t == "e" && i+1 < len(tok) && tok[i+1] == "mail":
			out, i = append(out, "email"), i+1
		case ptConnectives[t] && i > 0 && i < len(tok)-1:
		default:
			out = append(out, t)
		}
	}
	name = strings.Join(out, "_")
	if orig != name {
		business = orig
	}
	return name, business
}

// plainType guesses a type from the name and the words said with it: the
// notes extractor's rules (spec.InferType), and a time of day or "when" for
// a timestamp. evidence is false when nothing said it (text).
func plainType(name, said string) (string, bool) {
	t, evidence := spec.InferType(name)
	if t != "string" {
		return t, evidence
	}
	tok := spec.Tokens(name)
	words, _ := spec.SnakeName(said)
	if lastToken(tok) == "time" || lastToken(tok) == "hora" || plainHasWord(append(tok, spec.Tokens(words)...), "when", "quando", "timestamp") {
		return "timestamp", true
	}
	return t, evidence
}

func lastToken(tok []string) string {
	if len(tok) < 2 {
		return ""
	}
	return tok[len(tok)-1]
}

func plainHasWord(tok []string, words ...string) bool {
	for _, t := range tok {
		for _, w := range words {
			if t == w {
				return true
			}
		}
	}
	return false
}

// peelOptions takes the option and type words off the end of a name said
// in words: "order id pk" → "order id", ["primary key"]. A lone snake_case
// name keeps any type after it ("created_at date").
func peelOptions(name string) (string, []string) {
	var peeled []string
	for {
		words := strings.Fields(name)
		cut := 0
		for n := min(3, len(words)-1); n >= 1 && cut == 0; n-- {
			tail := strings.ToLower(spec.FoldAccents(strings.Join(words[len(words)-n:], " ")))
			rest := words[:len(words)-n]
			snake := len(rest) == 1 && strings.Contains(rest[0], "_")
			if peelable[tail] || snake && isTypeWord(tail) {
				cut = n
				peeled = append([]string{tail}, peeled...)
			}
		}
		if cut == 0 {
			return name, peeled
		}
		name = strings.Join(words[:len(words)-cut], " ")
	}
}

// translateParts maps each option to the word the readers know, and says
// whether one of them is a type.
func translateParts(parts []string) (out []string, given bool) {
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if w, ok := plainWords[strings.ToLower(spec.FoldAccents(p))]; ok {
			p = w
		}
		given = given || isTypeWord(p)
		out = append(out, p)
	}
	return out, given
}

// translateOptions is translateParts for the options of `name: options`:
// "timestamp obrigatório" is two options; a description stays as written.
func translateOptions(rest string) (string, bool) {
	tail := ""
	for _, key := range []string{"description=", "desc=", "descrição=", "descricao="} {
		if i := indexFold(rest, key); i >= 0 {
			rest, tail = rest[:i], rest[i:]
			break
		}
	}
	var parts []string
	for _, p := range splitOptions(rest) {
		parts = append(parts, optionWords(strings.TrimSpace(p))...)
	}
	out, given := translateParts(parts)
	if tail != "" {
		out = append(out, tail)
	}
	return strings.Join(out, ", "), given
}

// optionWords splits "timestamp required" or "texto obrigatório chave
// primária" into known words; anything else is one option, as written.
func optionWords(p string) []string {
	words := strings.Fields(strings.ToLower(spec.FoldAccents(p)))
	if len(words) < 2 || strings.ContainsAny(p, "=(") {
		return []string{p}
	}
	var out []string
	for i := 0; i < len(words); {
		n := 0
		for k := min(3, len(words)-i); k >= 1 && n == 0; k-- {
			if w := strings.Join(words[i:i+k], " "); plainWords[w] != "" || isTypeWord(w) {
				n = k
			}
		}
		if n == 0 {
			return []string{p}
		}
		out, i = append(out, strings.Join(words[i:i+n], " ")), i+n
	}
	return out
}

// isTypeWord reports a type of the field format ("decimal(12,2)" too).
func isTypeWord(p string) bool {
	base := strings.ToLower(strings.TrimSpace(p))
	if i := strings.IndexAny(base, "( "); i > 0 {
		base = base[:i]
	}
	_, ok := logicalTypes[base]
	return ok && !strings.Contains(p, " ") || ok && strings.HasPrefix(strings.ToLower(p), base+"(")
}

// optionOnly reports an item that is only options ("required", "pk,
// unique"): it belongs to the field before it ("email, required").
func optionOnly(item string) bool {
	words := optionWords(strings.TrimSpace(item))
	for _, w := range words {
		lw := strings.ToLower(spec.FoldAccents(strings.TrimSpace(w)))
		canon, ok := plainWords[lw]
		if !ok && !peelable[lw] || ok && isTypeWord(canon) && !peelable[lw] {
			return false
		}
	}
	return len(words) > 0
}

// attachOptions moves option-only items into the parentheses of the item
// before them: ["email", "required"] → ["email (required)", "required"];
// the option-only item stays, for the caller to skip.
func attachOptions(items []string) []string {
	for i := 1; i < len(items); i++ {
		if !optionOnly(items[i]) {
			continue
		}
		j := i - 1
		for j >= 0 && optionOnly(items[j]) {
			j--
		}
		if j < 0 {
			continue
		}
		prev, opt := strings.TrimSpace(items[j]), strings.TrimSpace(items[i])
		if k := strings.LastIndex(prev, ")"); k > 0 && strings.Contains(prev, "(") {
			items[j] = prev[:k] + ", " + opt + prev[k:]
		} else {
			items[j] = prev + " (" + opt + ")"
		}
	}
	return items
}
