package msg

import (
	"strings"
	"unicode"
)

var ptWords = wordSet("não", "nao", "que", "de", "para", "com", "uma", "um", "os", "é", "são", "do", "da", "dos", "das",
	"em", "na", "nós", "você", "tabela", "campo", "campos", "dados", "dono", "quem", "qual", "quais", "cliente",
	"pedido", "pedidos", "sim", "também", "mas", "por", "precisa", "precisamos", "queremos", "equipe", "diário", "diária")

var enWords = wordSet("the", "and", "is", "of", "to", "for", "with", "we", "are", "table", "field", "fields", "data",
	"owner", "who", "which", "what", "customer", "order", "orders", "yes", "also", "but", "by", "need", "want", "team",
	"daily", "it", "this", "that", "in", "on")

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Detect returns "pt" or "en" for a person's text, or "" when it
// cannot tell (too short, or only names and symbols).
func Detect(text string) string {
	pt, en := 0, 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if ptWords[w] {
			pt++
		}
		if enWords[w] {
			en++
		}
		if strings.ContainsAny(w, "ãõçáéíóúâêô") {
			pt++
		}
	}
	switch {
	case pt > en:
		return "pt"
	case en > pt:
		return "en"
	}
	return ""
}

// Substantive reports a message worth telling a language from: two words
// or more, not a slash command.
func Substantive(text string) bool {
	t := strings.TrimSpace(text)
	return !strings.HasPrefix(t, "/") && len(strings.Fields(t)) >= 2
}
