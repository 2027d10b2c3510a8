package diff

import (
	"testing"
)

const twoObjects = `
schema:
  - name: orders
    properties:
      - name: id
  - name: refunds
    properties:
      - name: id
`

const oneObject = `
schema:
  - name: orders
    properties:
      - name: id
`

func servers(host string) string {
	return "servers:\n  - server: prod\n    type: postgres\n    host: " + host + "\n"
}

func sla(property, value, unit string) string {
	return "slaProperties:\n  - property: " + property + "\n    value: " + value + "\n    unit: " + unit + "\n"
}

func rowCount(min string) string {
	return "schema:\n  - name: orders\n    quality:\n      - name: rows\n        metric: rowCount\n        mustBeGreaterThan: " + min + "\n"
}

var contractCases = []ruleCase{
	{name: "contract id changed", old: side{body: oneObject}, new: side{id: "orders_v2", body: oneObject},
		want: []string{RuleContractIDChanged}, level: LevelBreaking},
	{name: "object removed", old: side{body: twoObjects}, new: side{body: oneObject},
		want: []string{RuleObjectRemoved}, level: LevelBreaking},
	{name: "object added", old: side{body: oneObject}, new: side{body: twoObjects},
		want: []string{RuleObjectAdded}, level: LevelInfo},
	{name: "object renamed via physicalName", old: side{body: "schema:\n  - name: orders\n    physicalName: t_orders\n"},
		new:  side{body: "schema:\n  - name: sales_orders\n    physicalName: t_orders\n"},
		want: []string{RuleObjectRenamed}, level: LevelBreaking},
	{name: "object renamed without physicalName", old: side{body: "schema:\n  - name: orders\n"},
		new:  side{body: "schema:\n  - name: sales_orders\n    physicalName: orders\n"},
		want: []string{RuleObjectRenamed}, level: LevelBreaking},
	{name: "object description removed", old: side{body: "schema:\n  - name: orders\n    description: One row per order.\n"},
		new: side{body: "schema:\n  - name: orders\n"}, want: []string{RuleDescriptionRemoved}, level: LevelWarning},
	{name: "purpose removed", old: side{body: "description:\n  purpose: Revenue.\n"}, new: side{body: "description:\n  usage: x\n"},
		want: []string{RuleDescriptionRemoved}, level: LevelWarning},
	{name: "server removed", old: side{body: servers("db1")}, new: side{},
		want: []string{RuleServerRemoved}, level: LevelBreaking},
	{name: "server changed", old: side{body: servers("db1")}, new: side{body: servers("db2")},
		want: []string{RuleServerChanged}, level: LevelBreaking},
	{name: "server added", old: side{}, new: side{body: servers("db1")},
		want: []string{RuleServerAdded}, level: LevelInfo},
	{name: "SLA freshness tightened", old: side{body: sla("freshness", "24", "h")}, new: side{body: sla("freshness", "1", "h")},
		want: []string{RuleSLATightened}, level: LevelBreaking},
	{name: "SLA latency tightened across units", old: side{body: sla("latency", "1", "d")}, new: side{body: sla("latency", "12", "h")},
		want: []string{RuleSLATightened}, level: LevelBreaking},
	{name: "SLA relaxed", old: side{body: sla("latency", "1", "h")}, new: side{body: sla("latency", "2", "h")},
		want: []string{RuleConstraintRelaxed}, level: LevelInfo},
	{name: "quality added", old: side{body: "schema:\n  - name: orders\n"}, new: side{body: rowCount("0")},
		want: []string{RuleQualityAdded}, level: LevelWarning},
	{name: "quality tightened", old: side{body: rowCount("0")}, new: side{body: rowCount("10")},
		want: []string{RuleQualityTightened}, level: LevelWarning},
	{name: "quality relaxed", old: side{body: rowCount("10")}, new: side{body: rowCount("0")},
		want: []string{RuleConstraintRelaxed}, level: LevelInfo},
	{name: "contract deprecated", old: side{}, new: side{status: "deprecated"},
		want: []string{RuleDeprecated}, level: LevelWarning},
}

func TestContractRules(t *testing.T) {
	t.Parallel()
	runCases(t, contractCases)
}

const withNote = pk + "- name: note\n  logicalType: string"

var gateCases = []ruleCase{
	{name: "status active to draft", old: side{version: "1.0.0"}, new: side{version: "1.0.0", status: "draft"},
		want: []string{RuleStatusBackward}, level: LevelError},
	{name: "breaking without major bump", old: side{version: "1.2.0", body: props(withNote)},
		new:  side{version: "1.3.0", body: props(pk)},
		want: []string{RulePropertyRemoved, RuleSemverMajor}, level: LevelBreaking},
	{name: "breaking with major bump", old: side{version: "1.2.0", body: props(withNote)},
		new:  side{version: "2.0.0", body: props(pk)},
		want: []string{RulePropertyRemoved}, level: LevelBreaking},
	{name: "breaking in 0.x with minor bump", old: side{version: "0.2.0", body: props(withNote)},
		new:  side{version: "0.3.0", body: props(pk)},
		want: []string{RulePropertyRemoved}, level: LevelBreaking},
	{name: "additive without minor bump", old: side{version: "1.2.0", body: props(pk)},
		new:  side{version: "1.2.1", body: props(withNote)},
		want: []string{RulePropertyAdded, RuleSemverMinor}, level: LevelInfo},
	{name: "additive with minor bump", old: side{version: "1.2.0", body: props(pk)},
		new:  side{version: "1.3.0", body: props(withNote)},
		want: []string{RulePropertyAdded}, level: LevelInfo},
	{name: "version decreased", old: side{version: "2.0.0"}, new: side{version: "1.9.0"},
		want: []string{RuleVersionBackward}, level: LevelError},
	{name: "version not semver", old: side{version: "one", body: props(pk)}, new: side{version: "two", body: props(withNote)},
		want: []string{RulePropertyAdded, RuleVersionInvalid}, level: LevelInfo},
	{name: "patch bump with no change", old: side{version: "1.0.0"}, new: side{version: "1.0.1"}},
}

func TestSemverGate(t *testing.T) {
	t.Parallel()
	runCases(t, gateCases)
	got := compareSides(t, gateCases[1].old, gateCases[1].new, Policy{})
	if g := got[len(got)-1]; g.Level != LevelError || g.Old != "1.2.0" || g.New != "1.3.0" {
		t.Errorf("gate change = %+v, want an error from 1.2.0 to 1.3.0", g)
	}
}
