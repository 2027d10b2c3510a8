package diff

import (
	"slices"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

func TestPositions(t *testing.T) {
	t.Parallel()
	old := side{body: props(withNote)}
	cur := side{body: props(pk + "- name: note\n  logicalType: string\n  logicalTypeOptions:\n    maxLength: 5")}
	got := compareSides(t, old, cur, Policy{})
	if len(got) != 1 || got[0].RuleID != RuleMaxLengthReduced {
		t.Fatalf("changes = %+v", got)
	}
	// header 5 lines, schema 4, id 3, note 2, logicalTypeOptions 1: maxLength is line 16.
	if c := got[0]; c.File != "new.odcs.yaml" || c.Line != 16 || c.Column != 11 || c.Old != "" || c.New != "5" {
		t.Errorf("change = %+v, want new.odcs.yaml:16:11 (none) → 5", c)
	}

	got = compareSides(t, cur, side{body: props(pk)}, Policy{})
	if len(got) != 1 || got[0].RuleID != RulePropertyRemoved {
		t.Fatalf("changes = %+v", got)
	}
	// a removal points at the old file and anchors at the object in the new one
	if c := got[0]; c.File != "old.odcs.yaml" || c.Line != 13 || c.NewLine != 7 {
		t.Errorf("removal = %+v, want old.odcs.yaml:13 anchored at new line 7", c)
	}
}

func TestCompareNil(t *testing.T) {
	t.Parallel()
	doc := parse(t, "a.odcs.yaml", yamlOf(side{body: twoObjects}, "1.0.0"))
	if got := ids(Compare(nil, doc, Policy{})); !slices.Equal(got, []string{RuleContractAdded, RuleObjectAdded, RuleObjectAdded}) {
		t.Errorf("added contract: %v", got)
	}
	if got := ids(Compare(doc, nil, Policy{})); !slices.Equal(got, []string{RuleContractRemoved}) {
		t.Errorf("removed contract: %v", got)
	}
	if got := Compare(nil, nil, Policy{}); got != nil {
		t.Errorf("nil, nil: %v", got)
	}
	if got := Compare(&contract.Document{}, &contract.Document{}, Policy{}); len(got) != 0 {
		t.Errorf("empty documents: %v", got)
	}
}

func TestPolicyLevels(t *testing.T) {
	t.Parallel()
	old, cur := side{version: "1.0.0", body: props(withNote)}, side{version: "1.0.1", body: props(pk)}
	pol := Policy{Levels: map[string]Level{RulePropertyRemoved: LevelWarning}}
	got := compareSides(t, old, cur, pol)
	if !slices.Equal(ids(got), []string{RulePropertyRemoved}) || got[0].Level != LevelWarning || Fails(got) {
		t.Errorf("warning override: %+v", got)
	}
	pol.Levels[RulePropertyRemoved] = LevelOff
	if got := compareSides(t, old, cur, pol); len(got) != 0 {
		t.Errorf("off override: %+v", got)
	}
}

func TestFromRules(t *testing.T) {
	t.Parallel()
	p := contract.Policy{Rules: map[string]contract.Severity{
		RulePropertyAdded:    contract.SeverityError,
		RuleStatusBackward:   contract.SeverityError,
		RuleMaskingAdded:     contract.SeverityWarning,
		RuleQualityAdded:     contract.SeverityOff,
		RuleMaxLengthReduced: contract.SeverityInfo,
		"gov-pii-critical":   contract.SeverityOff,
		"diff-no-such-rule":  contract.SeverityError,
	}, PII: contract.PIIPolicy{MaskingProperty: "maskingStrategy"}}
	pol := FromRules(p)
	want := map[string]Level{RulePropertyAdded: LevelBreaking, RuleStatusBackward: LevelError,
		RuleMaskingAdded: LevelWarning, RuleQualityAdded: LevelOff, RuleMaxLengthReduced: LevelInfo}
	if len(pol.Levels) != len(want) {
		t.Errorf("levels = %v, want %v", pol.Levels, want)
	}
	for id, l := range want {
		if pol.Levels[id] != l {
			t.Errorf("%s = %q, want %q", id, pol.Levels[id], l)
		}
	}
	if pol.masking() != "maskingStrategy" {
		t.Errorf("masking property = %q", pol.masking())
	}
}

func TestCounts(t *testing.T) {
	t.Parallel()
	cs := []Change{{Level: LevelError}, {Level: LevelBreaking}, {Level: LevelBreaking}, {Level: LevelWarning}}
	if got, want := Count(cs).String(), "1 error, 2 breaking, 1 warning, 0 info"; got != want {
		t.Errorf("counts = %q, want %q", got, want)
	}
	if !Fails(cs) || Fails(cs[3:]) {
		t.Error("Fails: breaking and error fail, a warning does not")
	}
	if ids := RuleIDs(); len(ids) != len(defaultLevels) || !slices.IsSorted(ids) {
		t.Errorf("RuleIDs = %v", ids)
	}
}

func TestCompareTypes(t *testing.T) {
	t.Parallel()
	cases := []struct {
		old, new string
		want     typeDelta
	}{
		{"varchar(20)", "VARCHAR(20)", typeSame},
		{"varchar(20)", "varchar(10)", typeNarrowed},
		{"varchar(20)", "text", typeWidened},
		{"bigint", "int", typeNarrowed},
		{"int", "bigint", typeWidened},
		{"int", "decimal(5,0)", typeNarrowed},
		{"int", "decimal(18,0)", typeWidened},
		{"decimal(10,2)", "decimal(10,4)", typeNarrowed}, // two integer digits fewer
		{"timestamp(6)", "timestamp(3)", typeNarrowed},
		{"double", "real", typeNarrowed},
		{"varchar(10)", "boolean", typeChanged},
		{"", "varchar(10)", typeWidened},
	}
	for _, c := range cases {
		if got := compareTypes(c.old, c.new); got != c.want {
			t.Errorf("compareTypes(%q, %q) = %d, want %d", c.old, c.new, got, c.want)
		}
	}
}

// TestNoFalsePositives: reordering, formatting and a followed rename of
// the primary key report nothing beyond the rename.
func TestNoFalsePositives(t *testing.T) {
	t.Parallel()
	two := pk + "- name: a\n  logicalType: string\n  logicalTypeOptions:\n    maxLength: 10\n- name: b\n  logicalType: integer"
	cases := []ruleCase{
		{name: "properties reordered", old: side{body: props(two)},
			new: side{body: props("- name: b\n  logicalType: integer\n- name: a\n  logicalType: string\n  logicalTypeOptions: {maxLength: '10'}\n" + pk)}},
		{name: "primary key renamed", old: side{body: props(pk)},
			new:  side{body: props("- name: order_id\n  physicalName: id\n  logicalType: integer\n  primaryKey: true")},
			want: []string{RulePropertyRenamed}, level: LevelBreaking},
		{name: "object renamed by id", old: side{body: "schema:\n  - id: o1\n    name: orders\n"},
			new:  side{body: "schema:\n  - id: o1\n    name: sales_orders\n"},
			want: []string{RuleObjectRenamed}, level: LevelBreaking},
		{name: "integer enum narrowed", old: side{body: props(pk + "- name: n\n  logicalTypeOptions:\n    enum: [1, 2, 3]")},
			new:  side{body: props(pk + "- name: n\n  logicalTypeOptions:\n    enum: [3, 1]")},
			want: []string{RuleValidValuesNarrowed}, level: LevelBreaking},
		{name: "exclusive bound set", old: side{body: props(pk + "- name: n\n  logicalTypeOptions:\n    minimum: 0\n    exclusiveMinimum: false")},
			new:  side{body: props(pk + "- name: n\n  logicalTypeOptions:\n    minimum: 0\n    exclusiveMinimum: true")},
			want: []string{RuleRangeTightened}, level: LevelBreaking},
	}
	runCases(t, cases)
}
