package contract

import (
	"strings"
	"testing"
)

// TestTypedNamingHints: timestamp and boolean hints build on the name the
// naming-case rule asks for, never double the suffix, and stay silent when
// that rename already fixes the suffix or prefix.
func TestTypedNamingHints(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, logicalType string
		caseOff           bool   // naming-case rule set to off
		rule              string // expected typed-naming rule, "" for none
		hint              string
	}{
		{name: "updatedAt", logicalType: "timestamp"},
		{name: "UpdatedAt", logicalType: "timestamp"},
		{name: "updated_at", logicalType: "timestamp"},
		{name: "updated", logicalType: "timestamp", rule: RuleNamingTimestamp, hint: `rename it to "updated_at"`},
		{name: "updatedTs", logicalType: "timestamp", rule: RuleNamingTimestamp, hint: `rename it to "updated_at"`},
		{name: "updated_at_ts", logicalType: "timestamp", rule: RuleNamingTimestamp, hint: `rename it to "updated_at"`},
		{name: "created_timestamp", logicalType: "timestamp", rule: RuleNamingTimestamp, hint: `rename it to "created_at"`},
		{name: "eventTime", logicalType: "timestamp", rule: RuleNamingTimestamp, hint: `rename it to "event_at"`},
		{name: "updatedAt", logicalType: "timestamp", caseOff: true, rule: RuleNamingTimestamp, hint: `rename it to "updatedAt_at"`},
		{name: "isActive", logicalType: "boolean"},
		{name: "HasRefund", logicalType: "boolean"},
		{name: "is_active", logicalType: "boolean"},
		{name: "active", logicalType: "boolean", rule: RuleNamingBoolean, hint: `rename it to "is_active"`},
		{name: "Active", logicalType: "boolean", rule: RuleNamingBoolean, hint: `rename it to "is_active"`},
		{name: "giftWrapped", logicalType: "boolean", rule: RuleNamingBoolean, hint: `rename it to "is_gift_wrapped"`},
		{name: "updatedAt", logicalType: "string"},
	}
	for _, tc := range cases {
		t.Run(tc.name+"/"+tc.logicalType, func(t *testing.T) {
			t.Parallel()
			doc := strings.Replace(goodContract, "      - name: created_at\n        logicalType: timestamp\n",
				"      - name: "+tc.name+"\n        logicalType: "+tc.logicalType+"\n", 1)
			rules := DefaultRules()
			if tc.caseOff {
				rules.Policy.Rules = map[string]Severity{RuleNamingCase: SeverityOff}
			}
			_, fs := Check("x.odcs.yaml", []byte(doc), rules)
			var got []Finding
			for _, f := range fs {
				if f.Rule == RuleNamingTimestamp || f.Rule == RuleNamingBoolean {
					got = append(got, f)
				}
			}
			switch {
			case tc.rule == "" && len(got) > 0:
				t.Errorf("unexpected finding: %s", got[0])
			case tc.rule != "" && (len(got) != 1 || got[0].Rule != tc.rule || got[0].Hint != tc.hint):
				t.Errorf("findings %v, want one %s with hint %q", got, tc.rule, tc.hint)
			}
		})
	}
}

// TestRuleListsChangedInPlace: the cached reserved-word set and PII
// matcher follow a rule list edited in place, not only a new one.
func TestRuleListsChangedInPlace(t *testing.T) {
	t.Parallel()
	words := []string{"select", "from"}
	if !reservedSet(words)["select"] {
		t.Fatal("select is not reserved")
	}
	words[0] = "order"
	if s := reservedSet(words); s["select"] || !s["order"] {
		t.Fatalf("after the edit: %v", s)
	}
	pats := []string{"email"}
	if m := matcherFor(pats, DefaultPersonNameWords, DefaultPersonQualifiers); m.match("customer_email", "") == "" {
		t.Fatal("customer_email is not matched")
	}
	pats[0] = "phone"
	m := matcherFor(pats, DefaultPersonNameWords, DefaultPersonQualifiers)
	if m.match("customer_email", "") != "" || m.match("phone", "") == "" {
		t.Fatal("the matcher did not follow the edited patterns")
	}
}
