package contract

import (
	"strings"
	"testing"
)

// piiContract is goodContract with one extra property on a chosen object.
func piiContract(object, prop string) string {
	return strings.Replace(
		strings.Replace(goodContract, "  - name: customers\n", "  - name: "+object+"\n", 1),
		"      - name: customer_id\n        logicalType: integer\n        primaryKey: true\n",
		"      - name: customer_id\n        logicalType: integer\n        primaryKey: true\n"+prop, 1)
}

func rulesIn(fs []Finding) map[string]Severity {
	out := map[string]Severity{}
	for _, f := range fs {
		out[f.Rule] = f.Severity
	}
	return out
}

// TestPIIPersonNames: a bare "name"/"nome" is PII only next to a person
// qualifier, or alone on an object named after people; CamelCase is split
// first.
func TestPIIPersonNames(t *testing.T) {
	t.Parallel()
	cases := []struct {
		object, name string
		pii          bool
	}{
		{"clientes", "cliente_nome", true},
		{"clientes", "nome_completo", true},
		{"clientes", "NomeCliente", true},
		{"clientes", "nome_do_cliente", true},
		{"orders", "customer_name", true},
		{"orders", "recipient_name", true},
		{"orders", "customer_first_name", true},
		{"customers", "name", true},
		{"stg_shop__customers", "name", true},
		{"dim_customer", "name", true},
		{"clientes", "nome", true},
		{"users_v2", "name", true},
		{"produtos", "produto_nome", false},
		{"produtos", "ProdNome", false},
		{"produtos", "CategNome", false},
		{"produtos", "RegiaoNome", false},
		{"products", "category_name", false},
		{"products", "region_name", false},
		{"products", "name", false},
		{"customer_segments", "name", false},
		{"customers", "customer_segment_name", false},
		{"customers", "company_name", false},
		{"produtos", "nomenclatura", false},
	}
	for _, tc := range cases {
		t.Run(tc.object+"."+tc.name, func(t *testing.T) {
			t.Parallel()
			doc := piiContract(tc.object, "      - name: "+tc.name+"\n        logicalType: string\n")
			_, fs := Check("x.odcs.yaml", []byte(doc), DefaultRules())
			_, got := rulesIn(fs)[RulePIIUnclassified]
			if got != tc.pii {
				t.Errorf("%s on %s: PII = %v, want %v (%v)", tc.name, tc.object, got, tc.pii, fs)
			}
		})
	}
	// Nested: the parent property is the context.
	nested := "      - name: requester\n        logicalType: object\n        properties:\n          - name: name\n            logicalType: string\n"
	_, fs := Check("x.odcs.yaml", []byte(piiContract("tickets", nested)), DefaultRules())
	if _, ok := rulesIn(fs)[RulePIIUnclassified]; !ok {
		t.Errorf("requester.name is not reported as PII: %v", fs)
	}
	if NameLooksLikePII("name", DefaultRules().Policy.PII.NamePatterns) != "" ||
		NameLooksLikePII("customer_name", DefaultRules().Policy.PII.NamePatterns) == "" {
		t.Errorf("NameLooksLikePII does not apply the person-qualifier rule")
	}
}

// TestMaskingForms: masking is read from the keys, tags and encryptedName
// that contracts use; a missing masking is a warning, a value outside the
// policy an error.
func TestMaskingForms(t *testing.T) {
	t.Parallel()
	const head = "      - name: contact_email\n        logicalType: string\n        classification: pii\n        description: E-mail.\n"
	cases := []struct {
		name, extra string
		want        Severity // "" for no gov-pii-masking finding
	}{
		{"masking", "        customProperties:\n          - property: masking\n            value: hash\n", ""},
		{"maskingStrategy", "        customProperties:\n          - property: maskingStrategy\n            value: tokenized\n", ""},
		{"anonymizationStrategy", "        customProperties:\n          - property: anonymizationStrategy\n            value: pseudonymization\n", ""},
		{"british spelling", "        customProperties:\n          - property: anonymizationStrategy\n            value: pseudonymisation\n", ""},
		{"tag masked", "        tags: [masked]\n", ""},
		{"tag hashed", "        tags: [pii, hashed]\n", ""},
		{"tag pseudonymized", "        tags: [pseudonymized]\n", ""},
		{"tag encrypted", "        tags: [encrypted]\n", ""},
		{"tag key:value", "        tags: [\"masking:redact\"]\n", ""},
		{"encryptedName", "        encryptedName: contact_email_enc\n", ""},
		{"property key", "        masking: hash\n", ""}, // not ODCS (schema error), but clear enough
		{"missing", "", SeverityWarning},
		{"empty value", "        customProperties:\n          - property: masking\n            value: \"\"\n", SeverityWarning},
		{"other tag", "        tags: [pii]\n", SeverityWarning},
		{"bad value", "        customProperties:\n          - property: masking\n            value: rot13\n", SeverityError},
		{"bad strategy", "        customProperties:\n          - property: anonymizationStrategy\n            value: base64\n", SeverityError},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, fs := Check("x.odcs.yaml", []byte(piiContract("customers", head+tc.extra)), DefaultRules())
			got := rulesIn(fs)[RulePIIMasking]
			if got != tc.want {
				t.Errorf("gov-pii-masking severity %q, want %q: %v", got, tc.want, fs)
			}
		})
	}
}

