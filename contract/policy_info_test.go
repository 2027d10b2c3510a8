package contract

import (
	"strings"
	"testing"
)

// TestPolicyInfoOnlyForDiffRules: "info" is a level of dataeng-os diff's
// rules; on a validator rule it is a clear error naming the line.
func TestPolicyInfoOnlyForDiffRules(t *testing.T) {
	t.Parallel()
	if _, err := ParsePolicy("policy.json", []byte(`{"rules": {"diff-max-length-reduced": "info"}}`)); err != nil {
		t.Fatalf("diff rule at info: %v", err)
	}
	_, err := ParsePolicy("policy.json", []byte("{\n  \"rules\": {\"gov-owner\": \"info\"}}"))
	if err == nil || !strings.Contains(err.Error(), `policy.json:2: rule "gov-owner": severity "info"`) {
		t.Fatalf("validator rule at info: %v", err)
	}
}
