package contract

import (
	"fmt"
	"strings"
)

// Validate runs the version, JSON Schema and governance layers on a parsed
// document and returns every finding, sorted, with the policy's severity
// overrides applied (rules set to off are dropped). It performs no I/O, does
// not modify doc, and is safe for concurrent use.
func Validate(doc *Document, rules Rules) (fs []Finding) {
	if doc == nil || (doc.Root == nil && doc.lazy == nil) {
		return nil
	}
	defer func() {
		if r := recover(); r != nil {
			fs = []Finding{internalFinding(doc.File, r)}
		}
	}()
	fs, schemaRan := doc.versionAndSchema()
	if !schemaRan {
		fs = append(fs, doc.typeErrs...)
	}
	if !rules.SchemaOnly && doc.Contract != nil && doc.governed() {
		g := &gov{doc: doc, c: doc.Contract, rules: rules, schemaRan: schemaRan}
		fs = append(fs, g.run()...)
	}
	fs = applySeverities(fs, rules.Policy)
	SortFindings(fs)
	return fs
}

// governed reports whether governance applies: v3 contracts and documents
// whose version is missing or unknown (v2.2.x must be upgraded first).
func (d *Document) governed() bool {
	v, _ := schemaFor(d.APIVersion)
	return v != SchemaV222
}

// versionAndSchema checks apiVersion and validates the document against the
// matching official schema. schemaRan is false when no schema applies.
func (d *Document) versionAndSchema() (fs []Finding, schemaRan bool) {
	raw, present := d.value["apiVersion"]
	value := any(d.value)
	switch s, isString := raw.(string); {
	case !present || raw == nil:
		fs = append(fs, d.at(RuleAPIVersion, SeverityError, "apiVersion is missing",
			"add `apiVersion: "+APIVersion+"` at the top of the file"))
		value = withKey(d.value, "apiVersion", APIVersion)
		s = APIVersion
		fallthrough
	case isString:
		v, ok := schemaFor(s)
		if !ok {
			fs = append(fs, d.at(RuleAPIVersion, SeverityError,
				fmt.Sprintf("apiVersion %q is not a version DataEngOS reads (v3.2.0, v3.1.0, v3.0.x, v2.2.x)", s),
				"write `apiVersion: "+APIVersion+"`", "apiVersion"))
			return fs, false
		}
		if v == SchemaV222 {
			fs = append(fs, d.at(RuleUpgrade, SeverityWarning,
				fmt.Sprintf("apiVersion %s is ODCS v2; DataEngOS writes %s and checks governance only on v3 contracts", s, APIVersion),
				"upgrade with `dataeng-os upgrade "+d.File+"`", "apiVersion"))
		}
		sf := d.schemaFindings(v, value)
		if len(sf) == 0 && strings.HasPrefix(s, "v3.0.") && !validAs(SchemaV302, value) {
			sf = append(sf, d.at(RuleUpgrade, SeverityWarning,
				fmt.Sprintf("valid as %s, not as its declared %s (ODCS v3.0.x files are checked against %s, as Bitol's CI does)", SchemaV310, s, SchemaV310),
				"run `dataeng-os upgrade "+d.File+"` to declare v3.1.0", "apiVersion"))
		}
		return append(fs, sf...), true
	default:
		fs = append(fs, d.at(RuleAPIVersion, SeverityError,
			fmt.Sprintf("apiVersion must be a string such as %s, not %T", APIVersion, raw),
			"write `apiVersion: "+APIVersion+"`", "apiVersion"))
		return fs, false
	}
}

// withKey returns a shallow copy of m with k set to v.
func withKey(m map[string]any, k string, v any) map[string]any {
	out := make(map[string]any, len(m)+1)
	for kk, vv := range m {
		out[kk] = vv
	}
	out[k] = v
	return out
}

// overridable reports whether governance files may change a rule's
// severity. Input, YAML and JSON Schema findings are not negotiable: they
// keep the verdict identical to the official schema.
func overridable(rule string) bool {
	return strings.HasPrefix(rule, "gov-") || strings.HasPrefix(rule, "canvas-") || rule == RuleUpgrade
}

// applySeverities applies policy overrides and drops rules set to off.
func applySeverities(fs []Finding, p Policy) []Finding {
	if len(p.Rules) == 0 {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		if overridable(f.Rule) {
			f.Severity = p.Severity(f.Rule, f.Severity)
		}
		if f.Severity != SeverityOff {
			out = append(out, f)
		}
	}
	return out
}

// validAs reports whether value passes the embedded schema v: the quick
// checker's verdict when it is sure, the full validator's otherwise.
func validAs(v SchemaVersion, value any) bool {
	if q := quickSchemaFor(v); q != nil {
		if ok, sure := quickValid(q, value); sure {
			return ok
		}
	}
	sch, err := compiledSchema(v)
	return err == nil && sch.Validate(value) == nil
}
