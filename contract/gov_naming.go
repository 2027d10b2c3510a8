package contract

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

var caseRE = map[string]*lazyre.Regexp{
	"snake_case": lazyre.New(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`),
	"camelCase":  lazyre.New(`^[a-z][a-zA-Z0-9]*$`),
	"PascalCase": lazyre.New(`^[A-Z][a-zA-Z0-9]*$`),
	"kebab-case": lazyre.New(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`),
}

// name checks a schema object or property name against the naming case and
// the reserved words; findings point at base's "name" key. Items of an
// array may have no name.
func (g *gov) name(name, what string, base []string) {
	if name == "" {
		return
	}
	n := g.rules.Naming
	if !g.nameFollowsCase(name) {
		g.add(RuleNamingCase, SeverityError, fmt.Sprintf("%s name %q is not %s", what, name, n.Case),
			fmt.Sprintf("rename it to %q", toCase(name, n.Case)), append(slices.Clip(base), "name")...)
	}
	if g.reserved == nil {
		g.reserved = reservedSet(n.ReservedWords)
	}
	if g.reserved[strings.ToLower(name)] {
		g.add(RuleNamingReserved, SeverityError, fmt.Sprintf("%s name %q is a reserved SQL word", what, name),
			fmt.Sprintf("rename it, e.g. %q", name+"_value"), append(slices.Clip(base), "name")...)
	}
}

// typedNaming checks the `_at` (or `_em`) suffix of timestamps and the
// is_/has_ (or eh_/tem_) prefixes of booleans. A name that breaks the naming case is judged by its
// renamed form (`updatedAt` → `updated_at`): when that rename already fixes
// the suffix or prefix, the naming-case finding says it all.
func (g *gov) typedNaming(p Property, path []string) {
	np := g.rules.Naming.Properties
	if p.Name == "" {
		return
	}
	lt := strings.ToLower(p.LogicalType)
	if lt != "timestamp" && lt != "boolean" || g.loaderName(p.Name) {
		return // only these two types have a naming rule; a loader chose its own names
	}
	namePath := append(slices.Clip(path), "name")
	base := g.caseRename(p.Name)
	if sfx := np.TimestampSuffixes(); len(sfx) > 0 && lt == "timestamp" && !hasAnySuffix(base, sfx) {
		g.add(RuleNamingTimestamp, SeverityWarning, fmt.Sprintf("timestamp property %q does not end with %s", p.Name, quotedOr(sfx)),
			fmt.Sprintf("rename it to %q", timestampRename(base, np)), namePath...)
	}
	if pre := np.AllBooleanPrefixes(); len(pre) > 0 && lt == "boolean" && !hasAnyPrefix(base, pre) {
		g.add(RuleNamingBoolean, SeverityWarning,
			fmt.Sprintf("boolean property %q does not start with %s", p.Name, strings.Join(pre, " or ")),
			fmt.Sprintf("rename it to %q", booleanRename(base, np)), namePath...)
	}
}

// caseRename returns name as the naming-case rule asks to rename it, or
// name itself when it follows the case or that rule is off.
func (g *gov) caseRename(name string) string {
	c := g.rules.Naming.Case
	if c == "" || g.nameFollowsCase(name) || g.rules.Policy.Severity(RuleNamingCase, SeverityError) == SeverityOff {
		return name
	}
	return toCase(name, c)
}

// nameFollowsCase reports whether name follows the naming case, accepting
// loader-owned names (allowedPrefixes) and, in snake_case, dbt's `__`
// separator when allowDoubleUnderscore is on.
func (g *gov) nameFollowsCase(name string) bool {
	n := g.rules.Naming
	if matchesCase(name, n.Case) || g.loaderName(name) {
		return true
	}
	if n.Case != "snake_case" || !n.DoubleUnderscore() || !strings.Contains(name, "__") {
		return false
	}
	for _, part := range strings.Split(name, "__") {
		if part == "" || !matchesCase(part, "snake_case") {
			return false
		}
	}
	return true
}

