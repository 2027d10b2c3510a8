package contract

import (
	"bytes"
	"strings"
	"testing"
)

func TestRoundTripKeepsUnknownFields(t *testing.T) {
	t.Parallel()
	src := goodContract + `servers:
  - server: prod
    type: postgres
    host: db
    port: 5432
    database: shop
    schema: public
x-vendor:
  owner_slack: '#sales'
contractCreatedTs: 2024-05-01T10:00:00Z
customProperties:
  - property: retention
    value: 30
`
	doc, fs := Parse("rt.yaml", []byte(src))
	if doc == nil || HasErrors(fs) {
		t.Fatalf("parse: %v", fs)
	}
	out, err := Marshal(doc.Contract)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"x-vendor:", "owner_slack: '#sales'", "host: db", "contractCreatedTs: \"2024-05-01T10:00:00Z\"", "property: retention", "to: customers.customer_id"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("round trip lost %q:\n%s", want, out)
		}
	}
	_, fs = Check("rt2.yaml", out, Rules{SchemaOnly: true})
	for _, f := range fs {
		if f.Rule != RuleSchema || !strings.Contains(f.Message, "x-vendor") {
			t.Errorf("re-parsed contract: %s", f)
		}
	}
}

func TestTimestampsStayStrings(t *testing.T) {
	t.Parallel()
	doc, _ := Parse("ts.yaml", []byte("apiVersion: v3.1.0\nid: 2024-01-01\nversion: 1.0.0\nx-date: 2024-01-02\nslaProperties:\n  - property: ga\n    value: 2022-05-12T09:30:10-08:00\n"))
	if got, ok := doc.value["id"].(string); !ok || got != "2024-01-01" {
		t.Fatalf("id = %#v, want the string 2024-01-01", doc.value["id"])
	}
	out, err := Marshal(doc.Contract)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`x-date: "2024-01-02"`, `value: "2022-05-12T09:30:10-08:00"`} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("timestamp changed on the way through: want %s in\n%s", want, out)
		}
	}
}

func TestLegacyTeamArray(t *testing.T) {
	t.Parallel()
	doc, _ := Parse("t.yaml", []byte("apiVersion: v3.0.2\nteam:\n  - username: ana\n    role: owner\n"))
	if doc.Contract.Team == nil || !doc.Contract.Team.LegacyArray || doc.Contract.Team.Owners()[0] != "ana" {
		t.Fatalf("team = %+v", doc.Contract.Team)
	}
	out, _ := Marshal(doc.Contract)
	if !bytes.Contains(out, []byte("team:\n  - username: ana")) {
		t.Errorf("legacy team not written back as an array:\n%s", out)
	}
}

func TestSizeLimit(t *testing.T) {
	t.Parallel()
	big := bytes.Repeat([]byte("# padding\n"), 6<<20) // 60 MB
	_, fs := Parse("big.yaml", big)
	if len(fs) != 1 || fs[0].Rule != RuleInputTooLarge {
		t.Fatalf("findings = %v", fs)
	}
	_, fs = Check("small.yaml", []byte(goodContract), Rules{MaxBytes: 100})
	if len(fs) != 1 || fs[0].Rule != RuleInputTooLarge {
		t.Fatalf("MaxBytes ignored: %v", fs)
	}
}

func TestSchemaErrorLines(t *testing.T) {
	t.Parallel()
	bad := strings.Replace(goodContract, "        primaryKey: true\n      - name: customer_id", "        primaryKey: maybe\n      - name: customer_id", 1)
	bad = strings.Replace(bad, "status: active\n", "status: active\nkind2: x\n", 1)
	_, fs := Check("v.yaml", []byte(bad), Rules{SchemaOnly: true})
	want := []string{
		"v.yaml:7:1: error odcs-schema: ODCS v3.1.0 schema: additional properties 'kind2' not allowed",
		"v.yaml:23:9: error odcs-schema: ODCS v3.1.0 schema: primaryKey: must be a boolean, not a string",
	}
	if len(fs) != len(want) {
		t.Fatalf("got %d findings, want %d: %v", len(fs), len(want), fs)
	}
	for i, w := range want {
		if !strings.HasPrefix(fs[i].String(), w) {
			t.Errorf("finding %d = %s, want prefix %s", i, fs[i], w)
		}
	}
}

func TestCheckCanvas(t *testing.T) {
	t.Parallel()
	tmpl := "# Canvas\n<!-- note -->\n## Problem\nWhat problem?\n\n## Consumers\nWho uses it?\n\n## Open questions (optional)\nAnything?\n"
	good := "# Canvas: orders\n## Problem\nRevenue is reported late.\n## consumers\nFinance, daily.\n"
	if fs := CheckCanvas("c.md", []byte(good), tmpl); len(fs) != 0 {
		t.Errorf("good canvas: %v", fs)
	}
	bad := "# Canvas: orders\n## Problem\nWhat problem?\n## Notes\nx\n"
	fs := CheckCanvas("c.md", []byte(bad), tmpl)
	if len(fs) != 2 || fs[0].Rule != RuleCanvasBlank || fs[0].Line != 2 || fs[1].Rule != RuleCanvasSection {
		t.Errorf("bad canvas findings: %v", fs)
	}
	if fs := CheckCanvas("c.md", nil, tmpl); len(fs) != 1 || fs[0].Rule != RuleCanvasEmpty {
		t.Errorf("empty canvas: %v", fs)
	}
}

