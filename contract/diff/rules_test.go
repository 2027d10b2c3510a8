package diff

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

// ruleCase is one old/new pair and the rule ids Compare must report, in
// order, with the level of the first.
type ruleCase struct {
	name     string
	old, new side
	want     []string
	level    Level
}

const pk = "- name: id\n  logicalType: integer\n  primaryKey: true\n"

var propertyCases = []ruleCase{
	{name: "property removed", old: side{body: props(pk + "- name: note\n  logicalType: string")},
		new: side{body: props(pk)}, want: []string{RulePropertyRemoved}, level: LevelBreaking},
	{name: "property renamed via physicalName", old: side{body: props(pk + "- name: cust_id\n  logicalType: integer")},
		new:  side{body: props(pk + "- name: customer_id\n  physicalName: cust_id\n  logicalType: integer")},
		want: []string{RulePropertyRenamed}, level: LevelBreaking},
	{name: "physicalName changed", old: side{body: props(pk + "- name: a\n  physicalName: a_col")},
		new: side{body: props(pk + "- name: a\n  physicalName: b_col")}, want: []string{RulePhysicalNameChanged}, level: LevelBreaking},
	{name: "logicalType incompatible", old: side{body: props(pk + "- name: a\n  logicalType: string")},
		new: side{body: props(pk + "- name: a\n  logicalType: integer")}, want: []string{RuleLogicalTypeChanged}, level: LevelBreaking},
	{name: "logicalType widened", old: side{body: props(pk + "- name: a\n  logicalType: integer")},
		new: side{body: props(pk + "- name: a\n  logicalType: number")}, want: []string{RuleConstraintRelaxed}, level: LevelInfo},
	{name: "physicalType changed", old: side{body: props(pk + "- name: a\n  physicalType: varchar(10)")},
		new: side{body: props(pk + "- name: a\n  physicalType: date")}, want: []string{RulePhysicalTypeChanged}, level: LevelBreaking},
	{name: "physicalType narrowed", old: side{body: props(pk + "- name: a\n  physicalType: varchar(50)")},
		new: side{body: props(pk + "- name: a\n  physicalType: varchar(20)")}, want: []string{RulePhysicalTypeNarrow}, level: LevelBreaking},
	{name: "precision narrowed", old: side{body: props(pk + "- name: a\n  physicalType: decimal(12,2)")},
		new: side{body: props(pk + "- name: a\n  physicalType: decimal(10,2)")}, want: []string{RulePhysicalTypeNarrow}, level: LevelBreaking},
	{name: "optional to required", old: side{body: props(pk + "- name: a\n  logicalType: string")},
		new: side{body: props(pk + "- name: a\n  logicalType: string\n  required: true")}, want: []string{RuleRequiredAdded}, level: LevelBreaking},
	{name: "unique added", old: side{body: props(pk + "- name: a\n  logicalType: string")},
		new: side{body: props(pk + "- name: a\n  logicalType: string\n  unique: true")}, want: []string{RuleUniqueAdded}, level: LevelBreaking},
	{name: "primary key dropped", old: side{body: props(pk)},
		new: side{body: props("- name: id\n  logicalType: integer")}, want: []string{RulePrimaryKeyChanged}, level: LevelBreaking},
	{name: "validValues narrowed", old: side{body: props(pk + "- name: s\n  logicalType: string\n  logicalTypeOptions:\n    enum: [a, b, c]")},
		new:  side{body: props(pk + "- name: s\n  logicalType: string\n  logicalTypeOptions:\n    enum: [a, b]")},
		want: []string{RuleValidValuesNarrowed}, level: LevelBreaking},
	{name: "quality validValues narrowed", old: side{body: props(pk + "- name: s\n  quality:\n    - metric: invalidValues\n      arguments:\n        validValues: [x, y]\n      mustBe: 0")},
		new:  side{body: props(pk + "- name: s\n  quality:\n    - metric: invalidValues\n      arguments:\n        validValues: [x]\n      mustBe: 0")},
		want: []string{RuleValidValuesNarrowed}, level: LevelBreaking},
	{name: "range tightened", old: side{body: props(pk + "- name: n\n  logicalType: integer\n  logicalTypeOptions:\n    minimum: 0\n    maximum: 100")},
		new:  side{body: props(pk + "- name: n\n  logicalType: integer\n  logicalTypeOptions:\n    minimum: 1\n    maximum: 50")},
		want: []string{RuleRangeTightened, RuleRangeTightened}, level: LevelBreaking},
	{name: "maxLength reduced", old: side{body: props(pk + "- name: s\n  logicalType: string\n  logicalTypeOptions:\n    maxLength: 20")},
		new:  side{body: props(pk + "- name: s\n  logicalType: string\n  logicalTypeOptions:\n    maxLength: 10")},
		want: []string{RuleMaxLengthReduced}, level: LevelBreaking},
	{name: "maxLength raised", old: side{body: props(pk + "- name: s\n  logicalTypeOptions:\n    maxLength: 10")},
		new: side{body: props(pk + "- name: s\n  logicalTypeOptions:\n    maxLength: 20")}, want: []string{RuleConstraintRelaxed}, level: LevelInfo},
	{name: "classification stricter", old: side{body: props(pk + "- name: email\n  classification: internal")},
		new: side{body: props(pk + "- name: email\n  classification: restricted")}, want: []string{RuleClassification}, level: LevelBreaking},
	{name: "masking added", old: side{body: props(pk + "- name: email\n  logicalType: string")},
		new:  side{body: props(pk + "- name: email\n  logicalType: string\n  customProperties:\n    - property: masking\n      value: hash")},
		want: []string{RuleMaskingAdded}, level: LevelBreaking},
	{name: "relationship target changed", old: side{body: props(pk + "- name: c\n  relationships:\n    - to: customers.id\n      type: foreignKey")},
		new:  side{body: props(pk + "- name: c\n  relationships:\n    - to: accounts.id\n      type: foreignKey")},
		want: []string{RuleRelationshipChanged}, level: LevelBreaking},
	{name: "relationship added", old: side{body: props(pk + "- name: c")},
		new:  side{body: props(pk + "- name: c\n  relationships:\n    - to: customers.id\n      type: foreignKey")},
		want: []string{RuleRelationshipAdded}, level: LevelInfo},
	{name: "property added", old: side{body: props(pk)}, new: side{body: props(pk + "- name: extra")},
		want: []string{RulePropertyAdded}, level: LevelInfo},
	{name: "nested property removed", old: side{body: props(pk + "- name: addr\n  logicalType: object\n  properties:\n    - name: city\n    - name: zip")},
		new:  side{body: props(pk + "- name: addr\n  logicalType: object\n  properties:\n    - name: city")},
		want: []string{RulePropertyRemoved}, level: LevelBreaking},
	{name: "property description removed", old: side{body: props(pk + "- name: a\n  description: The a.")},
		new: side{body: props(pk + "- name: a")}, want: []string{RuleDescriptionRemoved}, level: LevelWarning},
	{name: "property deprecated", old: side{body: props(pk + "- name: a")},
		new: side{body: props(pk + "- name: a\n  tags: [deprecated]")}, want: []string{RuleDeprecated}, level: LevelWarning},
	{name: "pattern added", old: side{body: props(pk + "- name: a\n  logicalType: string")},
		new:  side{body: props(pk + "- name: a\n  logicalType: string\n  logicalTypeOptions:\n    pattern: '^[A-Z]+$'")},
		want: []string{RuleValidValuesNarrowed}, level: LevelBreaking},
}

