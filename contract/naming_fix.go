package contract

import "strings"

// NameFix returns the name the naming rules ask for: a schema object's
// name (property false) or a property's, given its logicalType. It answers
// gov-naming-case and, for properties, gov-naming-timestamp and
// gov-naming-boolean, and lists the rules the new name satisfies, in that
// order. It returns name and no rules when nothing needs renaming, when a
// rule is switched off, or when the rename would not satisfy every naming
// rule at once (a name the case rules cannot spell, a reserved word). The
// fixer of `validate --fix` uses it, so a rename and the finding it answers
// cannot drift apart.
func (r Rules) NameFix(name, logicalType string, property bool) (string, []string) {
	if name == "" || r.SchemaOnly {
		return name, nil
	}
	g := &gov{rules: r}
	on := func(id string, def Severity) bool { return r.Policy.Severity(id, def) != SeverityOff }
	out, rules := name, []string(nil)
	if r.Naming.Case != "" && !g.nameFollowsCase(name) && on(RuleNamingCase, SeverityError) {
		out, rules = toCase(name, r.Naming.Case), []string{RuleNamingCase}
	}
	if property && !g.loaderName(name) {
		np := r.Naming.Properties
		lt := strings.ToLower(logicalType)
		if sfx := np.TimestampSuffixes(); len(sfx) > 0 && lt == "timestamp" && !hasAnySuffix(out, sfx) && on(RuleNamingTimestamp, SeverityWarning) {
			out, rules = timestampRename(out, np), append(rules, RuleNamingTimestamp)
		}
		if pre := np.AllBooleanPrefixes(); len(pre) > 0 && lt == "boolean" && !hasAnyPrefix(out, pre) && on(RuleNamingBoolean, SeverityWarning) {
			out, rules = booleanRename(out, np), append(rules, RuleNamingBoolean)
		}
	}
	if len(rules) == 0 || !r.nameClean(out, name) {
		return name, nil
	}
	return out, rules
}

// nameClean reports whether a rename to name passes the naming case and
// adds no reserved-word finding that old did not have.
func (r Rules) nameClean(name, old string) bool {
	g := &gov{rules: r}
	if name == "" || name == old || (r.Naming.Case != "" && !g.nameFollowsCase(name)) {
		return false
	}
	reserved := reservedSet(r.Naming.ReservedWords)
	return !reserved[strings.ToLower(name)] || reserved[strings.ToLower(old)]
}
