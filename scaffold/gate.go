package scaffold

import (
	"sort"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

// Governance reports whether a finding's rule is a governance opinion
// (gov-*): something dbt can build regardless. YAML, input and ODCS JSON
// Schema findings are not governance.
func Governance(rule string) bool { return strings.HasPrefix(rule, "gov-") }

// Gate sorts a contract's validator findings for scaffolding. Blocking
// findings refuse the contract: errors that are not governance (the YAML or
// the ODCS schema is broken, so there is nothing reliable to build from),
// and with strict also governance errors. Every other finding is a
// warning: printed, but the models are written. Governance errors among
// the warnings keep their rule id and are given warning severity.
func Gate(findings []contract.Finding, strict bool) (blocking, warnings []contract.Finding) {
	for _, f := range findings {
		switch {
		case f.Severity != contract.SeverityError:
			warnings = append(warnings, f)
		case !Governance(f.Rule) || strict:
			blocking = append(blocking, f)
		default:
			f.Severity = contract.SeverityWarning
			warnings = append(warnings, f)
		}
	}
	return blocking, warnings
}

// OnlyGovernance reports whether every finding is a governance one (a
// refusal that --strict off, or switching the rules off, would lift).
func OnlyGovernance(findings []contract.Finding) bool {
	for _, f := range findings {
		if !Governance(f.Rule) {
			return false
		}
	}
	return len(findings) > 0
}

// GovernanceRules lists, sorted and once each, the governance rule ids of
// findings of the given severity ("" for any).
func GovernanceRules(findings []contract.Finding, sev contract.Severity) []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range findings {
		if Governance(f.Rule) && (sev == "" || f.Severity == sev) && !seen[f.Rule] {
			seen[f.Rule] = true
			out = append(out, f.Rule)
		}
	}
	sort.Strings(out)
	return out
}

// RuleOffHint says how to switch governance rules off for a project.
func RuleOffHint(rules []string) string {
	if len(rules) == 0 {
		return ""
	}
	parts := make([]string, len(rules))
	for i, r := range rules {
		parts[i] = `"` + r + `": "off"`
	}
	return `switch a rule off in specs/governance/policy.json: "rules": {` + strings.Join(parts, ", ") + `}`
}
