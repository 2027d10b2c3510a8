package prompts

import (
	"fmt"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

// Governance renders a compact bullet summary of the project's rules: the
// naming conventions, the PII policy and the mandatory fields.
func Governance(r contract.Rules) string {
	var b strings.Builder
	n, p := r.Naming, r.Policy
	line := func(format string, args ...any) { fmt.Fprintf(&b, "- "+format+"\n", args...) }
	line("Names of tables and columns: %s.", or(n.Case, "snake_case"))
	if s := n.Properties.TimestampSuffix; s != "" {
		line("Timestamp columns end in %q; boolean columns start with %s.", s, orList(n.Properties.BooleanPrefixes, "is_"))
	}
	if len(n.ReservedWords) > 0 {
		line("Never use an SQL reserved word as a name (%s…).", strings.Join(first(n.ReservedWords, 12), ", "))
	}
	line("dbt layers: staging %s, intermediate %s, marts %q facts and %q dimensions.",
		or(n.Layers.Staging.Pattern, "stg_{source}__{entity}"), or(n.Layers.Intermediate.Pattern, "int_{entity}_{verb}"),
		n.Layers.Marts.FactPrefix, n.Layers.Marts.DimensionPrefix)
	c := p.Contract
	var must []string
	if c.RequireOwner {
		must = append(must, "team.name with a member whose role is owner")
	}
	if c.RequireDomain {
		must = append(must, "domain")
	}
	if c.RequirePurpose {
		must = append(must, "description.purpose")
	}
	if len(c.Statuses) > 0 {
		must = append(must, "status in ["+strings.Join(c.Statuses, ", ")+"]")
	}
	if c.SemverVersion {
		must = append(must, "semver version (e.g. 0.1.0)")
	}
	if len(must) > 0 {
		line("Contract must have: %s.", strings.Join(must, "; "))
	}
	s := p.Schema
	if s.RequirePrimaryKey {
		line("Every table has a primary key (primaryKey: true on its key column[s]).")
	}
	if s.RequireLogicalType {
		line("Every property has a logicalType.")
	}
	if s.RequireObjectDescription {
		line("Every table has a description.")
	}
	pii := p.PII
	if len(pii.NamePatterns) > 0 {
		line("A column is PII when its name contains %s, or it has tag %q, or classification in [%s].",
			strings.Join(first(pii.NamePatterns, 16), ", "), or(pii.Tag, "pii"), strings.Join(pii.Classifications, ", "))
	}
	var carry []string
	if len(pii.AllowedClassifications) > 0 {
		carry = append(carry, "classification in ["+strings.Join(pii.AllowedClassifications, ", ")+"]")
	}
	if pii.RequireDescription {
		carry = append(carry, "description")
	}
	if pii.RequireCriticalDataElement {
		carry = append(carry, "criticalDataElement: true")
	}
	if pii.MaskingProperty != "" {
		carry = append(carry, fmt.Sprintf("customProperties entry %q with value in [%s]", pii.MaskingProperty, strings.Join(pii.MaskingValues, ", ")))
	}
	if len(carry) > 0 {
		line("A PII column must carry: %s.", strings.Join(carry, "; "))
	}
	if !pii.AllowInMarts {
		line("PII must not reach marts unmasked.")
	}
	return b.String()
}

func first(l []string, n int) []string {
	if len(l) > n {
		return l[:n]
	}
	return l
}
