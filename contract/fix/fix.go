// Package fix mends ODCS contracts for `dataeng-os validate --fix`. It
// applies only fixes that invent no facts: a missing apiVersion or kind,
// a status spelled outside the policy's set when its meaning is clear,
// naming renames (the old name is kept as physicalName so the data still
// maps), composite primary-key positions, property order (primary key
// first, loader metadata last) and the v3.0.x → v3.1.0 shapes of
// contract.Upgrade.
//
// Apply edits the YAML node tree (yaml.v3 parses the comments that
// contract.Parse's fast path skips) and re-encodes it, so comments survive
// and the indentation, sequence style and blank lines of the input are
// kept as far as yaml.v3 allows. Input that has nothing to fix comes back
// byte for byte, which makes Apply idempotent.
package fix

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/dataeng-os/dataeng-os/contract"
)

// Rule ids of the fixes that answer no validator finding; RULES.md lists
// them with the rules they complete.
const (
	RulePrimaryKeyPosition = "fix-primary-key-position"
	RulePropertyOrder      = "fix-property-order"
	RuleUpgradeV31         = "fix-upgrade-v3.1"
)

// Fix is one change Apply made: the rule it answers and the line of the
// input it changed.
type Fix struct {
	Rule    string `json:"rule"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

// String renders `line N: rule: message`.
func (f Fix) String() string { return fmt.Sprintf("line %d: %s: %s", f.Line, f.Rule, f.Message) }

// Apply returns data with every fix applied and the fixes, sorted by line.
// Input that is not a single YAML mapping, has layer-1 errors (syntax,
// duplicate keys, encoding, size), holds several documents or is ODCS v2.2.x (a job for `dataeng-os
// upgrade`) comes back unchanged with no fixes: validation says why. Apply
// never panics; err is set only when the fixed tree cannot be encoded.
func Apply(file string, data []byte, rules contract.Rules) (out []byte, applied []Fix, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, applied, err = data, nil, fmt.Errorf("fix %s: internal error: %v", file, r)
		}
	}()
	doc, root := load(file, data, rules)
	if root == nil {
		return data, nil, nil
	}
	f := &fixer{doc: doc, root: root.Content[0], rules: rules}
	f.run()
	if len(f.fixes) == 0 {
		return data, nil, nil
	}
	out, err = encode(data, root)
	if err != nil {
		return data, nil, fmt.Errorf("fix %s: %w", file, err)
	}
	slices.SortStableFunc(f.fixes, func(a, b Fix) int { return a.Line - b.Line })
	return out, f.fixes, nil
}

// load parses data twice: with contract.Parse, to refuse what the fixer
// must not touch and get the typed view, and with yaml.v3, for the node
// tree with comments. root is nil when there is nothing to fix.
func load(file string, data []byte, rules contract.Rules) (*contract.Document, *yaml.Node) {
	doc, fs := contract.ParseLimit(file, data, rules.MaxBytes)
	if doc == nil || doc.Contract == nil || strings.HasPrefix(doc.APIVersion, "v2") {
		return nil, nil
	}
	for _, x := range fs {
		if x.Rule == contract.RuleYAMLMultiDoc || x.Severity == contract.SeverityError && blocking(x.Rule) {
			return nil, nil
		}
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, nil
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) != 1 || root.Content[0].Kind != yaml.MappingNode {
		return nil, nil
	}
	return doc, &root
}

// blocking reports the layer-1 rules after which the node tree cannot be
// edited safely.
func blocking(rule string) bool {
	return rule == contract.RuleInternal || rule != contract.RuleYAMLType &&
		(strings.HasPrefix(rule, "input-") || strings.HasPrefix(rule, "yaml-"))
}

// fixer applies the fixes to one document's root mapping.
type fixer struct {
	doc   *contract.Document
	root  *yaml.Node
	rules contract.Rules
	fixes []Fix
}

func (f *fixer) add(rule string, line int, format string, args ...any) {
	f.fixes = append(f.fixes, Fix{Rule: rule, Line: max(line, 1), Message: fmt.Sprintf(format, args...)})
}

// on reports whether a governance rule is in force.
func (f *fixer) on(rule string, def contract.Severity) bool {
	return !f.rules.SchemaOnly && f.rules.Policy.Severity(rule, def) != contract.SeverityOff
}

// run applies the fixes in an order that needs one pass: the header and
// the upgrade first, renames before the references to them, positions
// before the order that reads them.
func (f *fixer) run() {
	f.header()
	f.upgrade()
	f.status()
	if f.rules.SchemaOnly {
		return
	}
	f.names()
	for _, o := range items(f.root, "schema") {
		f.keyPositions(o)
		f.order(o)
	}
}
