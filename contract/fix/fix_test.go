package fix

import (
	"slices"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

const head = "apiVersion: v3.1.0\nkind: DataContract\nid: x\nversion: 1.0.0\nstatus: active\n"

// applyCase is one fix on a small contract: the rules of the fixes, what
// the output must and must not contain.
type applyCase struct {
	name, in string
	rules    []string // fix rules, in line order
	want     []string // substrings of the output
	not      []string // substrings the output must not have
}

var applyCases = []applyCase{
	{name: "missing apiVersion and kind", in: "# top\nid: x\nversion: 1.0.0\nstatus: active\n",
		rules: []string{"odcs-api-version", "odcs-schema"}, want: []string{"# top\napiVersion: v3.1.0\nkind: DataContract\nid: x\n"}},
	{name: "apiVersion as a number", in: "apiVersion: 3.1\nkind: DataContract\nid: x\nversion: 1.0.0\nstatus: active\n",
		rules: []string{"odcs-api-version"}, want: []string{"apiVersion: v3.1.0\n"}},
	{name: "kind spelled", in: "apiVersion: v3.1.0\nkind: datacontract\nid: x\nversion: 1.0.0\nstatus: active\n",
		rules: []string{"odcs-schema"}, want: []string{"kind: DataContract\n"}},
	{name: "unknown apiVersion is not guessed", in: strings.Replace(head, "v3.1.0", "v9.9.9", 1)},
	{name: "v2 without apiVersion is not touched", in: "uuid: x\ndatasetName: y\n"},
	{name: "status wip", in: strings.Replace(head, "active", "wip", 1), rules: []string{"gov-status"}, want: []string{"status: draft\n"}},
	{name: "status in progress", in: strings.Replace(head, "active", "In Progress", 1), rules: []string{"gov-status"}, want: []string{"status: draft\n"}},
	{name: "status prod", in: strings.Replace(head, "active", "prod", 1), rules: []string{"gov-status"}, want: []string{"status: active\n"}},
	{name: "status ativo", in: strings.Replace(head, "active", "ativo", 1), rules: []string{"gov-status"}, want: []string{"status: active\n"}},
	{name: "status case", in: strings.Replace(head, "active", "Deprecated", 1), rules: []string{"gov-status"}, want: []string{"status: deprecated\n"}},
	{name: "status unknown", in: strings.Replace(head, "active", "pending", 1)},
	{name: "deprecated stays", in: strings.Replace(head, "active", "deprecated", 1)},
	{name: "snake_case rename keeps physicalName", in: head + "schema:\n  - name: Orders\n    properties:\n      - name: customerId # who\n        logicalType: string\n",
		rules: []string{"gov-naming-case", "gov-naming-case"},
		want:  []string{"  - name: orders\n    physicalName: Orders\n", "      - name: customer_id # who\n        physicalName: customerId\n"}},
	{name: "existing physicalName kept", in: head + "schema:\n  - name: t\n    properties:\n      - name: CustomerId\n        physicalName: CUST_ID\n        logicalType: string\n",
		rules: []string{"gov-naming-case"}, want: []string{"- name: customer_id\n        physicalName: CUST_ID\n"}, not: []string{"physicalName: CustomerId"}},
	{name: "timestamp suffix", in: head + "schema:\n  - name: t\n    properties:\n      - name: created_ts\n        logicalType: timestamp\n",
		rules: []string{"gov-naming-timestamp"}, want: []string{"- name: created_at\n        physicalName: created_ts\n"}},
	{name: "camelCase timestamp", in: head + "schema:\n  - name: t\n    properties:\n      - name: updatedTs\n        logicalType: timestamp\n",
		rules: []string{"gov-naming-case"}, want: []string{"- name: updated_at\n"}},
	{name: "boolean prefix", in: head + "schema:\n  - name: t\n    properties:\n      - name: active\n        logicalType: boolean\n",
		rules: []string{"gov-naming-boolean"}, want: []string{"- name: is_active\n        physicalName: active\n"}},
	{name: "loader names kept", in: head + "schema:\n  - name: t\n    properties:\n      - name: _dlt_load_id\n        logicalType: string\n"},
	{name: "rename collision skipped", in: head + "schema:\n  - name: t\n    properties:\n      - name: user_id\n        logicalType: string\n      - name: userId\n        logicalType: string\n"},
	{name: "references follow renames", in: head + "slaDefaultElement: t.createdTs\nschema:\n  - name: t\n    properties:\n      - name: userId\n        logicalType: string\n        relationships:\n          - to: users.id\n      - name: createdTs\n        logicalType: timestamp\n    relationships:\n      - from: [t.userId]\n        to: [users.id]\n",
		rules: []string{"gov-naming-case", "gov-naming-case", "gov-naming-case", "gov-naming-case"},
		want:  []string{"slaDefaultElement: t.created_at\n", "from: [t.user_id]"}},
	{name: "composite key positions", in: head + "schema:\n  - name: t\n    properties:\n      - name: a\n        logicalType: string\n        primaryKey: true\n      - name: b\n        logicalType: string\n        primaryKey: true\n",
		rules: []string{RulePrimaryKeyPosition, RulePrimaryKeyPosition}, want: []string{"primaryKey: true\n        primaryKeyPosition: 1\n      - name: b", "primaryKeyPosition: 2\n"}},
	{name: "single key needs no position", in: head + "schema:\n  - name: t\n    properties:\n      - name: a\n        logicalType: string\n        primaryKey: true\n"},
	{name: "order: key first, loader last", in: head + "schema:\n  - name: t\n    properties:\n      - name: _sdc_batched_at\n        logicalType: timestamp\n      - name: v\n        logicalType: string\n      - name: k\n        logicalType: string\n        primaryKey: true\n",
		rules: []string{RulePropertyOrder}, want: []string{"- name: k\n        logicalType: string\n        primaryKey: true\n      - name: v\n        logicalType: string\n      - name: _sdc_batched_at\n"}},
	{name: "order already right", in: head + "schema:\n  - name: t\n    properties:\n      - name: k\n        logicalType: string\n        primaryKey: true\n      - name: v\n        logicalType: string\n      - name: _airbyte_raw_id\n        logicalType: string\n"},
	{name: "v3.0 upgrade", in: "apiVersion: v3.0.2\nkind: DataContract\nid: x\nversion: 1.0.0\nstatus: active\nteam:\n  # the owner\n  - username: a\n    role: owner\n",
		rules: []string{RuleUpgradeV31, RuleUpgradeV31}, want: []string{"apiVersion: v3.1.0\n", "team:\n  members:\n", "# the owner\n", "- username: a\n"}},
	{name: "syntax error untouched", in: "apiVersion: [\n"},
	{name: "duplicate key untouched", in: strings.Replace(head, "status: active", "status: wip\nstatus: wip", 1)},
}

// TestApply runs applyCases.
func TestApply(t *testing.T) {
	t.Parallel()
	for _, tc := range applyCases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			out, fixes, err := Apply("c.yaml", []byte(tc.in), contract.DefaultRules())
			if err != nil {
				t.Fatal(err)
			}
			var rules []string
			for _, f := range fixes {
				rules = append(rules, f.Rule)
			}
			if !slices.Equal(rules, tc.rules) {
				t.Errorf("fixes %v, want rules %q", fixes, tc.rules)
			}
			if len(tc.rules) == 0 && string(out) != tc.in {
				t.Errorf("no fix, yet the output changed:\n%s", out)
			}
			for _, w := range tc.want {
				if !strings.Contains(string(out), w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tc.not {
				if strings.Contains(string(out), w) {
					t.Errorf("output has %q:\n%s", w, out)
				}
			}
		})
	}
}