func TestTrailingDocumentMarker(t *testing.T) {
	t.Parallel()
	_, fs := Check("g.yaml", []byte(goodContract+"---\n"), DefaultRules())
	if len(fs) != 0 {
		t.Errorf("a trailing --- gave findings: %v", fs)
	}
}

// TestAnchorsAndMerges: a legitimate contract using anchors and merge keys
// validates like its expanded form.
func TestAnchorsAndMerges(t *testing.T) {
	t.Parallel()
	src := strings.Replace(goodContract, "      - name: created_at\n        logicalType: timestamp\n",
		"      - &ts\n        name: created_at\n        logicalType: timestamp\n      - <<: *ts\n        name: updated_at\n", 1)
	doc, fs := Check("a.yaml", []byte(src), DefaultRules())
	if len(fs) != 0 {
		t.Errorf("findings: %v", fs)
	}
	props := doc.Contract.Schema[0].Properties
	if got := props[4]; got.Name != "updated_at" || got.LogicalType != "timestamp" {
		t.Errorf("merged property = %+v", got)
	}
	if v := doc.value["schema"].([]any)[0].(map[string]any)["properties"].([]any)[4].(map[string]any); v["logicalType"] != "timestamp" || v["name"] != "updated_at" {
		t.Errorf("merged value = %v", v)
	}
}

func TestRecursiveAlias(t *testing.T) {
	t.Parallel()
	_, fs := Parse("r.yaml", []byte("apiVersion: v3.1.0\na: &a [1, *a]\n"))
	if len(fs) != 1 || (fs[0].Rule != RuleYAMLAliases && fs[0].Rule != RuleYAMLSyntax) {
		t.Fatalf("findings = %v", fs)
	}
}

func TestQualityNumbersStayWhole(t *testing.T) {
	t.Parallel()
	src := strings.Replace(goodContract, "        mustBeBetween: [1, 100]\n",
		"        mustBeBetween: [1, 1000000]\n      - metric: nullValues\n        mustBeGreaterThan: 0\n      - metric: rowCount\n        mustBeLessThan: 2.5\n", 1)
	doc, _ := Parse("q.yaml", []byte(src))
	out, err := Marshal(doc.Contract)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"- 1000000\n", "mustBeGreaterThan: 0\n", "mustBeLessThan: 2.5\n"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if bytes.Contains(out, []byte("e+")) {
		t.Errorf("exponent notation in\n%s", out)
	}
}

func TestSchemaMessages(t *testing.T) {
	t.Parallel()
	cases := []struct{ old, new, msg, hint string }{
		{"  name: sales-data\n  members:\n    - username: ana\n      role: owner\n", "  sales-data\n", "got string, want object or array", "change the value to type object or array"},
		{"        logicalType: boolean", "        logicaltype: boolean", `key "logicaltype" is not allowed here`, `did you mean "logicalType"?`},
		{"status: active\n", "status: active\ndomian: x\n", "additional properties 'domian' not allowed", `did you mean "domain"?`},
		{"to: customers.customer_id", "to: not a ref", "does not match pattern", "reference a property as `object.property`"},
		{"        logicalType: boolean", "        logicalType: bool", `logicalType: "bool" is not one of string, date`, "use one of the allowed values"},
		{"        logicalType: boolean", "        logicalType: boolean\n        isNullable: false", `key "isNullable" is not allowed here`, "`isNullable: true` is `required: false`"},
	}
	for _, tc := range cases {
		if !strings.Contains(goodContract, tc.old) {
			t.Fatalf("case does not apply: %q", tc.old)
		}
		_, fs := Check("m.yaml", []byte(strings.Replace(goodContract, tc.old, tc.new, 1)), Rules{SchemaOnly: true})
		if len(fs) != 1 || !strings.Contains(fs[0].Message, tc.msg) || !strings.Contains(fs[0].Hint, tc.hint) {
			t.Errorf("%q: findings %v, want message %q hint %q", tc.new, fs, tc.msg, tc.hint)
		}
	}
}

// TestNoSelfSuggestion: a key valid elsewhere in the schema (delimiter, a
// server key) is never suggested as the fix for itself, and a suggestion
// only comes from the keys valid at that path.
func TestNoSelfSuggestion(t *testing.T) {
	t.Parallel()
	_, fs := Check("m.yaml", []byte(strings.Replace(goodContract, "status: active\n", "status: active\ndelimiter: x\n", 1)), Rules{SchemaOnly: true})
	if len(fs) != 1 || strings.Contains(fs[0].Hint, "did you mean") {
		t.Fatalf("findings %v: want one, with no suggestion", fs)
	}
}

// TestOneOfMissingIsOneLine: a quality rule with no operator misses one of
// eight alternatives: one finding, not eight.
func TestOneOfMissingIsOneLine(t *testing.T) {
	t.Parallel()
	src := "apiVersion: v3.1.0\nkind: DataContract\nid: x\nname: x\nversion: 1.0.0\nstatus: active\nschema:\n  - name: users\n    quality:\n      - metric: rowCount\n"
	_, fs := Check("q.yaml", []byte(src), Rules{SchemaOnly: true})
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "missing one of mustBe, mustBeBetween") || fs[0].Line != 10 {
		t.Fatalf("findings %v", fs)
	}
}