func TestPropertyRules(t *testing.T) {
	t.Parallel()
	runCases(t, propertyCases)
}

func runCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := compareSides(t, tc.old, tc.new, Policy{})
			if !slices.Equal(ids(got), tc.want) {
				t.Fatalf("rules = %v, want %v\n%+v", ids(got), tc.want, got)
			}
			if len(got) == 0 {
				return
			}
			c := got[0]
			if c.Level != tc.level {
				t.Errorf("level = %s, want %s", c.Level, tc.level)
			}
			if c.Message == "" || c.Line < 1 || c.NewLine < 1 || c.File == "" {
				t.Errorf("change lacks a message or position: %+v", c)
			}
			if DefaultLevel(c.RuleID) == "" {
				t.Errorf("rule %s has no default level", c.RuleID)
			}
		})
	}
}

// side is one version of a test contract: the header fields (defaults
// filled by yamlOf) and the body below them.
type side struct {
	id, version, status string
	body                string
}

// yamlOf renders a side as an ODCS contract.
func yamlOf(s side, defVersion string) string {
	if s.id == "" {
		s.id = "orders"
	}
	if s.version == "" {
		s.version = defVersion
	}
	if s.status == "" {
		s.status = "active"
	}
	return fmt.Sprintf("apiVersion: v3.1.0\nkind: DataContract\nid: %s\nversion: %s\nstatus: %s\n%s",
		s.id, s.version, s.status, strings.TrimLeft(s.body, "\n"))
}

// parse parses a test contract and fails on any error finding.
func parse(t testing.TB, file, src string) *contract.Document {
	t.Helper()
	doc, fs := contract.Parse(file, []byte(src))
	if doc == nil || contract.HasErrors(fs) {
		t.Fatalf("parse %s: %v\n%s", file, fs, src)
	}
	return doc
}

// props builds a one-object schema from property lines written at
// column 0 ("- name: id\n  logicalType: integer").
func props(lines string) string {
	return "schema:\n  - name: orders\n    physicalName: orders_tbl\n    properties:\n" + indent(lines, 6)
}

func indent(s string, n int) string {
	pad := strings.Repeat(" ", n)
	var b strings.Builder
	for _, l := range strings.Split(strings.Trim(s, "\n"), "\n") {
		if l != "" {
			b.WriteString(pad)
		}
		b.WriteString(l + "\n")
	}
	return b.String()
}

// ids lists the rule ids of changes, in order.
func ids(cs []Change) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.RuleID
	}
	return out
}

// compareSides parses and compares two sides (old defaults to 1.0.0, new
// to 2.0.0 so that the semver gate stays quiet unless a test asks).
func compareSides(t testing.TB, o, n side, pol Policy) []Change {
	t.Helper()
	od := parse(t, "old.odcs.yaml", yamlOf(o, "1.0.0"))
	nd := parse(t, "new.odcs.yaml", yamlOf(n, "2.0.0"))
	return Compare(od, nd, pol)
}
