package contract

import (
	"strings"
	"testing"
)

// goodContract passes every default rule; each case below breaks one.
const goodContract = `apiVersion: v3.1.0
kind: DataContract
id: orders-v1
name: orders
version: 1.0.0
status: active
domain: sales
description:
  purpose: Orders placed in the web shop, for revenue reporting.
team:
  name: sales-data
  members:
    - username: ana
      role: owner
schema:
  - name: orders
    physicalType: table
    description: One row per order.
    properties:
      - name: order_id
        logicalType: integer
        primaryKey: true
      - name: customer_id
        logicalType: integer
        relationships:
          - to: customers.customer_id
      - name: customer_email
        logicalType: string
        classification: pii
        description: E-mail the customer gave at checkout.
        criticalDataElement: true
        customProperties:
          - property: masking
            value: hash
      - name: created_at
        logicalType: timestamp
      - name: is_gift
        logicalType: boolean
    quality:
      - metric: rowCount
        mustBeBetween: [1, 100]
  - name: customers
    physicalType: table
    description: One row per customer.
    properties:
      - name: customer_id
        logicalType: integer
        primaryKey: true
`

func TestGoodContractIsClean(t *testing.T) {
	t.Parallel()
	_, fs := Check("good.odcs.yaml", []byte(goodContract), DefaultRules())
	for _, f := range fs {
		t.Errorf("unexpected finding: %s", f)
	}
}

