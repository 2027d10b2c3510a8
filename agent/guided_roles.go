package agent

import "strings"

// Canvas section roles, recognised by keywords in the section title (English
// or Portuguese), so that a team may rename or reorder the template's sections.
const (
	roleOther = iota
	roleOwner
	roleFields
	rolePurpose
	roleSensitive
	roleDomain
	roleConsumers
	roleSources
	roleQuality
	roleSLA
	roleDelivery
)

var roleWords = []struct {
	role  int
	words []string
}{
	{roleFields, []string{"field", "entit", "campo", "schema", "column", "coluna"}},
	{roleOwner, []string{"owner", "producer", "dono", "produtor", "responsav", "ownership"}},
	{roleSensitive, []string{"sensitive", "pii", "sensiv", "pessoa", "privacy", "privacidade"}},
	{rolePurpose, []string{"problem", "decision", "purpose", "problema", "decis", "objetivo", "goal"}},
	{roleDomain, []string{"domain", "dominio"}},
	{roleConsumers, []string{"consumer", "consumidor", "user", "usuario"}},
	{roleSources, []string{"source", "fonte", "origem", "origin"}},
	{roleQuality, []string{"quality", "qualidade"}},
	{roleSLA, []string{"sla", "fresh", "atualiza", "frescor"}},
	{roleDelivery, []string{"deliver", "entrega", "dbt", "layer", "camada"}},
}

func sectionRole(title string) int {
	t := strings.ToLower(foldAccents(title))
	for _, rw := range roleWords {
		for _, w := range rw.words {
			if strings.Contains(t, w) {
				return rw.role
			}
		}
	}
	return roleOther
}

var ptSectionQuestions = map[int]string{
	roleOwner:     strsPT.qOwner,
	rolePurpose:   strsPT.qPurpose,
	roleSensitive: "Quais campos são pessoais ou sensíveis, e como devem ser protegidos?",
	roleDomain:    strsPT.qDomain,
	roleConsumers: "Quem usa os dados, e para quê?",
	roleSources:   "De onde vêm os dados (sistema, schema, arquivos)? Ex.: banco Postgres do serviço de checkout.",
	roleQuality:   "O que deve ser sempre verdade nos dados (sem duplicados, valores permitidos, faixas)?",
	roleSLA:       "Quão frescos os dados precisam estar, e até quando? Ex.: atualizado a cada 6 horas.",
	roleDelivery:  "Quais camadas dbt são esperadas: apenas staging, ou marts (tabela fato ou dimensão, ex.: fct_pedidos)?",
}
