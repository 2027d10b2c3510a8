package contract

import (
	"maps"
	"strconv"

	"github.com/dataeng-os/dataeng-os/third_party/jsonschema"
)

// The full JSON Schema validator is only run on a document the quick
// checker did not prove valid, and then it walks all of it: on a 9 MB
// contract with one wrong property it took 0.7 s and 400 MB. pruneValid
// hands it a copy without the list elements the quick checker proves
// valid, where dropping them cannot change any other result, and remap
// puts the error locations back. The findings are the same
// (FuzzPruneAgrees compares both).

// remap maps the locations of a pruned copy back to the document's.
type remap struct {
	index []int             // a pruned list: the copy's index → the original's
	kids  map[string]*remap // below, by the copy's token
}

// original is a location of the pruned copy in the document (a new
// slice: error locations may share their backing arrays).
func (r *remap) original(loc []string) []string {
	if r == nil {
		return loc
	}
	out := make([]string, len(loc))
	copy(out, loc)
	for i, tok := range loc {
		if r == nil {
			break
		}
		if r.index != nil {
			n, err := strconv.Atoi(tok)
			if err != nil || n < 0 || n >= len(r.index) {
				break
			}
			out[i] = strconv.Itoa(r.index[n])
		}
		r = r.kids[tok]
	}
	return out
}

// restore puts every location of an error tree back.
func (r *remap) restore(e *jsonschema.ValidationError) {
	if r == nil {
		return
	}
	e.InstanceLocation = r.original(e.InstanceLocation)
	for _, c := range e.Causes {
		r.restore(c)
	}
}

// pruneValid returns v without the prunable elements that are valid, and
// the remap (nil when nothing was dropped: v itself is returned).
func pruneValid(s *quickSchema, v any) (any, *remap) {
	return (&pruner{items: map[listKey]*quickSchema{}}).object(s, v)
}

// pruner remembers, per schema and key, the items schema listItems found
// (every element of a long list has the same schema).
type pruner struct {
	items map[listKey]*quickSchema
}

type listKey struct {
	s *quickSchema
	k string
}

func (pr *pruner) listItems(s *quickSchema, k string) *quickSchema {
	key := listKey{s, k}
	items, ok := pr.items[key]
	if !ok {
		items = listItems(applied(s, nil), k)
		pr.items[key] = items
	}
	return items
}

func (pr *pruner) object(s *quickSchema, v any) (any, *remap) {
	m, ok := v.(map[string]any)
	if !ok {
		return v, nil
	}
	var out map[string]any
	var r *remap
	for k, val := range m {
		list, isList := val.([]any)
		if !isList {
			continue
		}
		items := pr.listItems(s, k)
		if items == nil {
			continue
		}
		kept, sub := pr.list(items, list)
		if sub == nil {
			continue
		}
		if out == nil {
			out, r = maps.Clone(m), &remap{kids: map[string]*remap{}}
		}
		out[k], r.kids[k] = kept, sub
	}
	if out == nil {
		return v, nil
	}
	return out, r
}

// list drops the elements valid under items (and prunes the kept
// ones); nil remap when nothing changed.
func (pr *pruner) list(items *quickSchema, list []any) ([]any, *remap) {
	r := &remap{}
	kept := make([]any, 0, 8)
	changed := false
	for i, e := range list {
		if ok, sure := quickValid(items, e); ok && sure {
			changed = true
			continue
		}
		tok := strconv.Itoa(len(kept))
		pe, sub := pr.object(items, e)
		if sub != nil {
			changed = true
			if r.kids == nil {
				r.kids = map[string]*remap{}
			}
			r.kids[tok] = sub
		}
		kept = append(kept, pe)
		r.index = append(r.index, i)
	}
	if !changed {
		return list, nil
	}
	return kept, r
}

// applied is s and every schema that applies in place to the same
// instance through it ($ref, allOf, anyOf, oneOf, not, if/then/else,
// dependentSchemas).
func applied(s *quickSchema, acc []*quickSchema) []*quickSchema {
	if s == nil {
		return acc
	}
	for _, a := range acc {
		if a == s {
			return acc
		}
	}
	acc = append(acc, s)
	for _, c := range []*quickSchema{s.ref, s.not, s.ifS, s.thenS, s.elseS} {
		acc = applied(c, acc)
	}
	for _, l := range [][]*quickSchema{s.allOf, s.anyOf, s.oneOf} {
		for _, c := range l {
			acc = applied(c, acc)
		}
	}
	for _, d := range s.deps {
		acc = applied(d, acc)
	}
	return acc
}

// listItems is the items schema of key k's list when its elements can be
// judged one by one: exactly one schema of the closure defines k, as a
// plain list (items only, no count, uniqueness or other keyword), and no
// other one can see k's value (no additionalProperties, and
// unevaluatedProperties absent or false, which fails whatever the value).
func listItems(closure []*quickSchema, k string) *quickSchema {
	var owner *quickSchema
	for _, t := range closure {
		if p := t.prop(k); p != nil {
			if owner != nil {
				return nil
			}
			owner = p
			continue
		}
		if t.addl != nil || (t.uneval != nil && !t.uneval.isFalse) {
			return nil
		}
	}
	for owner != nil && owner.ref != nil && plainList(owner, true) {
		owner = owner.ref
	}
	if owner == nil || owner.items == nil || !plainList(owner, false) {
		return nil
	}
	return owner.items
}

// plainList reports a schema with nothing but a type of array (and, when
// viaRef, a $ref instead of items).
func plainList(s *quickSchema, viaRef bool) bool {
	if s.isFalse || (s.types != 0 && s.types != qtArray) || s.props != nil || s.required != nil || s.addl != nil ||
		s.uneval != nil || s.hasConst || s.enum != nil || s.allOf != nil || s.anyOf != nil || s.oneOf != nil ||
		s.not != nil || s.ifS != nil || s.deps != nil || s.minItems >= 0 || s.maxItems >= 0 || s.uniqueItems ||
		s.minimum != nil || s.exclMin != nil || s.pattern != nil {
		return false
	}
	if viaRef {
		return s.items == nil
	}
	return s.ref == nil
}
