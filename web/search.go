package web

import (
	"strings"
)

// Search filters the catalog by a query. Words are ANDed; each matches
// case-insensitively as a substring. A word may name a field:
//
//	name:orders  id:…  domain:sales  owner:crm-team  tag:finance
//	column:email (or col:)  object:…  status:active  pii:yes|no  has:pii
//
// A bare word matches any of those fields and the file name.
func Search(all []Entry, q string) []Entry {
	words := strings.Fields(strings.ToLower(q))
	if len(words) == 0 {
		return all
	}
	var out []Entry
	for _, e := range all {
		if matchAll(e, words) {
			out = append(out, e)
		}
	}
	return out
}

func matchAll(e Entry, words []string) bool {
	for _, w := range words {
		if !matchWord(e, w) {
			return false
		}
	}
	return true
}

func matchWord(e Entry, w string) bool {
	field, val, ok := strings.Cut(w, ":")
	if !ok || val == "" {
		return anyContains(w, e.File, e.ID, e.Name, e.Domain, e.Owner, e.Status) ||
			anyContains(w, e.Tags...) || anyContains(w, e.Columns...) || anyContains(w, e.Objects...)
	}
	switch field {
	case "name":
		return anyContains(val, e.Name, e.File)
	case "id":
		return anyContains(val, e.ID)
	case "domain":
		return anyContains(val, e.Domain)
	case "owner", "team":
		return anyContains(val, e.Owner)
	case "tag":
		return anyContains(val, e.Tags...)
	case "column", "col":
		return anyContains(val, e.Columns...)
	case "object", "table":
		return anyContains(val, e.Objects...)
	case "status":
		return anyContains(val, e.Status)
	case "pii":
		return e.HasPII == (val == "yes" || val == "true" || val == "1")
	case "has":
		return val == "pii" && e.HasPII
	case "valid":
		return e.Valid == (val == "yes" || val == "true" || val == "1")
	}
	return anyContains(w, e.File, e.Name)
}

func anyContains(w string, vals ...string) bool {
	for _, v := range vals {
		if strings.Contains(strings.ToLower(v), w) {
			return true
		}
	}
	return false
}