// TestApplyRespectsPolicy: a rule switched off, --rules schema and an
// empty status set make no fixes.
func TestApplyRespectsPolicy(t *testing.T) {
	t.Parallel()
	in := strings.Replace(head, "active", "wip", 1) + "schema:\n  - name: t\n    properties:\n      - name: active\n        logicalType: boolean\n"
	off := contract.DefaultRules()
	off.Policy.Rules = map[string]contract.Severity{"gov-naming-boolean": "off", "gov-status": "off"}
	schemaOnly := contract.DefaultRules()
	schemaOnly.SchemaOnly = true
	for name, rules := range map[string]contract.Rules{"off": off, "schema only": schemaOnly} {
		if out, fixes, _ := Apply("c.yaml", []byte(in), rules); len(fixes) > 0 || string(out) != in {
			t.Errorf("%s: fixes %v", name, fixes)
		}
	}
}

// TestApplyKeepsFormat: a fix changes its lines only; comments, blank
// lines, quoting, 4-space indentation and flush sequences stay.
func TestApplyKeepsFormat(t *testing.T) {
	t.Parallel()
	for name, in := range map[string]string{
		"flush sequences": "# c1\napiVersion: 'v3.1.0'\nkind: DataContract\nid: x\nversion: \"1.0.0\"\nstatus: wip\n\n# schema\nschema:\n- name: t # table\n  description: |\n    two\n    lines\n  properties:\n  - name: a\n    logicalType: string\n    tags: [x, y]\n\nslaProperties:\n- property: latency\n  value: 4\n",
		"four spaces":     "apiVersion: v3.1.0\nkind: DataContract\nid: x\nversion: 1.0.0\nstatus: wip\nschema:\n    - name: t\n      properties:\n        - name: a\n          logicalType: string\n",
	} {
		out, fixes, err := Apply("c.yaml", []byte(in), contract.DefaultRules())
		want := strings.Replace(in, "status: wip", "status: draft", 1)
		if err != nil || len(fixes) != 1 || string(out) != want {
			t.Errorf("%s: %v %v\n got:\n%s\nwant:\n%s", name, err, fixes, out, want)
		}
	}
}
