package contract

import (
	"net/url"
	"strings"
	"sync"
)

// keysAtCache holds, per schema location, the keys allowed there.
var keysAtCache sync.Map // SchemaVersion + "#" + pointer → map[string]bool

// keysAt returns the property names the schema at schemaURL (an absolute,
// dereferenced location such as ...json#/$defs/SchemaObject) allows,
// following allOf/anyOf/oneOf/if/then/else/dependentSchemas and $ref, so
// that a key suggestion only names keys valid at that path. Nil when the
// location cannot be resolved.
func keysAt(v SchemaVersion, schemaURL string) map[string]bool {
	_, frag, _ := strings.Cut(schemaURL, "#")
	ck := string(v) + "#" + frag
	if got, ok := keysAtCache.Load(ck); ok {
		return got.(map[string]bool)
	}
	doc, err := schemaDoc(v, true)
	if err != nil {
		return nil
	}
	node := resolvePointer(doc, frag)
	if node == nil {
		return nil
	}
	set := map[string]bool{}
	collectAllowed(doc, node, set, 0)
	keysAtCache.Store(ck, set)
	return set
}

// resolvePointer follows a JSON pointer (RFC 6901, URL-escaped) in doc.
func resolvePointer(doc any, ptr string) any {
	if p, err := url.PathUnescape(ptr); err == nil {
		ptr = p
	}
	cur := doc
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		if tok == "" {
			continue
		}
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch x := cur.(type) {
		case map[string]any:
			cur = x[tok]
		case []any:
			i := 0
			for _, r := range tok {
				i = i*10 + int(r-'0')
			}
			if i < 0 || i >= len(x) {
				return nil
			}
			cur = x[i]
		default:
			return nil
		}
	}
	return cur
}

// collectAllowed adds the properties node (and the subschemas it combines)
// defines.
func collectAllowed(doc, node any, set map[string]bool, depth int) {
	m, ok := node.(map[string]any)
	if !ok || depth > 8 {
		return
	}
	if props, ok := m["properties"].(map[string]any); ok {
		for k := range props {
			set[k] = true
		}
	}
	if ref, ok := m["$ref"].(string); ok && strings.HasPrefix(ref, "#") {
		collectAllowed(doc, resolvePointer(doc, ref[1:]), set, depth+1)
	}
	for _, kw := range []string{"allOf", "anyOf", "oneOf"} {
		if list, ok := m[kw].([]any); ok {
			for _, c := range list {
				collectAllowed(doc, c, set, depth+1)
			}
		}
	}
	for _, kw := range []string{"if", "then", "else"} {
		collectAllowed(doc, m[kw], set, depth+1)
	}
	if deps, ok := m["dependentSchemas"].(map[string]any); ok {
		for _, c := range deps {
			collectAllowed(doc, c, set, depth+1)
		}
	}
}
