package guided

import (
	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/internal/msg"
)

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

// roleKeys name each section role in the catalog: "section.<key>" is its
// label and "section.q.<key>" its question.
var roleKeys = map[int]string{
	roleOwner: "owner", rolePurpose: "purpose", roleFields: "fields", roleSensitive: "sensitive",
	roleDomain: "domain", roleConsumers: "consumers", roleSources: "sources", roleQuality: "quality",
	roleSLA: "sla", roleDelivery: "delivery",
}

// sectionLabel is a canvas section's title as the person reads it: the
// template's title in English, the catalog's name of its role in
// Portuguese (a section of no known role keeps its title).
func sectionLabel(title, lang string) string {
	k, ok := roleKeys[sectionRole(title)]
	if !ok || msg.Normalize(lang) != msg.PT {
		return title
	}
	return say(lang, "section."+k)
}

// roleQuestion is the catalog's question for a section role in lang, ""
// when the catalog has none.
func roleQuestion(role int, lang string) string {
	t := texts(lang)
	switch role {
	case roleOwner:
		return t.qOwner
	case rolePurpose:
		return t.qPurpose
	case roleDomain:
		return t.qDomain
	}
	k := msg.Key("section.q." + roleKeys[role])
	if _, ok := roleKeys[role]; !ok || !msg.Has(lang, k) {
		return ""
	}
	return msg.Get(lang, k)
}