// TestNamingLoaderAndDbt: dbt's `__` and loader columns pass by default;
// naming.json can turn both off.
func TestNamingLoaderAndDbt(t *testing.T) {
	t.Parallel()
	strict, err := ParseNaming("naming.json", []byte(`{"case": "snake_case", "allowDoubleUnderscore": false, "allowedPrefixes": [],
		"properties": {"timestampSuffix": "_at", "booleanPrefixes": ["is_"]}}`))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, logicalType string
		ok, okStrict      bool
	}{
		{"raw_newsapi__articles_us_en", "string", true, false},
		{"stg_shop__orders", "string", true, false},
		{"_dlt_id", "string", true, false},
		{"_dlt_load_id", "string", true, false},
		{"_airbyte_raw_id", "string", true, false},
		{"_airbyte_extracted_at", "timestamp", true, false},
		{"_fivetran_synced", "timestamp", true, false}, // no `_at` warning on a loader column
		{"_fivetran_deleted", "boolean", true, false},
		{"_sdc_batched_at", "timestamp", true, false},
		{"_id", "string", true, false},
		{"order__", "string", false, false},
		{"a___b", "string", false, false},
		{"__x", "string", false, false},
		{"_private", "string", false, false},
		{"Stg__Orders", "string", false, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc := []byte(strings.Replace(goodContract, "      - name: created_at\n        logicalType: timestamp\n",
				"      - name: "+tc.name+"\n        logicalType: "+tc.logicalType+"\n", 1))
			for _, strictRun := range []bool{false, true} {
				rules, want := DefaultRules(), tc.ok
				if strictRun {
					rules.Naming, want = strict, tc.okStrict
				}
				_, fs := Check("x.odcs.yaml", doc, rules)
				r := rulesIn(fs)
				_, bad := r[RuleNamingCase]
				if _, ts := r[RuleNamingTimestamp]; ts && !strictRun {
					bad = true
				}
				if _, b := r[RuleNamingBoolean]; b && !strictRun {
					bad = true
				}
				if bad == want {
					t.Errorf("strict=%v: %q accepted = %v, want %v (%v)", strictRun, tc.name, !bad, want, fs)
				}
			}
		})
	}
}

// TestPolicyLevels: gov-owner, gov-domain and gov-purpose are warnings by
// default and gov-pii-critical is off; policy.json rules make them errors.
func TestPolicyLevels(t *testing.T) {
	t.Parallel()
	bad := strings.NewReplacer("domain: sales\n", "", "  purpose: Orders placed in the web shop, for revenue reporting.\n", "  usage: x\n",
		"  name: sales-data\n  members:\n    - username: ana\n      role: owner\n", "  members:\n    - username: ana\n      role: analyst\n",
		"        criticalDataElement: true\n", "").Replace(goodContract)
	ids := []string{RuleOwner, RuleDomain, RulePurpose}
	_, fs := Check("x.odcs.yaml", []byte(bad), DefaultRules())
	got := rulesIn(fs)
	for _, id := range ids {
		if got[id] != SeverityWarning {
			t.Errorf("default %s = %q, want warning", id, got[id])
		}
	}
	if _, on := got[RulePIICritical]; on || HasErrors(fs) {
		t.Errorf("default rules: unexpected errors or gov-pii-critical: %v", fs)
	}
	pol, err := ParsePolicy("policy.json", []byte(`{"contract": {"requireOwner": true, "requireDomain": true, "requirePurpose": true},
		"pii": {"classifications": ["pii"], "requireCriticalDataElement": true, "maskingProperty": "masking"},
		"rules": {"gov-owner": "error", "gov-domain": "error", "gov-purpose": "error", "gov-pii-critical": "warning"}}`))
	if err != nil {
		t.Fatal(err)
	}
	rules := DefaultRules()
	rules.Policy = pol
	_, fs = Check("x.odcs.yaml", []byte(bad), rules)
	got = rulesIn(fs)
	for _, id := range ids {
		if got[id] != SeverityError {
			t.Errorf("policy error: %s = %q", id, got[id])
		}
	}
	if got[RulePIICritical] != SeverityWarning {
		t.Errorf("policy turns gov-pii-critical on: got %q", got[RulePIICritical])
	}
	if _, err := ParsePolicy("policy.json", []byte(`{"rules": {"gov-owner": "fatal"}}`)); err == nil {
		t.Error("a bad severity is accepted")
	}
}

