package spec

import "strings"

// Role is what a canvas section is about, recognised by keywords in its
// title (English or Portuguese), so a team may rename or reorder the
// template's sections.
type Role int

// Canvas section roles.
const (
	RoleOther Role = iota
	RoleOwner
	RoleFields
	RolePurpose
	RoleSensitive
	RoleDomain
	RoleConsumers
	RoleSources
	RoleQuality
	RoleSLA
	RoleDelivery
)

var roleWords = []struct {
	role  Role
	words []string
}{
	{RoleFields, []string{"field", "entit", "campo", "schema", "column", "coluna"}},
	{RoleOwner, []string{"owner", "producer", "dono", "produtor", "responsav", "ownership"}},
	{RoleSensitive, []string{"sensitive", "pii", "sensiv", "pessoa", "privacy", "privacidade"}},
	{RolePurpose, []string{"problem", "decision", "purpose", "problema", "decis", "objetivo", "goal"}},
	{RoleDomain, []string{"domain", "dominio"}},
	{RoleConsumers, []string{"consumer", "consumidor", "user", "usuario"}},
	{RoleSources, []string{"source", "fonte", "origem", "origin"}},
	{RoleQuality, []string{"quality", "qualidade"}},
	{RoleSLA, []string{"sla", "fresh", "atualiza", "frescor"}},
	{RoleDelivery, []string{"deliver", "entrega", "dbt", "layer", "camada"}},
}

// RoleOf tells what a section title is about.
func RoleOf(title string) Role {
	t := strings.ToLower(FoldAccents(title))
	for _, rw := range roleWords {
		for _, w := range rw.words {
			if strings.Contains(t, w) {
				return rw.role
			}
		}
	}
	return RoleOther
}

// Section is one `## ` section of the canvas template.
type Section struct {
	Title string
	Role  Role
}

// DefaultSections are the sections of the default canvas template.
func DefaultSections() []Section {
	titles := []string{"Problem and decision supported", "Consumers", "Producer and owner", "Data sources",
		"Entities and fields", "Sensitive data", "Quality expectations", "SLA and freshness", "Delivery"}
	out := make([]Section, len(titles))
	for i, t := range titles {
		out[i] = Section{Title: t, Role: RoleOf(t)}
	}
	return out
}

var accents = strings.NewReplacer("á", "a", "à", "a", "â", "a", "ã", "a", "ä", "a", "é", "e", "ê", "e", "è", "e",
	"í", "i", "î", "i", "ó", "o", "ô", "o", "õ", "o", "ö", "o", "ú", "u", "ü", "u", "ç", "c", "ñ", "n",
	"Á", "a", "À", "a", "Â", "a", "Ã", "a", "É", "e", "Ê", "e", "Í", "i", "Ó", "o", "Ô", "o", "Õ", "o", "Ú", "u", "Ç", "c")

// FoldAccents drops Portuguese and Spanish accents ("atualização" →
// "atualizacao"); capitals with accents become lower-case letters.
func FoldAccents(s string) string { return accents.Replace(s) }
