package scaffold

import (
	"fmt"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

// Verdict is what Run's gate made of one contract.
type Verdict string

// Verdicts.
const (
	Accepted       Verdict = "accepted"
	RefusedInvalid Verdict = "invalid"   // YAML, input or ODCS schema errors
	RefusedStrict  Verdict = "strict"    // governance errors under Strict
	NoSchema       Verdict = "no-schema" // nothing to scaffold: skipped
)

// ContractResult is one contract's outcome in a Run.
type ContractResult struct {
	Name    string
	Verdict Verdict
	// Findings are the validator's, as the gate sorted them: blocking
	// ones, then warnings (governance errors given warning severity).
	Findings []contract.Finding
	// Rules are governance rule ids: those that refused the contract
	// (RefusedStrict), else those reported as warnings.
	Rules []string
}

// Refused lists the contracts the gate refused.
func (r Report) Refused() []ContractResult {
	var out []ContractResult
	for _, c := range r.Contracts {
		if c.Verdict == RefusedInvalid || c.Verdict == RefusedStrict {
			out = append(out, c)
		}
	}
	return out
}

// Findings lists every contract's findings, in contract order.
func (r Report) Findings() []contract.Finding {
	var out []contract.Finding
	for _, c := range r.Contracts {
		out = append(out, c.Findings...)
	}
	return out
}

// RulesOf merges, sorted and once each, the rules of the contracts with
// verdict v.
func (r Report) RulesOf(v Verdict) []string {
	var all []contract.Finding
	for _, c := range r.Contracts {
		if c.Verdict == v {
			for _, rule := range c.Rules {
				all = append(all, contract.Finding{Rule: rule})
			}
		}
	}
	return GovernanceRules(all, "")
}

// Paths lists the files with status s.
func (r Report) Paths(s Status) []string {
	var out []string
	for _, f := range r.Files {
		if f.Status == s {
			out = append(out, f.Path)
		}
	}
	return out
}

// merge adds one contract's files; shared files (generic tests, project
// file) must be identical, anything else generated twice is a clash.
func (st *runState) merge(name string, files map[string][]byte) error {
	for path, data := range files {
		if path == ProjectFile {
			// The project skeleton configures marts only when a mart is
			// generated: keep the one that does.
			if prev, ok := st.files[path]; !ok || len(data) > len(prev) {
				st.files[path] = data
			}
			continue
		}
		if prev, ok := st.files[path]; ok && string(prev) != string(data) {
			return wrapKind(ErrClash, fmt.Errorf("%s and %s both generate %s; %s", st.owners[path], name, path, clashHint(path)))
		}
		st.files[path] = data
		if _, ok := st.owners[path]; !ok {
			st.owners[path] = name
		}
	}
	return nil
}

// clashHint says how to tell two contracts' files apart.
func clashHint(name string) string {
	props := strings.HasSuffix(name, "__sources.yml") || strings.HasSuffix(name, "__models.yml")
	if props && strings.HasPrefix(name, "models/staging/") {
		return "contracts on one dbt source need different names (their property files are _<source>__<contract name>__*.yml)"
	}
	return "set the custom property dbtEntity on one schema object, or give one contract a different dbtSource (or --source)"
}
