package msg

// The terminal chat's own lines (cmd/dataeng-os/internal/cli/chat*.go):
// its command help and replies, and the findings panel. Counts have a
// ".one" and a ".many" form.
func enChat() map[Key]string {
	return map[Key]string{
		"chat.help": `commands:
  /help       this list
  /canvas     show the current canvas draft
  /contract   show the current contract draft
  /findings   every open finding of the current drafts
  /validate   validate the current drafts again
  /draft      draft now with what was said so far
  /save       save the drafts (a failing draft is saved as <name>.draft.odcs.yaml)
  /attempts   drafting attempts and what is left
  /usage      tokens and estimated cost
  /retry      ask the model again after a cancelled turn
  /lang en|pt switch the session's language
  /fields     the fields listed so far (guided mode)
  /undo       remove the last field listed (guided mode, fields step)
  /edit NAME  change one field: /edit NAME, then the field again, or
              /edit churn_date timestamp, required in one line
  /quit       leave (the session is kept; resume with --resume)
keys: ↑/↓ history, Ctrl-A/E line start/end, Alt-B/F words, Tab completes
a /command, a trailing \ adds a line, Ctrl-C cancels a reply`,
		"chat.noCanvas":     "no canvas yet",
		"chat.noContract":   "no contract yet",
		"chat.noPrice":      "no price configured ([prices.MODEL] in dataeng-os.toml)",
		"chat.usage":        "usage: %d model calls, %d input + %d output = %d tokens; cost: %s",
		"chat.guidedOnly":   "%s works in guided mode, where the Architect lists the fields with you",
		"chat.langUsage":    "usage: /lang en|pt",
		"chat.unknown":      "unknown command %s; /help lists them",
		"chat.attempts":     "attempts: ",
		"chat.perDraft":     "; up to %d per draft",
		"chat.open":         "; open: ",
		"chat.pass":         "✓ the drafts pass validation",
		"chat.validator":    "validator: ",
		"chat.warning":      "warning",
		"chat.error":        "error",
		"chat.fixed":        "fixed",
		"chat.notSaved":     "(not saved yet)",
		"chat.n.error.one":  "error",
		"chat.n.error.many": "errors",
		"chat.n.warn.one":   "warning",
		"chat.n.warn.many":  "warnings",
		"chat.n.new.one":    "new",
		"chat.n.new.many":   "new",
		"chat.n.fixed.one":  "fixed",
		"chat.n.fixed.many": "fixed",
		"chat.n.att.one":    "drafting attempt",
		"chat.n.att.many":   "drafting attempts",
		"chat.n.reask.one":  "reask",
		"chat.n.reask.many": "reasks",
	}
}

func ptChat() map[Key]string {
	return map[Key]string{
		"chat.help": `comandos:
  /help       esta lista
  /canvas     mostra o rascunho atual do canvas
  /contract   mostra o rascunho atual do contrato
  /findings   todos os apontamentos em aberto dos rascunhos
  /validate   valida os rascunhos de novo
  /draft      rascunha agora com o que foi dito até aqui
  /save       salva os rascunhos (um rascunho com erros é salvo como <nome>.draft.odcs.yaml)
  /attempts   tentativas de rascunho e o que falta
  /usage      tokens e custo estimado
  /retry      pede ao modelo de novo depois de uma resposta cancelada
  /lang en|pt muda o idioma da sessão
  /fields     os campos listados até aqui (modo guiado; também /campos)
  /undo       remove o último campo listado (modo guiado; também /desfazer)
  /edit NOME  muda um campo: /edit NOME e depois o campo de novo, ou
              /edit data_churn timestamp, obrigatório numa linha só (também /editar)
  /quit       sai (a sessão fica guardada; retome com --resume)
teclas: ↑/↓ histórico, Ctrl-A/E início/fim da linha, Alt-B/F palavras, Tab completa
um /comando, uma \ no fim acrescenta uma linha, Ctrl-C cancela uma resposta`,
		"chat.noCanvas":     "ainda não há canvas",
		"chat.noContract":   "ainda não há contrato",
		"chat.noPrice":      "nenhum preço configurado ([prices.MODELO] no dataeng-os.toml)",
		"chat.usage":        "uso: %d chamadas ao modelo, %d de entrada + %d de saída = %d tokens; custo: %s",
		"chat.guidedOnly":   "%s funciona no modo guiado, em que o Arquiteto lista os campos com você",
		"chat.langUsage":    "uso: /lang en|pt",
		"chat.unknown":      "comando desconhecido %s; /help lista os comandos",
		"chat.attempts":     "tentativas: ",
		"chat.perDraft":     "; até %d por rascunho",
		"chat.open":         "; em aberto: ",
		"chat.pass":         "✓ os rascunhos passam na validação",
		"chat.validator":    "validador: ",
		"chat.warning":      "aviso",
		"chat.error":        "erro",
		"chat.fixed":        "corrigido",
		"chat.notSaved":     "(ainda não salvo)",
		"chat.n.error.one":  "erro",
		"chat.n.error.many": "erros",
		"chat.n.warn.one":   "aviso",
		"chat.n.warn.many":  "avisos",
		"chat.n.new.one":    "novo",
		"chat.n.new.many":   "novos",
		"chat.n.fixed.one":  "corrigido",
		"chat.n.fixed.many": "corrigidos",
		"chat.n.att.one":    "tentativa de rascunho",
		"chat.n.att.many":   "tentativas de rascunho",
		"chat.n.reask.one":  "nova pergunta ao modelo",
		"chat.n.reask.many": "novas perguntas ao modelo",
	}
}
