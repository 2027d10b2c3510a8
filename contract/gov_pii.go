package contract

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// piiReason says why a property counts as PII ("" when it does not).
func (g *gov) piiReason(p Property) (reason string, byName bool) {
	pol := g.rules.Policy.PII
	cls := strings.ToLower(strings.TrimSpace(p.Classification))
	switch {
	case cls != "" && containsFold(pol.Classifications, cls):
		return fmt.Sprintf("classification %q", p.Classification), false
	case pol.Tag != "" && containsFold(p.Tags, pol.Tag):
		return fmt.Sprintf("tag %q", pol.Tag), false
	case customTrue(p.CustomProperties, "pii"):
		return "customProperty pii: true", false
	}
	if g.piiNames == nil && len(pol.NamePatterns) > 0 {
		g.piiNames = matcherFor(pol.NamePatterns, pol.PersonWords(), pol.Qualifiers())
	}
	if g.piiNames == nil {
		return "", false
	}
	if why := g.piiMatch(p.Name, g.context()); why != "" {
		return "its name matches " + why, true
	}
	return "", false
}

// context is the nearest enclosing name of the property being checked: its
// parent property, or its schema object.
func (g *gov) context() string {
	for i := len(g.ctx) - 1; i >= 0; i-- {
		if g.ctx[i] != "" {
			return g.ctx[i]
		}
	}
	return ""
}

// NameLooksLikePII returns the first pattern that name matches on word
// boundaries (snake_case or camelCase words), or "": "first_name" matches
// "customer_first_name", "rg" does not match "merge_flag". A one-word
// pattern also matches its plural ("emails"). A person-name word of the
// default policy ("name", "nome") matches only next to a person qualifier:
// "customer_name" and "nome_completo" match, "produto_nome" and "name"
// alone do not (use the validator for the object context).
func NameLooksLikePII(name string, patterns []string) string {
	if len(patterns) == 0 || name == "" {
		return ""
	}
	m := matcherFor(patterns, DefaultPersonNameWords, DefaultPersonQualifiers)
	if best, _ := m.find(tokens(name), nil); best >= 0 {
		return m.patterns[best]
	}
	return ""
}

// match says which pattern name matches, quoted, and for a person-name word
// what qualifies it ("" when none matches). ctx is the enclosing object or
// property name: a bare person-name word ("name") is PII when ctx names
// people ("customers", "dim_customer", "requester").
func (m *piiMatcher) match(name, ctx string) string {
	var ctxTok []string
	if ctx != "" {
		ctxTok = tokens(ctx)
	}
	return m.describe(m.find(tokens(name), ctxTok))
}

// piiMatch is g.piiNames.match without its allocations: the context's
// tokens are kept while the context stays (the properties of one object
// share it) and the name is split into a reused buffer.
func (g *gov) piiMatch(name, ctx string) string {
	if !g.ctxTokOK || g.ctxName != ctx {
		g.ctxName, g.ctxTok, g.ctxTokOK = ctx, nil, true
		if ctx != "" {
			g.ctxTok = tokens(ctx)
		}
	}
	g.nameTok = appendTokens(g.nameTok[:0], name)
	return g.piiNames.describe(g.piiNames.find(g.nameTok, g.ctxTok))
}

// describe writes find's answer as match returns it.
func (m *piiMatcher) describe(best int, qual string) string {
	switch {
	case best < 0:
		return ""
	case qual != "":
		return fmt.Sprintf("%q (%s)", m.patterns[best], qual)
	}
	return fmt.Sprintf("%q", m.patterns[best])
}

