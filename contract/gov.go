package contract

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dataeng-os/dataeng-os/internal/lazyre"
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
	ctx       []string        // enclosing schema object and property names
	ctxName   string          // the context whose tokens ctxTok holds (piiMatch)
	ctxTok    []string
	ctxTokOK  bool
	nameTok   []string // piiMatch's buffer for a name's tokens
}

func (g *gov) add(rule string, sev Severity, msg, hint string, tokens ...string) {
	g.out = append(g.out, g.doc.at(rule, sev, msg, hint, tokens...))
}

func (g *gov) run() []Finding {
	g.contractFields()
	g.objects()
	g.slaElements()
	return g.out
}

var semverRE = lazyre.New(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)

// contractFields checks the contract-level mandatory fields.
func (g *gov) contractFields() {
	p, c := g.rules.Policy.Contract, g.c
	g.contractID()
	if p.RequireOwner && !hasOwner(c.Team) {
		g.add(RuleOwner, SeverityWarning, "the contract has no owner: no team name and no team member with role owner",
			"add `team: {name: <team>, members: [{username: <user>, role: owner}]}`", "team")
	}
	if p.RequireDomain && strings.TrimSpace(c.Domain) == "" {
		g.add(RuleDomain, SeverityWarning, "the contract has no domain", "add `domain: <business domain>`", "domain")
	}
	if p.RequirePurpose && (c.Description == nil || strings.TrimSpace(c.Description.Purpose) == "") {
		g.add(RulePurpose, SeverityWarning, "the contract does not say its purpose",
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

// contractID checks that the id is not empty. A missing id is the
// schema's finding; without a schema (unknown apiVersion) it is reported
// here.
func (g *gov) contractID() {
	raw, present := g.doc.value["id"]
	s, isString := raw.(string)
	switch {
	case !present && !g.schemaRan:
		g.add(RuleIDEmpty, SeverityError, "the contract has no id", "add `id: <unique id>`, e.g. a UUID or `orders-v1`")
	case isString && strings.TrimSpace(s) == "":
		g.add(RuleIDEmpty, SeverityError, "the contract id is empty", "write a unique id, e.g. a UUID or `orders-v1`", "id")
	}
}

// ContractID is where a contract declares its id.
type ContractID struct {
	File         string
	ID           string
	Line, Column int
}

// ContractID returns the document's id and its location; ok is false for
// documents governance does not check (v2.2.x, no typed view) and for an
// empty id.
func (d *Document) ContractID() (id ContractID, ok bool) {
	if d == nil || d.Contract == nil || !d.governed() || strings.TrimSpace(d.Contract.ID) == "" {
		return ContractID{}, false
	}
	f := d.at(RuleIDDuplicate, SeverityError, "", "", "id")
	// A copy: the parsed value is a substring of the whole file, which a
	// caller keeping ids for a run of thousands of files would retain.
	id = ContractID{File: d.File, ID: strings.Clone(strings.TrimSpace(d.Contract.ID)), Line: f.Line, Column: f.Column}
	return id, true
}

// CheckIDs reports contracts of one run that share an id (gov-id-duplicate),
// each after the first one, in the order given. Nil documents and those
// without an id are skipped.
func CheckIDs(docs []*Document, rules Rules) []Finding {
	ids := make([]ContractID, 0, len(docs))
	for _, d := range docs {
		if id, ok := d.ContractID(); ok {
			ids = append(ids, id)
		}
	}
	return DuplicateIDs(ids, rules)
}

// DuplicateIDs is CheckIDs on ids collected beforehand (so that a caller
// need not keep every document in memory). Findings carry the policy's
// severity and are sorted; none with `--rules schema`.
func DuplicateIDs(ids []ContractID, rules Rules) []Finding {
	if rules.SchemaOnly {
		return nil
	}
	sev := rules.Policy.Severity(RuleIDDuplicate, SeverityError)
	if sev == SeverityOff {
		return nil
	}
	first := map[string]ContractID{}
	var fs []Finding
	for _, id := range ids {
		f, dup := first[id.ID]
		if !dup {
			first[id.ID] = id
			continue
		}
		fs = append(fs, Finding{File: id.File, Line: id.Line, Column: id.Column, Path: "id", Rule: RuleIDDuplicate, Severity: sev,
			Message: fmt.Sprintf("id %q is also the id of %s:%d", id.ID, f.File, f.Line),
			Hint:    "give each contract its own id (e.g. a new UUID)"})
	}
	SortFindings(fs)
	return fs
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
		g.ctx = append(g.ctx[:0], o.Name)
		g.name(o.Name, "schema object", base)
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
		g.quality(o.Quality, base, "quality")
		g.objectNullValues(o.Quality, append(base, "quality"))
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
	seen := make(map[string]int, len(ps))
	// One path for every property; what is called extends it only through
	// slices.Clip and keeps no reference to it.
	path := append(slices.Clip(base), "")
	for i, p := range ps {
		path[len(path)-1] = indexToken(i)
		if j, dup := seen[p.Name]; dup && p.Name != "" {
			g.add(RuleDuplicateProp, SeverityError, fmt.Sprintf("property %q is defined twice (first at %s[%d])", p.Name, pathString(base), j),
				"rename or remove one of them", append(path, "name")...)
		}
		seen[p.Name] = i
		g.property(p, path)
	}
}

func (g *gov) property(p Property, path []string) {
	g.name(p.Name, "property", path)
	g.typedNaming(p, path)
	if g.rules.Policy.Schema.RequireLogicalType && p.LogicalType == "" {
		g.add(RuleLogicalType, SeverityError, fmt.Sprintf("property %q has no logicalType", p.Name),
			"add `logicalType:` (string, integer, number, boolean, date, timestamp, time, object or array)", path...)
	}
	g.pii(p, path)
	if len(p.Relationships) > 0 { // paths are built only when there is something under them
		g.relationships(p.Relationships, append(slices.Clip(path), "relationships"), p.Name)
	}
	if len(p.Quality) > 0 {
		g.quality(p.Quality, path, "quality")
	}
	g.ctx = append(g.ctx, p.Name)
	if len(p.Properties) > 0 {
		g.properties(p.Properties, append(slices.Clip(path), "properties"))
	}
	if p.Items != nil {
		g.property(*p.Items, append(slices.Clip(path), "items"))
	}
	g.ctx = g.ctx[:len(g.ctx)-1]
}
