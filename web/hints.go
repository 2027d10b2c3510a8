package web

import (
	"net/http"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
	"github.com/dataeng-os/dataeng-os/internal/msg"
)

// plainHints gives each validator rule the editor's hint: what to do, in
// plain words and in the form's own terms (boxes and ticks, never YAML).
// The validator's hints are for people who edit YAML; the editor shows
// these instead (see forPeople).
var plainHints = map[string]msg.Key{
	contract.RuleOwner:            "web.hint.owner",
	contract.RuleDomain:           "web.hint.domain",
	contract.RulePurpose:          "web.hint.purpose",
	contract.RuleStatus:           "web.hint.status",
	contract.RuleVersion:          "web.hint.version",
	contract.RuleIDEmpty:          "web.hint.id",
	contract.RuleIDDuplicate:      "web.hint.idDuplicate",
	contract.RulePrimaryKey:       "web.hint.primaryKey",
	contract.RuleLogicalType:      "web.hint.logicalType",
	contract.RuleObjectDesc:       "web.hint.objectDescription",
	contract.RuleDuplicateObject:  "web.hint.duplicateObject",
	contract.RuleDuplicateProp:    "web.hint.duplicateProperty",
	contract.RulePIIUnclassified:  "web.hint.piiUnclassified",
	contract.RuleClassification:   "web.hint.classification",
	contract.RulePIIDescription:   "web.hint.piiDescription",
	contract.RulePIICritical:      "web.hint.piiCritical",
	contract.RulePIIMasking:       "web.hint.piiMasking",
	contract.RuleRelationship:     "web.hint.relationship",
	contract.RuleQualityBetween:   "web.hint.qualityBetween",
	contract.RuleQualityDimension: "web.hint.qualityDimension",
	contract.RuleQualityNullObj:   "web.hint.qualityNullObject",
	contract.RuleSLAElement:       "web.hint.slaElement",
	contract.RuleNamingReserved:   "web.hint.namingReserved",
	contract.RuleSchema:           "web.hint.schema",
	contract.RuleAPIVersion:       "web.hint.upgrade",
	contract.RuleUpgrade:          "web.hint.upgrade",
}

// plainHint is the editor's hint for a finding in lang: the rule's plain
// hint; else the validator's own hint when it reads as plain words (the
// naming rules' "rename it to …"); else none, and the message stands alone.
func plainHint(f contract.Finding, lang string) string {
	if k, ok := plainHints[f.Rule]; ok {
		return msg.Get(lang, k)
	}
	if strings.HasPrefix(f.Rule, "yaml-") || strings.HasPrefix(f.Rule, "input-") {
		return msg.Get(lang, "web.hint.yaml")
	}
	if looksLikeYAML(f.Hint) {
		return ""
	}
	return f.Hint
}

// looksLikeYAML reports text a non-engineer should not be asked to write:
// code spans, YAML mappings or lists, <placeholders>, camelCase keys,
// policy files.
func looksLikeYAML(s string) bool {
	return strings.ContainsAny(s, "`{}[]<>") || yamlKeyRE.MatchString(s) || strings.Contains(s, ".json")
}

var yamlKeyRE = lazyre.New(`\b[a-z]+[A-Z][A-Za-z]*:`)

// forPeople is a check result for the editor: findings in the request's
// language, with plain-word hints.
func forPeople(res checkResult, r *http.Request) checkResult {
	res = localized(res, r)
	lang := pageLang(r)
	out := make([]contract.Finding, len(res.Findings))
	for i, f := range res.Findings {
		f.Hint = plainHint(f, lang)
		out[i] = f
	}
	res.Findings = out
	return res
}
