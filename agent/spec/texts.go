package spec

import (
	"fmt"
	"strconv"
	"strings"
)

// words are the fixed phrases of the canvas and of the open questions.
type words struct {
	missing, openHeading, none, table, pk, required, unique, optional string
	noPII, masking, staging, fact, dimension, freshness, schedule     string
	noSource, noColumns, nullUntil                                    string
	qOwner, qPurpose, qDomain, qSource, qPK, qSLA, qSLACol            string
	qClassify, qMasking, qFields, qConsumers, qSourceOf, qTableName   string
}

var wordsEN = words{
	missing: "_Not in the notes: see Open questions._", openHeading: "Open questions", none: "none",
	table: "Table", pk: "primary key", required: "required", unique: "unique", optional: "optional",
	noPII: "The notes name no personal or sensitive field.", masking: "masking",
	staging: "Staging models for every table.", fact: "fact table", dimension: "dimension",
	freshness: "Freshness", schedule: "As written", noSource: "", noColumns: "no columns named yet",
	nullUntil:  "null until the event happens",
	qOwner:     "Who owns this data product (team and a person)?",
	qPurpose:   "Which decision or problem does this data support?",
	qDomain:    "Which business domain does it belong to?",
	qSource:    "Which system does the data come from?",
	qPK:        "Which column identifies a row of %s?",
	qSLA:       "How fresh must the data be (e.g. within 24 hours)?",
	qSLACol:    "Which column records when a row was loaded or updated, to measure freshness?",
	qClassify:  "How is %s classified (pii, sensitive, internal or public)?",
	qMasking:   "How must %s be masked (hash, mask, anonymize, none)?",
	qFields:    "Which columns does %s have?",
	qConsumers: "Who uses the data, and how?",
	qSourceOf:  "Which of these systems is the source: %s?",
	qTableName: "What is the table called? It is %s for now, after the note.",
}

var wordsPT = words{
	missing: "_Não consta nas notas: veja Perguntas em aberto._", openHeading: "Perguntas em aberto", none: "nenhuma",
	table: "Tabela", pk: "chave primária", required: "obrigatório", unique: "único", optional: "opcional",
	noPII: "As notas não citam nenhum campo pessoal ou sensível.", masking: "mascaramento",
	staging: "Modelos de staging para cada tabela.", fact: "tabela fato", dimension: "dimensão",
	freshness: "Frescor", schedule: "Como escrito", noSource: "", noColumns: "nenhuma coluna citada ainda",
	nullUntil:  "nula até o evento acontecer",
	qOwner:     "Quem é o dono deste produto de dados (time e uma pessoa)?",
	qPurpose:   "Que decisão ou problema estes dados apoiam?",
	qDomain:    "A que domínio de negócio pertence?",
	qSource:    "De que sistema vêm os dados?",
	qPK:        "Qual coluna identifica uma linha de %s?",
	qSLA:       "Quão frescos os dados precisam estar (ex.: em até 24 horas)?",
	qSLACol:    "Qual coluna registra quando a linha foi carregada ou atualizada, para medir o frescor?",
	qClassify:  "Como %s é classificado (pii, sensitive, internal ou public)?",
	qMasking:   "Como %s deve ser mascarado (hash, mask, anonymize, none)?",
	qFields:    "Quais colunas %s tem?",
	qConsumers: "Quem usa os dados, e como?",
	qSourceOf:  "Qual destes sistemas é a fonte: %s?",
	qTableName: "Como se chama a tabela? Por ora é %s, como a nota.",
}

func wordsFor(lang string) words {
	if lang == "pt" {
		return wordsPT
	}
	return wordsEN
}

// Gaps are the open questions for the facts the draft lacks, in lang. They
// ask; they never assume an answer.
func (d Draft) Gaps(lang string) []string {
	w := wordsFor(lang)
	var out []string
	add := func(cond bool, q string) {
		if cond {
			out = append(out, q)
		}
	}
	add(d.Owner == "" && d.Team == "", w.qOwner)
	add(d.Purpose == "", w.qPurpose)
	add(d.Consumers == "", w.qConsumers)
	add(d.Domain == "", w.qDomain)
	add(d.Source == "" && len(d.SourceChoices) < 2, w.qSource)
	add(d.Source == "" && len(d.SourceChoices) > 1, fmt.Sprintf(w.qSourceOf, strings.Join(d.SourceChoices, ", ")))
	add(d.SLA.Value == 0, w.qSLA)
	add(d.SLA.Value > 0 && d.SLA.Column == "", w.qSLACol)
	for _, t := range d.Tables {
		add(t.Provisional, fmt.Sprintf(w.qTableName, "`"+t.Name+"`"))
		add(len(t.Columns) == 0, fmt.Sprintf(w.qFields, "`"+t.Name+"`"))
		add(len(t.Columns) > 0 && len(t.PrimaryKeys()) == 0, fmt.Sprintf(w.qPK, "`"+t.Name+"`"))
		for _, c := range t.Columns {
			ref := "`" + t.Name + "." + c.Name + "`"
			add(c.PII != PIINone && c.Classification == "", fmt.Sprintf(w.qClassify, ref))
			add(c.Sensitive() && c.Masking == "", fmt.Sprintf(w.qMasking, ref))
		}
	}
	return out
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