// TestGovernanceRules: for each rule, a contract that breaks it gets the
// finding at the expected line and path, and policy "off" silences it.
func TestGovernanceRules(t *testing.T) {
	t.Parallel()
	cases := []struct {
		rule, old, new string
		line           int
		path           string
	}{
		{RuleOwner, "  name: sales-data\n  members:\n    - username: ana\n      role: owner\n", "  members:\n    - username: ana\n      role: analyst\n", 10, "team"},
		{RuleDomain, "domain: sales\n", "", 1, "domain"},
		{RulePurpose, "  purpose: Orders placed in the web shop, for revenue reporting.\n", "  usage: x\n", 8, "description.purpose"},
		{RuleStatus, "status: active", "status: live", 6, "status"},
		{RuleVersion, "version: 1.0.0", "version: v1", 5, "version"},
		{RuleNamingCase, "  - name: orders\n", "  - name: Orders\n", 16, "schema[0].name"},
		{RuleNamingCase, "name: is_gift", "name: isGift", 37, "schema[0].properties[4].name"},
		{RuleNamingReserved, "name: is_gift", "name: select", 37, "schema[0].properties[4].name"},
		{RuleNamingTimestamp, "name: created_at", "name: created", 35, "schema[0].properties[3].name"},
		{RuleNamingBoolean, "name: is_gift", "name: gift", 37, "schema[0].properties[4].name"},
		{RulePrimaryKey, "        primaryKey: true\n      - name: customer_id\n        logicalType: integer\n        relationships", "      - name: customer_id\n        logicalType: integer\n        relationships", 16, "schema[0]"},
		{RuleLogicalType, "      - name: created_at\n        logicalType: timestamp\n", "      - name: created_at\n", 35, "schema[0].properties[3]"},
		{RuleObjectDesc, "    description: One row per order.\n", "", 16, "schema[0]"},
		{RuleDuplicateProp, "name: is_gift", "name: order_id", 37, "schema[0].properties[4].name"},
		{RuleDuplicateObject, "  - name: customers\n", "  - name: orders\n", 42, "schema[1].name"},
		{RulePIIUnclassified, "        classification: pii\n", "", 27, "schema[0].properties[2]"},
		{RuleClassification, "classification: pii", "classification: secret", 29, "schema[0].properties[2].classification"},
		{RulePIIDescription, "        description: E-mail the customer gave at checkout.\n", "", 27, "schema[0].properties[2]"},
		{RulePIICritical, "        criticalDataElement: true\n", "", 27, "schema[0].properties[2]"},
		{RulePIIMasking, "value: hash", "value: rot13", 34, "schema[0].properties[2].customProperties[0].value"},
		{RuleRelationship, "to: customers.customer_id", "to: customers.id", 26, "schema[0].properties[1].relationships[0].to"},
		{RuleQualityBetween, "[1, 100]", "[100, 1]", 41, "schema[0].quality[0].mustBeBetween"},
		{RuleQualityDimension, "      - metric: rowCount\n", "      - metric: nullValues\n        dimension: accuracy\n", 41, "schema[0].quality[0].dimension"},
		{RuleQualityNullObj, "      - metric: rowCount\n        mustBeBetween: [1, 100]\n", "      - metric: nullValues\n        mustBe: 0\n", 40, "schema[0].quality[0].metric"},
		{RuleSLAElement, "schema:\n", "slaProperties:\n  - property: latency\n    value: 1\n    element: orders.created\nschema:\n", 18, "slaProperties[0].element"},
		{RuleIDEmpty, "id: orders-v1", `id: ""`, 3, "id"},
	}
	for _, tc := range cases {
		t.Run(tc.rule+"/"+tc.new, func(t *testing.T) {
			t.Parallel()
			if !strings.Contains(goodContract, tc.old) {
				t.Fatalf("test case does not apply: %q not in the good contract", tc.old)
			}
			bad := []byte(strings.Replace(goodContract, tc.old, tc.new, 1))
			on := DefaultRules()
			if tc.rule == RulePIICritical { // off by default
				on.Policy.Rules = map[string]Severity{RulePIICritical: SeverityWarning}
			}
			_, fs := Check("bad.odcs.yaml", bad, on)
			var hit *Finding
			for i := range fs {
				if fs[i].Rule == tc.rule {
					hit = &fs[i]
				}
			}
			if hit == nil {
				t.Fatalf("no %s finding; got %v", tc.rule, fs)
			}
			if hit.Line != tc.line || hit.Path != tc.path || hit.Hint == "" {
				t.Errorf("finding at line %d path %q hint %q, want line %d path %q", hit.Line, hit.Path, hit.Hint, tc.line, tc.path)
			}
			off := DefaultRules()
			off.Policy.Rules = map[string]Severity{tc.rule: SeverityOff}
			_, fs = Check("bad.odcs.yaml", bad, off)
			for _, f := range fs {
				if f.Rule == tc.rule {
					t.Errorf("rule set to off still reports: %s", f)
				}
			}
			warn := DefaultRules()
			warn.Policy.Rules = map[string]Severity{tc.rule: SeverityWarning}
			_, fs = Check("bad.odcs.yaml", bad, warn)
			for _, f := range fs {
				if f.Rule == tc.rule && f.Severity != SeverityWarning {
					t.Errorf("severity override ignored: %s", f)
				}
			}
		})
	}
}

func TestNameLooksLikePII(t *testing.T) {
	t.Parallel()
	pats := DefaultRules().Policy.PII.NamePatterns
	cases := map[string]bool{
		"customer_email": true, "emails": true, "customerEmail": true, "first_name": true, "rg": true,
		"cpf_number": true, "date_of_birth": true, "merge_flag": false, "argument": false, "name": false,
		"order_id": false, "emailpromotion": false, "zipper": false, "home_address": true,
	}
	for name, want := range cases {
		if got := NameLooksLikePII(name, pats) != ""; got != want {
			t.Errorf("NameLooksLikePII(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestSchemaOnlySkipsGovernance(t *testing.T) {
	t.Parallel()
	bad := strings.Replace(goodContract, "domain: sales\n", "", 1)
	_, fs := Check("x.odcs.yaml", []byte(bad), Rules{SchemaOnly: true})
	if len(fs) != 0 {
		t.Errorf("schema-only validation ran governance: %v", fs)
	}
}
