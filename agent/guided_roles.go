package agent

import "github.com/dataeng-os/dataeng-os/agent/spec"

// Canvas section roles (spec.Role), recognised by keywords in the section
// title, so that a team may rename or reorder the template's sections.
const (
	roleOther     = int(spec.RoleOther)
	roleOwner     = int(spec.RoleOwner)
	roleFields    = int(spec.RoleFields)
	rolePurpose   = int(spec.RolePurpose)
	roleSensitive = int(spec.RoleSensitive)
	roleDomain    = int(spec.RoleDomain)
	roleConsumers = int(spec.RoleConsumers)
	roleSources   = int(spec.RoleSources)
	roleQuality   = int(spec.RoleQuality)
	roleSLA       = int(spec.RoleSLA)
	roleDelivery  = int(spec.RoleDelivery)
)

func sectionRole(title string) int { return int(spec.RoleOf(title)) }

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