// find returns the index of the first pattern (in policy order) that the
// name tokens nt match, and for a person-name word the qualifier found.
func (m *piiMatcher) find(nt, ctx []string) (best int, qual string) {
	best = -1
	for i, t := range nt {
		for _, pi := range m.byFirst[t] {
			if best >= 0 && pi >= best {
				continue
			}
			pt := m.tokens[pi]
			if len(pt) > 1 && !containsTokens(nt[i:i+min(len(pt), len(nt)-i)], pt) {
				continue
			}
			if m.person[pi] {
				q := m.qualifier(nt, i, ctx)
				if q == "" {
					continue
				}
				qual = q
			} else {
				qual = ""
			}
			best = pi
		}
	}
	return best, qual
}

// personStopWords may sit between a person-name word and its qualifier
// ("nome_do_cliente", "name_of_customer").
var personStopWords = map[string]bool{"de": true, "do": true, "da": true, "dos": true, "das": true, "del": true, "of": true, "the": true}

// qualifier returns why the person-name word at nt[i] names a person: a
// qualifier next to it, or, when it is the whole name, the last word of
// the enclosing name ctx. "" when neither holds.
func (m *piiMatcher) qualifier(nt []string, i int, ctx []string) string {
	for _, step := range []int{-1, 1} {
		for j := i + step; j >= 0 && j < len(nt); j += step {
			if personStopWords[nt[j]] {
				continue
			}
			if m.isQualifier(nt[j]) {
				return "next to " + strconv.Quote(nt[j])
			}
			break
		}
	}
	if len(nt) != 1 {
		return ""
	}
	for j := len(ctx) - 1; j >= 0; j-- {
		if versionish(ctx[j]) {
			continue
		}
		if m.isQualifier(ctx[j]) {
			return "on " + strconv.Quote(strings.Join(ctx, "_"))
		}
		break
	}
	return ""
}

// isQualifier matches a person qualifier and its plural (customers,
// clientes, usuarios).
func (m *piiMatcher) isQualifier(t string) bool {
	if m.qualifiers[t] {
		return true
	}
	if s, ok := strings.CutSuffix(t, "es"); ok && m.qualifiers[s] {
		return true
	}
	if s, ok := strings.CutSuffix(t, "s"); ok && m.qualifiers[s] {
		return true
	}
	return false
}

