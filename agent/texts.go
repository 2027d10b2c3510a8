package agent

// strs are the fixed sentences of the Architect, per language.
type strs struct {
	greeting    string
	qName       string
	qTable      string
	qFields     string
	qDomain     string
	qOwner      string
	qPK         string
	qPurpose    string
	qClassify   string // %s = property
	qMasking    string // %s = property, %v = values
	qPIIDesc    string // %s = property
	qRename     string // %s = name, %v = suggestion
	qGeneric    string // %s = message
	fieldHelp   string
	noFields    string
	badField    string
	allSet      string
	drafting    string
	skipWord    string
	doneWord    string
	savedHint   string
	leftHint    string
	resumeHint  string
	interviewed string
	oneOf       string // %s = answer, %s = allowed values
	qSource     string
	qSourceOf   string // %s = the systems named
	noteMart    string // %s = mart, %s = entity
	noteFresh   string
}

var strsEN = strs{
	greeting: "Hi, I'm the Architect. I'll ask a few questions and draft a Product Canvas and an ODCS data contract. Type /help for commands.",
	qName:    "What is the data product called? (a short name, e.g. checkout orders)",
	qTable:   "What is the main table called? (snake_case, e.g. orders)",
	qFields: "List the table's fields, one per message, as `name: type, options`.\n" +
		"  types: string, integer, number, boolean, date, timestamp, time\n" +
		"  options: required, unique, primary key, pii, classification=<class>, masking=<method>,\n" +
		"    values=a|b|c (accepted values), min=<n>, max=<n> (inclusive range), description=<text> (last)\n" +
		"  e.g. `order_id: string, required, primary key, description=Order identifier`\n" +
		"       `status: string, required, values=created|paid|shipped`\n" +
		"       `total_cents: integer, required, min=0`\n" +
		"Send `done` when the list is complete.",
	qDomain:     "Which business domain does it belong to? (e.g. sales)",
	qOwner:      "Which team owns the data, and who is the owner? (e.g. `Checkout squad, bruno.souza`)",
	qPK:         "Which field is the primary key?",
	qPurpose:    "What decision or problem does this data support?",
	qClassify:   "%s looks like PII: which classification? (%v)",
	qMasking:    "How must %s be masked for consumers? (%v)",
	qPIIDesc:    "Describe %s in one line (required for personal data):",
	qRename:     "%s: new name? (press enter for %v)",
	qGeneric:    "%s\nYour answer (or `skip`):",
	fieldHelp:   "field format: `name: type, options` (values=a|b|c, min=, max=, description= last; send `done` to finish)",
	noFields:    "A table needs at least one field: list one, or several, as `name: type, options`.",
	badField:    "I could not read that field: %s",
	allSet:      "The canvas and the contract pass validation.",
	drafting:    "Drafting the canvas and the contract…",
	skipWord:    "skip",
	doneWord:    "done",
	savedHint:   "Next: scaffold the dbt models with",
	leftHint:    "What is left for a person:",
	resumeHint:  "Resume this session with",
	interviewed: "Thanks, I have what I need.",
	oneOf:       "%q is not one of the allowed values: %s",
	qSource:     "Which system does the data come from? The dbt source is named after it (one word, e.g. checkout):",
	qSourceOf:   "The data comes from several systems (%s): which one names the dbt source?",
	noteMart:    "Delivery asks for %s, but the contract has no table %s: add the table or change the delivery.",
	noteFresh:   "Freshness needs a timestamp column (e.g. loaded_at or updated_at) to measure it on: which one?",
}

var strsPT = strs{
	greeting: "Olá, sou o Architect. Vou fazer algumas perguntas e rascunhar um Product Canvas e um contrato de dados ODCS. Digite /help para ver os comandos.",
	qName:    "Como se chama o produto de dados? (um nome curto, ex.: pedidos do checkout)",
	qTable:   "Como se chama a tabela principal? (snake_case, ex.: orders)",
	qFields: "Liste os campos da tabela, um por mensagem, como `nome: tipo, opções`.\n" +
		"  tipos: string, integer, number, boolean, date, timestamp, time\n" +
		"  opções: required, unique, primary key, pii, classification=<classe>, masking=<método>,\n" +
		"    values=a|b|c (valores aceitos), min=<n>, max=<n> (faixa inclusiva), description=<texto> (por último)\n" +
		"  ex.: `order_id: string, required, primary key, description=Identificador do pedido`\n" +
		"       `status: string, required, values=criado|pago|enviado`\n" +
		"       `valor_centavos: integer, required, min=0`\n" +
		"Envie `fim` quando a lista estiver completa.",
	qDomain:     "A qual domínio de negócio pertence? (ex.: vendas)",
	qOwner:      "Qual time é dono dos dados, e quem é o responsável? (ex.: `Squad Checkout, bruno.souza`)",
	qPK:         "Qual campo é a chave primária?",
	qPurpose:    "Que decisão ou problema estes dados apoiam?",
	qClassify:   "%s parece dado pessoal (PII): qual classificação? (%v)",
	qMasking:    "Como %s deve ser mascarado para os consumidores? (%v)",
	qPIIDesc:    "Descreva %s em uma linha (obrigatório para dados pessoais):",
	qRename:     "%s: novo nome? (enter para %v)",
	qGeneric:    "%s\nSua resposta (ou `pular`):",
	fieldHelp:   "formato do campo: `nome: tipo, opções` (values=a|b|c, min=, max=, description= por último; envie `fim` para terminar)",
	noFields:    "Uma tabela precisa de ao menos um campo: liste como `nome: tipo, opções`.",
	badField:    "Não consegui ler esse campo: %s",
	allSet:      "O canvas e o contrato passam na validação.",
	drafting:    "Rascunhando o canvas e o contrato…",
	skipWord:    "pular",
	doneWord:    "fim",
	savedHint:   "Próximo passo: gere os modelos dbt com",
	leftHint:    "O que falta para uma pessoa:",
	resumeHint:  "Retome esta sessão com",
	interviewed: "Obrigado, tenho o que preciso.",
	oneOf:       "%q não é um dos valores permitidos: %s",
	qSource:     "De qual sistema vêm os dados? A source do dbt leva o nome dele (uma palavra, ex.: checkout):",
	qSourceOf:   "Os dados vêm de vários sistemas (%s): qual deles dá nome à source do dbt?",
	noteMart:    "A entrega pede %s, mas o contrato não tem a tabela %s: adicione a tabela ou mude a entrega.",
	noteFresh:   "O frescor precisa de uma coluna de timestamp (ex.: loaded_at ou updated_at) para ser medido: qual?",
}

func texts(lang string) strs {
	if lang == "pt" {
		return strsPT
	}
	return strsEN
}