// TestSLAElements: SLA elements and slaDefaultElement must name an object
// or object.property of the schema.
func TestSLAElements(t *testing.T) {
	t.Parallel()
	cases := []struct {
		sla  string
		bad  int
		path string
	}{
		{"slaProperties:\n  - property: latency\n    value: 1\n    element: orders.created_at\n", 0, ""},
		{"slaProperties:\n  - property: latency\n    value: 1\n    element: orders\n", 0, ""},
		{"slaProperties:\n  - property: latency\n    value: 1\n    element: orders.created_at, customers.customer_id\n", 0, ""},
		{"slaProperties:\n  - property: latency\n    value: 1\n    element: other.yaml#schema/x\n", 0, ""},
		{"slaProperties:\n  - property: latency\n    value: 1\n    element: tab1.txn_ref_dt\n", 1, "slaProperties[0].element"},
		{"slaProperties:\n  - property: latency\n    value: 1\n    element: orders.nope, customers.nope\n", 2, "slaProperties[0].element"},
		{"slaDefaultElement: orders.txn_ref_dt\n", 1, "slaDefaultElement"},
	}
	for _, tc := range cases {
		doc := strings.Replace(goodContract, "schema:\n", tc.sla+"schema:\n", 1)
		_, fs := Check("x.odcs.yaml", []byte(doc), DefaultRules())
		n := 0
		for _, f := range fs {
			if f.Rule == RuleSLAElement {
				n++
				if f.Path != tc.path || f.Severity != SeverityError {
					t.Errorf("%q: finding %s at %q, want error at %q", tc.sla, f, f.Path, tc.path)
				}
			}
		}
		if n != tc.bad {
			t.Errorf("%q: %d %s findings, want %d: %v", tc.sla, n, RuleSLAElement, tc.bad, fs)
		}
	}
	// No schema: the elements cannot be checked here.
	noSchema := goodContract[:strings.Index(goodContract, "schema:\n")] + "slaProperties:\n  - property: latency\n    value: 1\n    element: tab1.txn_ref_dt\n"
	_, fs := Check("x.odcs.yaml", []byte(noSchema), DefaultRules())
	if _, ok := rulesIn(fs)[RuleSLAElement]; ok {
		t.Errorf("SLA elements of a contract without schema are checked: %v", fs)
	}
}

// TestCheckIDs: contracts of one run share no id.
func TestCheckIDs(t *testing.T) {
	t.Parallel()
	parse := func(file, id string) *Document {
		doc, fs := Parse(file, []byte(strings.Replace(goodContract, "id: orders-v1", "id: "+id, 1)))
		if doc == nil {
			t.Fatal(fs)
		}
		return doc
	}
	docs := []*Document{parse("a.odcs.yaml", "orders-v1"), parse("b.odcs.yaml", "customers-v1"), nil,
		parse("c.odcs.yaml", "orders-v1"), parse("d.odcs.yaml", `""`), parse("e.odcs.yaml", `""`)}
	fs := CheckIDs(docs, DefaultRules())
	if len(fs) != 1 || fs[0].File != "c.odcs.yaml" || fs[0].Rule != RuleIDDuplicate || fs[0].Line != 3 ||
		fs[0].Severity != SeverityError || !strings.Contains(fs[0].Message, "a.odcs.yaml:3") {
		t.Fatalf("CheckIDs = %v, want one error on c.odcs.yaml:3 naming a.odcs.yaml:3", fs)
	}
	off := DefaultRules()
	off.Policy.Rules = map[string]Severity{RuleIDDuplicate: SeverityOff}
	if fs := CheckIDs(docs, off); len(fs) != 0 {
		t.Errorf("gov-id-duplicate off still reports %v", fs)
	}
	if fs := CheckIDs(docs, Rules{SchemaOnly: true}); len(fs) != 0 {
		t.Errorf("--rules schema reports %v", fs)
	}
}
