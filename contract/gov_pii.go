package contract

import (
	"fmt"
	"slices"
	"strings"
	"sync"
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
		g.piiNames = matcherFor(pol.NamePatterns)
	}
	if g.piiNames == nil {
		return "", false
	}
	if pat := g.piiNames.match(p.Name); pat != "" {
		return fmt.Sprintf("its name matches %q", pat), true
	}
	return "", false
}

// NameLooksLikePII returns the first pattern that name matches on word
// boundaries (snake_case or camelCase words), or "": "first_name" matches
// "customer_first_name", "rg" does not match "merge_flag". A one-word
// pattern also matches its plural ("emails").
func NameLooksLikePII(name string, patterns []string) string {
	if len(patterns) == 0 || name == "" {
		return ""
	}
	return matcherFor(patterns).match(name)
}

// match returns the first pattern (in policy order) that name matches.
func (m *piiMatcher) match(name string) string {
	nt := tokens(name)
	best := -1
	for i, t := range nt {
		for _, pi := range m.byFirst[t] {
			pt := m.tokens[pi]
			if (best < 0 || pi < best) && (len(pt) == 1 || containsTokens(nt[i:i+min(len(pt), len(nt)-i)], pt)) {
				best = pi
			}
		}
	}
	if best >= 0 {
		return m.patterns[best]
	}
	return ""
}

// piiMatcher indexes name patterns by their first word (and the plurals
// of one-word patterns).
type piiMatcher struct {
	patterns []string
	tokens   [][]string
	byFirst  map[string][]int
}

var (
	matchersMu sync.Mutex
	matchers   = map[string]*piiMatcher{} // joined patterns → matcher
)

func matcherFor(patterns []string) *piiMatcher {
	key := strings.Join(patterns, "\x00")
	matchersMu.Lock()
	defer matchersMu.Unlock()
	if m, ok := matchers[key]; ok {
		return m
	}
	if len(matchers) > 64 {
		clear(matchers)
	}
	m := &piiMatcher{patterns: slices.Clone(patterns), byFirst: map[string][]int{}}
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
		}
	}
	matchers[key] = m
	return m
}

// pii checks classification values and the fields a PII property must
// carry.
func (g *gov) pii(p Property, path []string) {
	pol := g.rules.Policy.PII
	clsPath := append(slices.Clip(path), "classification")
	if p.Classification != "" && len(pol.AllowedClassifications) > 0 && !containsFold(pol.AllowedClassifications, p.Classification) {
		g.add(RuleClassification, SeverityError,
			fmt.Sprintf("classification %q of %q is not one of %s", p.Classification, p.Name, strings.Join(pol.AllowedClassifications, ", ")),
			"use a classification from specs/governance/policy.json", clsPath...)
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
	v, i, ok := customValue(p.CustomProperties, pol.MaskingProperty)
	switch {
	case !ok:
		g.add(RulePIIMasking, SeverityError, fmt.Sprintf("PII property %q does not say how it is masked", p.Name),
			fmt.Sprintf("add `customProperties: [{property: %s, value: %s}]`", pol.MaskingProperty, strings.Join(pol.MaskingValues, "|")), path...)
	case len(pol.MaskingValues) > 0 && !containsFold(pol.MaskingValues, fmt.Sprint(v)):
		g.add(RulePIIMasking, SeverityError, fmt.Sprintf("masking %q of %q is not one of %s", fmt.Sprint(v), p.Name, strings.Join(pol.MaskingValues, ", ")),
			"use a masking value from specs/governance/policy.json",
			append(slices.Clip(path), "customProperties", fmt.Sprint(i), "value")...)
	}
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
