package contract

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/dataeng-os/dataeng-os/third_party/jsonschema"
	"github.com/dataeng-os/dataeng-os/third_party/jsonschema/kind"
)

// dropCascade removes "key not allowed" (unevaluatedProperties) errors that
// are only a side effect of another error in the same object: when a
// subschema fails, the keys it evaluated count as unevaluated. A key the
// schema defines somewhere is dropped in that case; an unknown key stays.
func dropCascade(v SchemaVersion, leaves []*jsonschema.ValidationError) []*jsonschema.ValidationError {
	known := knownKeys(v)
	cascade := func(l *jsonschema.ValidationError) bool {
		_, ok := l.ErrorKind.(*kind.FalseSchema)
		loc := l.InstanceLocation
		return ok && len(loc) > 0 && known[loc[len(loc)-1]]
	}
	// Every object that holds (or is) a real error, as a set, so that
	// thousands of errors in one document stay linear. The root counts only
	// for an error at the root itself.
	holds := map[string]bool{}
	for _, l := range leaves {
		if cascade(l) {
			continue
		}
		if len(l.InstanceLocation) == 0 {
			holds[""] = true
		}
		for k := 1; k <= len(l.InstanceLocation); k++ {
			holds[strings.Join(l.InstanceLocation[:k], "/")] = true
		}
	}
	if len(holds) == 0 {
		return leaves
	}
	out := leaves[:0]
	for _, l := range leaves {
		if cascade(l) && holds[strings.Join(l.InstanceLocation[:len(l.InstanceLocation)-1], "/")] {
			continue
		}
		out = append(out, l)
	}
	return out
}

var (
	knownOnce sync.Once
	known     map[SchemaVersion]map[string]bool
)

// knownKeys is every property name any definition of the schema declares.
func knownKeys(v SchemaVersion) map[string]bool {
	knownOnce.Do(func() {
		known = map[SchemaVersion]map[string]bool{}
		for sv := range schemas {
			set := map[string]bool{}
			data, _ := SchemaJSON(sv)
			var doc any
			_ = json.Unmarshal(data, &doc)
			collectKeys(doc, set)
			known[sv] = set
		}
	})
	return known[v]
}

func collectKeys(v any, set map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		if props, ok := x["properties"].(map[string]any); ok {
			for k := range props {
				set[k] = true
			}
		}
		for _, c := range x {
			collectKeys(c, set)
		}
	case []any:
		for _, c := range x {
			collectKeys(c, set)
		}
	}
}

// alternatives describes a oneOf/anyOf that no branch matched. When every
// branch wanted another type, it says which types would do.
func alternatives(e *jsonschema.ValidationError, v SchemaVersion) (msg, hint string) {
	var got, other string
	var want []string
	var walk func(*jsonschema.ValidationError)
	walk = func(c *jsonschema.ValidationError) {
		if len(c.Causes) == 0 && len(c.InstanceLocation) == len(e.InstanceLocation) {
			if t, ok := c.ErrorKind.(*kind.Type); ok {
				got = t.Got
				for _, w := range t.Want {
					if !slices.Contains(want, w) {
						want = append(want, w)
					}
				}
			} else if other == "" {
				other = kindMessage(c.ErrorKind)
			}
		}
		for _, cc := range c.Causes {
			walk(cc)
		}
	}
	walk(e)
	if other != "" {
		if loc := e.InstanceLocation; len(loc) > 0 && (loc[len(loc)-1] == "to" || loc[len(loc)-1] == "from" ||
			(len(loc) > 1 && (loc[len(loc)-2] == "to" || loc[len(loc)-2] == "from"))) {
			return other, "reference a property as `object.property` (or `schema/<id>/properties/<id>`)"
		}
		return other, "see the ODCS " + string(v) + " schema for this field"
	}
	if got != "" && len(want) > 0 {
		return fmt.Sprintf("got %s, want %s", got, strings.Join(want, " or ")),
			"change the value to type " + strings.Join(want, " or ")
	}
	return "the value matches none of the allowed forms (" + kindMessage(e.ErrorKind) + ")",
		"see the ODCS " + string(v) + " schema for this field"
}

// suggestKey proposes a key the schema defines that differs from key only
// in case or by at most two edits ("logicaltype" → "logicalType").
// v2Keys are ODCS v2 keys whose v3 form is not a spelling away: the hint
// for each.
var v2Keys = map[string]string{
	"isNullable":   "ODCS v3 writes `required` instead, the inverse: `isNullable: true` is `required: false`",
	"isUnique":     "ODCS v3 writes `unique: true`",
	"isPrimaryKey": "ODCS v3 writes `primaryKey: true`",
	"columns":      "ODCS v3 lists a table's columns under `properties`",
}

// keyHint is the hint for an unknown key: the v3 form of a v2 key, or the
// nearest valid key at that path ("" when none is close).
func keyHint(v SchemaVersion, key, schemaURL string) string {
	if h, ok := v2Keys[key]; ok && v != SchemaV222 {
		return h
	}
	if s := suggestKey(v, key, schemaURL); s != "" {
		return fmt.Sprintf("did you mean %q?", s)
	}
	return ""
}

func suggestKey(v SchemaVersion, key, schemaURL string) string {
	best, bestD := "", 3
	cands := keysAt(v, schemaURL)
	if len(cands) == 0 {
		cands = knownKeys(v)
	}
	for k := range cands {
		if k == key {
			continue // valid somewhere, but not here: never suggest the key itself
		}
		d := editDistance(strings.ToLower(key), strings.ToLower(k))
		if strings.EqualFold(k, key) {
			d = 0
		}
		if d < bestD || (d == bestD && best != "" && k < best) {
			best, bestD = k, d
		}
	}
	if len(key) < 4 && bestD > 0 {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance of two short strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
