package contract

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// gov runs the governance layer on a document's typed view. Every finding
// is located through the YAML node tree by its path tokens.
type gov struct {
	doc       *Document
	c         *Contract
	rules     Rules
	schemaRan bool
	out       []Finding
	piiNames  *piiMatcher     // compiled name patterns
	reserved  map[string]bool // lower-cased reserved words
}

func (g *gov) add(rule string, sev Severity, msg, hint string, tokens ...string) {
	g.out = append(g.out, g.doc.at(rule, sev, msg, hint, tokens...))
}

func (g *gov) run() []Finding {
	g.contractFields()
	g.objects()
	return g.out
}

var semverRE = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)

// contractFields checks the contract-level mandatory fields.
func (g *gov) contractFields() {
	p, c := g.rules.Policy.Contract, g.c
	if p.RequireOwner && !hasOwner(c.Team) {
		g.add(RuleOwner, SeverityError, "the contract has no owner: no team name and no team member with role owner",
			"add `team: {name: <team>, members: [{username: <user>, role: owner}]}`", "team")
	}
	if p.RequireDomain && strings.TrimSpace(c.Domain) == "" {
		g.add(RuleDomain, SeverityError, "the contract has no domain", "add `domain: <business domain>`", "domain")
	}
	if p.RequirePurpose && (c.Description == nil || strings.TrimSpace(c.Description.Purpose) == "") {
		g.add(RulePurpose, SeverityError, "the contract does not say its purpose",
			"add `description: {purpose: <why this data exists>}`", "description", "purpose")
	}
	if len(p.Statuses) > 0 && c.Status != "" && !slices.Contains(p.Statuses, c.Status) {
		g.add(RuleStatus, SeverityError, fmt.Sprintf("status %q is not one of %s", c.Status, strings.Join(p.Statuses, ", ")),
			"use one of the statuses in specs/governance/policy.json", "status")
	}
	if _, isString := g.doc.value["version"].(string); p.SemverVersion && isString && !semverRE.MatchString(c.Version) {
		g.add(RuleVersion, SeverityError, fmt.Sprintf("version %q is not a semantic version (MAJOR.MINOR.PATCH)", c.Version),
			"write e.g. `version: 1.0.0`", "version")
	}
}

func hasOwner(t *Team) bool {
	if t == nil {
		return false
	}
	return strings.TrimSpace(t.Name) != "" || len(t.Owners()) > 0
}

func isOwnerRole(role string) bool {
	return slices.Contains(tokens(role), "owner")
}

// objects checks every schema object and its properties.
func (g *gov) objects() {
	sp := g.rules.Policy.Schema
	seen := map[string]int{}
	for i, o := range g.c.Schema {
		base := []string{"schema", strconv.Itoa(i)}
		if j, dup := seen[o.Name]; dup && o.Name != "" {
			g.add(RuleDuplicateObject, SeverityError, fmt.Sprintf("schema object %q is defined twice (first at schema[%d])", o.Name, j),
				"rename or merge the two objects", append(base, "name")...)
		}
		seen[o.Name] = i
		g.name(o.Name, "schema object", append(base, "name"))
		if sp.RequireObjectDescription && strings.TrimSpace(o.Description) == "" {
			g.add(RuleObjectDesc, SeverityWarning, fmt.Sprintf("schema object %q has no description", o.Name),
				"add `description:` saying what one row means", base...)
		}
		if sp.RequirePrimaryKey && isTable(o) && !hasPrimaryKey(o.Properties) {
			g.add(RulePrimaryKey, SeverityError, fmt.Sprintf("table %q has no primary key", o.Name),
				"mark the key column(s) with `primaryKey: true` (and primaryKeyPosition for composite keys)", base...)
		}
		g.properties(o.Properties, append(base, "properties"))
		g.relationships(o.Relationships, append(base, "relationships"), "")
		g.quality(o.Quality, append(base, "quality"))
	}
}

// isTable reports whether an object is a table (physicalType table, or not
// given): views, topics and files need no primary key.
func isTable(o SchemaObject) bool {
	t := strings.ToLower(o.PhysicalType)
	return t == "" || t == "table"
}

func hasPrimaryKey(ps []Property) bool {
	for _, p := range ps {
		if p.PrimaryKey {
			return true
		}
	}
	return false
}

// properties checks one level of properties and recurses into nested
// objects and array items.
func (g *gov) properties(ps []Property, base []string) {
	seen := map[string]int{}
	for i, p := range ps {
		path := append(slices.Clip(base), strconv.Itoa(i))
		if j, dup := seen[p.Name]; dup && p.Name != "" {
			g.add(RuleDuplicateProp, SeverityError, fmt.Sprintf("property %q is defined twice (first at %s[%d])", p.Name, pathString(base), j),
				"rename or remove one of them", append(path, "name")...)
		}
		seen[p.Name] = i
		g.property(p, path)
	}
}

func (g *gov) property(p Property, path []string) {
	g.name(p.Name, "property", append(slices.Clip(path), "name"))
	g.typedNaming(p, path)
	if g.rules.Policy.Schema.RequireLogicalType && p.LogicalType == "" {
		g.add(RuleLogicalType, SeverityError, fmt.Sprintf("property %q has no logicalType", p.Name),
			"add `logicalType:` (string, integer, number, boolean, date, timestamp, time, object or array)", path...)
	}
	g.pii(p, path)
	g.relationships(p.Relationships, append(slices.Clip(path), "relationships"), p.Name)
	g.quality(p.Quality, append(slices.Clip(path), "quality"))
	if len(p.Properties) > 0 {
		g.properties(p.Properties, append(slices.Clip(path), "properties"))
	}
	if p.Items != nil {
		g.property(*p.Items, append(slices.Clip(path), "items"))
	}
}
