package msg

// Guided mode's fields step in plain language (agent/guided_plain*.go):
// the question, the echo of each field read, and /fields, /undo, /edit.
func enPlain() map[Key]string {
	return map[Key]string{
		"plain.qFields": "Which fields does the table have? Write them the way you would say them " +
			"(e.g. `order id, customer email, total in cents and order date`), or one per line as `name: type, options`. " +
			"Send `done` when the list is complete.",
		"plain.more": "More fields? Write them the same way, or send `done` when the list is complete " +
			"(/fields lists them, /undo removes the last, /edit NAME changes one).",
		"plain.echo":         "✓ %s — %s",
		"plain.guessName":    " (type guessed from the name; change with /edit %s)",
		"plain.guessDefault": " (text, as nothing in the name says otherwise; change with /edit %s)",
		"plain.replaced":     " (replaces the earlier %s)",
		"plain.optional":     "optional",
		"plain.required":     "required",
		"plain.pk":           "primary key",
		"plain.unique":       "unique",
		"plain.pii":          "personal data",
		"plain.values":       "values %s",
		"plain.bad":          "I could not read %q: %s",
		"plain.prose":        "it reads as a sentence, not a field name (write a short name, e.g. `churn date`, or `name: type, options`)",
		"plain.noName":       "it has no field name",
		"plain.list.one":     "%d field so far:",
		"plain.list.other":   "%d fields so far:",
		"plain.listNone":     "No fields yet.",
		"plain.undone":       "Removed %s.",
		"plain.undoNone":     "There is no field to remove.",
		"plain.editUsage":    "Use /edit NAME (e.g. /edit churn_date), or give the change in one line: /edit churn_date timestamp, required.",
		"plain.editUnknown":  "There is no field %q (the fields are: %s).",
		"plain.editAsk":      "Send %s again, e.g. `%s: timestamp, required`, or only its type and options (`timestamp, required`).",
		"plain.editOne":      "/edit changes one field; that answer has %d.",
		"plain.editTaken":    "%s is already a field: /edit that one, or choose another name.",
		"plain.closed":       "/undo and /edit work while the fields are listed; that step is over (/fields still lists them).",
	}
}

func ptPlain() map[Key]string {
	return map[Key]string{
		"plain.qFields": "Quais campos a tabela tem? Escreva do jeito que você falaria " +
			"(ex.: `id do pedido, e-mail do cliente, total em centavos e data do pedido`), ou um por linha como `nome: tipo, opções`. " +
			"Envie `fim` quando a lista estiver completa.",
		"plain.more": "Mais campos? Escreva do mesmo jeito, ou envie `fim` quando a lista estiver completa " +
			"(/fields lista os campos, /undo remove o último, /edit NOME muda um).",
		"plain.echo":         "✓ %s — %s",
		"plain.guessName":    " (tipo deduzido do nome; mude com /edit %s)",
		"plain.guessDefault": " (texto, pois nada no nome indica outro tipo; mude com /edit %s)",
		"plain.replaced":     " (substitui o %s anterior)",
		"plain.optional":     "opcional",
		"plain.required":     "obrigatório",
		"plain.pk":           "chave primária",
		"plain.unique":       "único",
		"plain.pii":          "dado pessoal",
		"plain.values":       "valores %s",
		"plain.bad":          "Não consegui ler %q: %s",
		"plain.prose":        "parece uma frase, não um nome de campo (escreva um nome curto, ex.: `data de cancelamento`, ou `nome: tipo, opções`)",
		"plain.noName":       "falta o nome do campo",
		"plain.list.one":     "%d campo até agora:",
		"plain.list.other":   "%d campos até agora:",
		"plain.listNone":     "Nenhum campo ainda.",
		"plain.undone":       "Removi %s.",
		"plain.undoNone":     "Não há campo para remover.",
		"plain.editUsage":    "Use /edit NOME (ex.: /edit data_cancelamento), ou dê a mudança numa linha: /edit data_cancelamento timestamp, obrigatório.",
		"plain.editUnknown":  "Não há campo %q (os campos são: %s).",
		"plain.editAsk":      "Envie %s de novo, ex.: `%s: timestamp, obrigatório`, ou só o tipo e as opções (`timestamp, obrigatório`).",
		"plain.editOne":      "/edit muda um campo; essa resposta tem %d.",
		"plain.editTaken":    "%s já é um campo: use /edit nele, ou escolha outro nome.",
		"plain.closed":       "/undo e /edit funcionam enquanto os campos são listados; essa etapa acabou (/fields ainda lista os campos).",
	}
}
