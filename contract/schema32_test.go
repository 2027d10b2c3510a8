package contract

import (
	"strings"
	"testing"
)

// TestV320Contracts: a v3.2.0 contract is checked against the v3.2.0
// schema (not refused as an unknown version), and its schema errors are
// reported like any other version's.
func TestV320Contracts(t *testing.T) {
	t.Parallel()
	good := "apiVersion: v3.2.0\nkind: DataContract\nid: orders\nname: orders\nversion: 1.0.0\nstatus: active\n" +
		"description:\n  purpose: Orders.\nteam:\n  name: shop\n  members:\n    - username: ana\n      role: owner\n" +
		"schema:\n  - name: orders\n    properties:\n      - name: order_id\n        logicalType: integer\n        primaryKey: true\n"
	_, fs := Check("orders.odcs.yaml", []byte(good), DefaultRules())
	for _, f := range fs {
		if f.Severity == SeverityError {
			t.Errorf("good v3.2.0 contract: %s", f)
		}
	}
	bad := strings.Replace(good, "status: active\n", "status: active\nnotAKey: 1\n", 1)
	_, fs = Check("bad.odcs.yaml", []byte(bad), Rules{SchemaOnly: true})
	if len(fs) != 1 || fs[0].Rule != RuleSchema || fs[0].Line != 7 || !strings.Contains(fs[0].Message, "notAKey") {
		t.Fatalf("bad v3.2.0 contract: %v", fs)
	}
	if v, ok := schemaFor("v3.2.0"); !ok || v != SchemaV320 {
		t.Fatalf("schemaFor(v3.2.0) = %v %v", v, ok)
	}
}
