package cli

import (
	"encoding/json"
	"testing"
)

// TestValidateSARIF: --format sarif is a SARIF 2.1.0 log with one result
// per finding at its file:line:col and each rule that fired listed once.
func TestValidateSARIF(t *testing.T) {
	t.Parallel()
	bad := "apiVersion: v3.1.0\nkind: DataContract\nid: x\nname: x\nversion: 1.0.0\nstatus: active\nschema:\n  - name: users\n    properties:\n      - name: email\n        logicalType: string\n      - name: phone\n        logicalType: string\n"
	code, out, errOut := validateCLI(t, false, map[string]string{"contracts/u.odcs.yaml": bad}, "--format", "sarif", "contracts/u.odcs.yaml")
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", code, out, errOut)
	}
	var log sarifLog
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || log.Runs[0].Tool.Driver.Name != "dataeng-os" {
		t.Fatalf("log header: %+v", log)
	}
	run := log.Runs[0]
	pii := 0
	for _, r := range run.Results {
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != "contracts/u.odcs.yaml" || loc.Region.StartLine < 1 || r.Message.Text == "" {
			t.Errorf("result %+v", r)
		}
		if r.RuleID == "gov-pii-unclassified" && r.Level == "error" {
			pii++
		}
	}
	if pii != 2 {
		t.Errorf("want 2 gov-pii-unclassified errors (email, phone), got %d in %+v", pii, run.Results)
	}
	seen := map[string]bool{}
	for _, rule := range run.Tool.Driver.Rules {
		if seen[rule.ID] {
			t.Errorf("rule %s listed twice", rule.ID)
		}
		seen[rule.ID] = true
	}
	for _, r := range run.Results {
		if !seen[r.RuleID] {
			t.Errorf("result rule %s not in the driver's rules", r.RuleID)
		}
	}
}