// versionish reports a name word such as "v2", "2024" or "raw" that says
// nothing about what a row is.
func versionish(t string) bool {
	if t == "raw" || t == "latest" || t == "current" {
		return true
	}
	t = strings.TrimPrefix(t, "v")
	if t == "" {
		return false
	}
	for _, r := range t {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// piiMatcher indexes name patterns by their first word (and the plurals
// of one-word patterns).
type piiMatcher struct {
	patterns   []string
	tokens     [][]string
	byFirst    map[string][]int
	person     map[int]bool // one-word patterns that are person-name words
	qualifiers map[string]bool
}

var (
	matchersMu sync.Mutex
	matchers   = map[string]*piiMatcher{} // joined patterns → matcher
)

// lastMatcher is the matcher built for the last lists asked for: every
// file of a run passes the same rule lists, so the joined key (a few
// hundred bytes per file) is built only when they change. The lists are
// compared by content (a list changed in place is not a stale hit).
var lastMatcher atomic.Pointer[matcherEntry]

type matcherEntry struct {
	lists [3][]string
	m     *piiMatcher
}

func matcherFor(patterns, personWords, qualifiers []string) *piiMatcher {
	if e := lastMatcher.Load(); e != nil && slices.Equal(e.lists[0], patterns) &&
		slices.Equal(e.lists[1], personWords) && slices.Equal(e.lists[2], qualifiers) {
		return e.m
	}
	m := matcherForKey(patterns, personWords, qualifiers)
	lastMatcher.Store(&matcherEntry{lists: [3][]string{slices.Clone(patterns), slices.Clone(personWords), slices.Clone(qualifiers)}, m: m})
	return m
}

func matcherForKey(patterns, personWords, qualifiers []string) *piiMatcher {
	key := strings.Join(patterns, "\x00") + "\x01" + strings.Join(personWords, "\x00") + "\x01" + strings.Join(qualifiers, "\x00")
	matchersMu.Lock()
	defer matchersMu.Unlock()
	if m, ok := matchers[key]; ok {
		return m
	}
	if len(matchers) > 64 {
		clear(matchers)
	}
	m := &piiMatcher{patterns: slices.Clone(patterns), byFirst: map[string][]int{}, person: map[int]bool{}, qualifiers: map[string]bool{}}
	for _, q := range qualifiers {
		m.qualifiers[strings.ToLower(strings.TrimSpace(q))] = true
	}
	for i, p := range patterns {
		pt := tokens(p)
		m.tokens = append(m.tokens, pt)
		if len(pt) == 0 {
			continue
		}
		m.byFirst[pt[0]] = append(m.byFirst[pt[0]], i)
		if len(pt) == 1 {
			m.byFirst[pt[0]+"s"] = append(m.byFirst[pt[0]+"s"], i)
			m.byFirst[pt[0]+"es"] = append(m.byFirst[pt[0]+"es"], i)
			m.person[i] = containsFold(personWords, pt[0])
		}
	}
	matchers[key] = m
	return m
}

// pii checks classification values and the fields a PII property must
// carry.
func (g *gov) pii(p Property, path []string) {
	pol := g.rules.Policy.PII
	if p.Classification != "" && len(pol.AllowedClassifications) > 0 && !containsFold(pol.AllowedClassifications, p.Classification) {
		g.add(RuleClassification, SeverityError,
			fmt.Sprintf("classification %q of %q is not one of %s", p.Classification, p.Name, strings.Join(pol.AllowedClassifications, ", ")),
			"use a classification from specs/governance/policy.json", append(slices.Clip(path), "classification")...)
	}
	reason, byName := g.piiReason(p)
	if reason == "" {
		return
	}
	if p.Classification == "" {
		msg := fmt.Sprintf("property %q looks like PII (%s) but has no classification: classify it", p.Name, reason)
		if !byName {
			msg = fmt.Sprintf("property %q is marked as PII (%s) but has no classification", p.Name, reason)
		}
		g.add(RulePIIUnclassified, SeverityError, msg,
			"add `classification: pii` (or `public`/`internal` if it is not personal data)", path...)
		if byName {
			return
		}
	} else if byName {
		return // classified by a human as not PII
	}
	g.piiFields(p, path, reason)
}

func (g *gov) piiFields(p Property, path []string, reason string) {
	pol := g.rules.Policy.PII
	if pol.RequireDescription && strings.TrimSpace(p.Description) == "" {
		g.add(RulePIIDescription, SeverityError, fmt.Sprintf("PII property %q (%s) has no description", p.Name, reason),
			"add `description:` saying what personal data it holds", path...)
	}
	if pol.RequireCriticalDataElement && !p.CriticalDataElement {
		g.add(RulePIICritical, SeverityWarning, fmt.Sprintf("PII property %q is not marked as a critical data element", p.Name),
			"add `criticalDataElement: true`", path...)
	}
	if pol.MaskingProperty == "" {
		return
	}
	m, ok := g.masking(p, path)
	switch {
	case !ok:
		g.add(RulePIIMasking, SeverityWarning, fmt.Sprintf("PII property %q does not say how it is masked", p.Name),
			fmt.Sprintf("add `customProperties: [{property: %s, value: %s}]`, a tag such as %q, or `encryptedName:`",
				pol.MaskingProperty, strings.Join(pol.MaskingValues, "|"), first(pol.MaskingTagList())), path...)
	case m.value != "" && len(pol.MaskingValues) > 0 && !maskingAllowed(pol.MaskingValues, m.value):
		g.add(RulePIIMasking, SeverityError, fmt.Sprintf("%s %q of %q is not one of %s", m.key, m.value, p.Name, strings.Join(pol.MaskingValues, ", ")),
			"use a masking value from specs/governance/policy.json", m.path...)
	}
}

// maskingInfo is where a property says how it is masked.
type maskingInfo struct {
	key, value string   // value "" for a tag or encryptedName
	path       []string // location of the value
}

// masking finds how p is masked, in the ways contracts write it: a
// masking key (maskingProperty, then maskingProperties) as a custom
// property or as a key of the property itself, a masking tag (or a
// `key:value` tag with a masking key), or ODCS's encryptedName.
func (g *gov) masking(p Property, path []string) (maskingInfo, bool) {
	pol := g.rules.Policy.PII
	keys := pol.MaskingKeys()
	for _, k := range keys {
		if k == "" {
			continue
		}
		if v, i, ok := customValue(p.CustomProperties, k); ok && !blank(v) {
			return maskingInfo{p.CustomProperties[i].Property, maskValueString(v),
				append(slices.Clip(path), "customProperties", fmt.Sprint(i), "value")}, true
		}
		for ek, v := range p.Extra {
			if strings.EqualFold(ek, k) && !blank(v) {
				return maskingInfo{ek, maskValueString(v), append(slices.Clip(path), ek)}, true
			}
		}
	}
	for i, t := range p.Tags {
		tk, tv, hasValue := strings.Cut(t, ":")
		if !hasValue {
			tk, tv, hasValue = strings.Cut(t, "=")
		}
		switch {
		case hasValue && containsFold(keys, tk):
			return maskingInfo{strings.TrimSpace(tk), strings.TrimSpace(tv), append(slices.Clip(path), "tags", fmt.Sprint(i))}, true
		case !hasValue && containsStem(pol.MaskingTagList(), t):
			return maskingInfo{key: "tag"}, true
		}
	}
	if v, ok := p.Extra["encryptedName"].(string); ok && strings.TrimSpace(v) != "" {
		return maskingInfo{key: "encryptedName"}, true
	}
	return maskingInfo{}, false
}

func first(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[0]
}

// blank reports a missing or empty masking value, which says nothing.
func blank(v any) bool {
	s, isString := v.(string)
	return v == nil || isString && strings.TrimSpace(s) == ""
}

// maskValueString renders a masking value ("" for none or a collection, which
// is then not checked against the allowed values).
func maskValueString(v any) string {
	switch v.(type) {
	case nil, map[string]any, []any:
		return ""
	}
	return strings.TrimSpace(fmt.Sprint(v))
}

// maskingAllowed compares a masking value with the allowed ones by word
// stem: hashed = hash, pseudonymization = pseudonymize, tokenised = tokenize.
func maskingAllowed(allowed []string, v string) bool { return containsStem(allowed, v) }

func containsStem(list []string, s string) bool {
	st := maskingStem(s)
	for _, x := range list {
		if maskingStem(x) == st {
			return true
		}
	}
	return false
}

// maskingStem strips English verb and noun endings: "pseudonymisation",
// "pseudonymized" and "pseudonymize" all give "pseudonym".
func maskingStem(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, sfx := range []string{"ization", "isation", "ation", "ized", "ised", "izing", "ising", "ated", "ize", "ise", "ate", "ing", "ion", "ed", "s"} {
		if t, ok := strings.CutSuffix(s, sfx); ok && len(t) >= 3 {
			s = t
			break
		}
	}
	return strings.TrimSuffix(s, "e")
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(strings.TrimSpace(x), strings.TrimSpace(s)) {
			return true
		}
	}
	return false
}

// customValue finds a custom property by name.
func customValue(cps []CustomProperty, name string) (any, int, bool) {
	for i, cp := range cps {
		if strings.EqualFold(cp.Property, name) {
			return cp.Value, i, true
		}
	}
	return nil, -1, false
}

func customTrue(cps []CustomProperty, name string) bool {
	v, _, ok := customValue(cps, name)
	if !ok {
		return false
	}
	switch x := v.(type) {
	case bool:
		return x
	case string:
		return strings.EqualFold(x, "true") || strings.EqualFold(x, "yes")
	}
	return false
}
