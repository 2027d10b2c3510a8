package guided

import (
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/event"
	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

// QNameConfirm asks the person to keep the product name proposed from a
// sentence, or to type another.
const QNameConfirm = "name-confirm"

// nameLead are the words a sentence opens with before it names the data:
// "I need a table of", "preciso de uma tabela de".
var nameLead = set("i", "we", "eu", "nos", "need", "needs", "want", "wants", "would", "like", "to", "please", "por",
	"favor", "preciso", "precisamos", "precisa", "quero", "queremos", "gostaria", "gostariamos", "de", "do", "da", "of",
	"a", "an", "the", "um", "uma", "uns", "umas", "tabela", "tabelas", "table", "tables", "dataset", "datasets", "data",
	"dados", "create", "build", "make", "criar", "fazer", "ter", "have",
	"get", "new", "nova", "novo", "some", "contract", "contrato", "product", "produto", "for", "para", "on", "sobre",
	"about", "is", "it", "its", "e", "this", "isto", "isso", "called", "chamado", "chamada", "named", "our", "nosso",
	"nossa", "os", "as", "o", "hi", "hello", "ola", "oi", "so", "just", "only", "apenas", "somente", "with", "com")

// weakLead are lead words a short name may start with ("the orders",
// "dados de clientes"): alone they do not make a sentence.
var weakLead = set("a", "an", "the", "o", "um", "uma", "data", "dados")

// nameStop words end the name: what follows says what the data holds or
// is for ("… com cpf do cliente", "… with customer email").
var nameStop = set("com", "with", "including", "incluindo", "contendo", "containing", "que", "that", "which", "where",
	"onde", "because", "porque", "pois", "para", "for", "by", "por", "pelo", "pela", "to", "so", "from", "vindo",
	"vinda", "vindos", "vindas", "of", "showing", "mostrando", "per", "every", "each", "cada", "daily", "hourly")

// nameJoin are the words the snake name drops between its words: "pedidos
// da loja online" → pedidos_loja_online.
var nameJoin = set("de", "da", "do", "das", "dos", "of", "the", "a", "an", "e", "and", "em", "in", "no", "na")

var (
	nameWordRE   = lazyre.New(`[\pL\pN_-]+`)
	nameClauseRE = lazyre.New(`[.;:!?,()\n]`)
)

// proposeName reads a product-name answer. A short name ("checkout
// orders", "leads de marketing") is kept as written (ok false). A sentence
// ("preciso de uma tabela de pedidos da loja online com cpf do cliente")
// gives a short snake name (pedidos_loja_online) and its words as written
// (pedidos da loja online), to be confirmed.
func proposeName(answer string) (id, business string, ok bool) {
	text := strings.TrimSpace(answer)
	clause := text
	if loc := nameClauseRE.FindStringIndex(text); loc != nil {
		clause = text[:loc[0]]
	}
	raw := nameWordRE.FindAllString(clause, -1)
	low := make([]string, len(raw))
	for i, w := range raw {
		low[i] = strings.ToLower(spec.FoldAccents(w))
	}
	i, j := nameSpan(low)
	keep, last := nameKeep(low, i, j)
	sentence := clause != text || j < len(raw) || countContent(low[i:j]) > len(keep)
	for _, w := range low[:i] {
		sentence = sentence || !weakLead[w]
	}
	if len(keep) == 0 || !sentence {
		return "", "", false
	}
	id = spec.SanitizeName(strings.Join(keep, "_"))
	return id, strings.Join(raw[i:last+1], " "), id != spec.SanitizeName(text)
}

// nameSpan is where the name is among the words: after the lead words,
// up to a stop word, without a trailing "de"/"of".
func nameSpan(low []string) (i, j int) {
	for i < len(low) && nameLead[low[i]] {
		i++
	}
	j = i
	for j < len(low) && (j == i || !nameStop[low[j]]) {
		j++
	}
	for j > i && nameJoin[low[j-1]] {
		j-- // "pedidos da" → pedidos
	}
	return i, j
}

// nameKeep are the span's first four content words, and the index of the
// last one kept.
func nameKeep(low []string, i, j int) (keep []string, last int) {
	last = i
	for k := i; k < j && len(keep) < 4; k++ {
		if !nameJoin[low[k]] {
			keep, last = append(keep, low[k]), k
		}
	}
	return keep, last
}

func countContent(words []string) int {
	n := 0
	for _, w := range words {
		if !nameJoin[w] {
			n++
		}
	}
	return n
}

// takeName stores the name answer: a sentence's proposed name, with a
// confirmation question next; a short name as written.
func (g *Interviewer) takeName(text string) string {
	if spec.SanitizeName(text) == "dataset" && !strings.EqualFold(text, "dataset") {
		return texts(g.lang).qName
	}
	id, business, ok := proposeName(text)
	if !ok {
		g.name, g.business = text, ""
		return ""
	}
	g.name, g.business = id, business
	q := event.Question{Kind: QNameConfirm, Default: id, Text: say(g.lang, "facts.nameConfirm", id, business)}
	if strings.ReplaceAll(business, " ", "_") == id {
		q.Text = say(g.lang, "facts.nameConfirm1", id) // "deliveries (deliveries)" says nothing more
	}
	g.steps = append(g.steps[:g.pos+1], append([]event.Question{q}, g.steps[g.pos+1:]...)...)
	return ""
}

// confirmName takes the reply to the proposed name: yes (or nothing) keeps
// it, no asks for another, anything else is the name (a sentence is
// proposed again).
func (g *Interviewer) confirmName(text string, q event.Question) string {
	switch strings.ToLower(strings.Trim(spec.FoldAccents(text), " .!")) {
	case "", "y", "yes", "yeah", "yep", "sure", "ok", "okay", "fine", "good", "s", "sim", "pode", "pode ser", "isso",
		"claro", "certo", "beleza", "perfeito", "otimo", "keep", "manter", "mantem", "mantenha":
		g.name = q.Default
		return ""
	case "n", "no", "nope", "nao":
		return say(g.lang, "facts.nameOther")
	}
	return g.takeName(text)
}

// ProductName is the product's name as the person wrote it: the words of a
// confirmed proposal, else the answer.
func (g *Interviewer) ProductName() string {
	if g.business != "" && g.name == spec.SanitizeName(g.name) {
		return g.business
	}
	return g.name
}