// loaderName reports whether name starts with one of the naming file's
// allowedPrefixes (`_dlt_load_id`, `_airbyte_raw_id`, `_id`).
func (g *gov) loaderName(name string) bool {
	for _, p := range g.rules.Naming.Prefixes() {
		if p != "" && strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// NameTokens splits a name into lower-case words at underscores, hyphens,
// spaces, dots and camelCase boundaries: "customerEmail_address" →
// [customer email address]. The validator's naming and PII rules use it;
// the Architect uses it to find a field named in prose.
func NameTokens(name string) []string { return tokens(name) }

func tokens(name string) []string {
	if isSnakeASCII(name) {
		return strings.Split(name, "_")
	}
	return tokensSlow(name)
}

// appendTokens appends the tokens of name to dst; a snake_case name is
// split without allocating.
func appendTokens(dst []string, name string) []string {
	if !isSnakeASCII(name) {
		return append(dst, tokensSlow(name)...)
	}
	for {
		i := strings.IndexByte(name, '_')
		if i < 0 {
			return append(dst, name)
		}
		dst = append(dst, name[:i])
		name = name[i+1:]
	}
}

func tokensSlow(name string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
		case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(rs[i-1]) || (i+1 < len(rs) && unicode.IsLower(rs[i+1]))):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	return out
}

// toCase suggests name rewritten in the given case.
func toCase(name, c string) string {
	ts := tokens(name)
	if len(ts) == 0 {
		return name
	}
	switch c {
	case "camelCase", "PascalCase":
		for i := range ts {
			if i > 0 || c == "PascalCase" {
				ts[i] = strings.ToUpper(ts[i][:1]) + ts[i][1:]
			}
		}
		return strings.Join(ts, "")
	case "kebab-case":
		return strings.Join(ts, "-")
	}
	s := strings.Join(ts, "_")
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		s = "n_" + s
	}
	return s
}

// containsTokens reports whether pattern's tokens occur as a contiguous
// run in name's tokens: "first_name" matches "customer_first_name", "rg"
// does not match "merge_flag".
func containsTokens(name, pattern []string) bool {
	if len(pattern) == 0 {
		return false
	}
	for i := 0; i+len(pattern) <= len(name); i++ {
		if slices.Equal(name[i:i+len(pattern)], pattern) {
			return true
		}
	}
	return false
}

// isSnakeASCII reports a lower-case ASCII snake_case name (the fast path of
// tokens).
func isSnakeASCII(s string) bool {
	if s == "" || s[0] == '_' || s[len(s)-1] == '_' || strings.Contains(s, "__") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// matchesCase reports whether name follows the naming case ("" or an
// unknown case: no check). snake_case, the default, skips the regexp.
func matchesCase(name, c string) bool {
	if c == "snake_case" {
		return name[0] >= 'a' && name[0] <= 'z' && isSnakeASCII(name)
	}
	re := caseRE[c]
	return re == nil || re.MatchString(name)
}

var (
	reservedMu   sync.Mutex
	reservedSets = map[string]map[string]bool{}
)

// lastReserved is the set built for the last list asked for (see
// lastMatcher).
var lastReserved atomic.Pointer[reservedEntry]

type reservedEntry struct {
	words []string
	set   map[string]bool
}

// reservedSet returns the lower-cased reserved words as a set (cached).
func reservedSet(words []string) map[string]bool {
	if e := lastReserved.Load(); e != nil && slices.Equal(e.words, words) {
		return e.set
	}
	set := reservedSetKey(words)
	lastReserved.Store(&reservedEntry{words: slices.Clone(words), set: set})
	return set
}

func reservedSetKey(words []string) map[string]bool {
	key := strings.Join(words, "\x00")
	reservedMu.Lock()
	defer reservedMu.Unlock()
	if s, ok := reservedSets[key]; ok {
		return s
	}
	if len(reservedSets) > 64 {
		clear(reservedSets)
	}
	s := make(map[string]bool, len(words))
	for _, w := range words {
		s[strings.ToLower(w)] = true
	}
	reservedSets[key] = s
	return s
}
