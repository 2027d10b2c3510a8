package contract

import "slices"

// optimizeSchema rewrites a decoded official schema into an equivalent one
// that validates faster. It is applied in memory at compile time; the
// embedded files stay byte-identical to upstream.
//
// ODCS v3.1.0's SchemaBaseProperty carries seven `if logicalType == X then
// {properties: {logicalTypeOptions, properties, items: ...}}` clauses,
// evaluated for every property of every table. Such a clause is vacuous
// unless one of the keys its `then` constrains is present, so it moves
// under `dependentSchemas: {<key>: {allOf: [clause]}}` for each of those
// keys: the verdict, the errors and the evaluated-property annotations
// (unevaluatedProperties) stay the same, and the usual property with none
// of those keys skips all seven. TestOptimizedSchemaEquivalent compares
// the published and the optimised schema on the examples, the bad corpus
// and every logicalType × options × nesting combination.
func optimizeSchema(doc any) bool {
	base := dig(doc, "$defs", "SchemaBaseProperty")
	if base == nil || base["dependentSchemas"] != nil {
		return false
	}
	allOf, _ := base["allOf"].([]any)
	deps := map[string]any{}
	var keep []any
	for _, c := range allOf {
		keys := thenOnlyConstrains(c)
		if keys == nil {
			keep = append(keep, c)
			continue
		}
		for _, k := range keys {
			dep, _ := deps[k].(map[string]any)
			if dep == nil {
				dep = map[string]any{"allOf": []any{}}
				deps[k] = dep
			}
			dep["allOf"] = append(dep["allOf"].([]any), c)
		}
	}
	if len(deps) == 0 {
		return false
	}
	base["allOf"] = keep
	base["dependentSchemas"] = deps
	return true
}

// thenOnlyConstrains returns the keys K of a clause {if: ..., then:
// {properties: {K...}}} with nothing else; such a clause is vacuous unless
// one of K is present. It returns nil for any other clause.
func thenOnlyConstrains(c any) []string {
	m, ok := c.(map[string]any)
	if !ok || len(m) != 2 || m["if"] == nil {
		return nil
	}
	then, ok := m["then"].(map[string]any)
	if !ok || len(then) != 1 {
		return nil
	}
	tp, ok := then["properties"].(map[string]any)
	if !ok || len(tp) == 0 {
		return nil
	}
	keys := make([]string, 0, len(tp))
	for k := range tp {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func dig(v any, keys ...string) map[string]any {
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[k]
	}
	m, _ := v.(map[string]any)
	return m
}
