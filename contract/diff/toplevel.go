package diff

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

// semver is a parsed MAJOR.MINOR.PATCH (a leading v, missing parts and
// pre-release or build suffixes are accepted; the suffix is ignored).
type semver struct{ major, minor, patch int }

func parseSemver(s string) (semver, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "v")
	if i := strings.IndexAny(s, "-+"); i >= 0 {
		s = s[:i]
	}
	parts := strings.Split(s, ".")
	if s == "" || len(parts) > 3 {
		return semver{}, false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return semver{}, false
		}
		n[i] = v
	}
	return semver{n[0], n[1], n[2]}, true
}

func (a semver) less(b semver) bool {
	if a.major != b.major {
		return a.major < b.major
	}
	if a.minor != b.minor {
		return a.minor < b.minor
	}
	return a.patch < b.patch
}

// majorOver reports a major bump from b; in 0.x a minor bump counts as
// major, as semver allows anything to change before 1.0.0.
func (a semver) majorOver(b semver) bool {
	if a.major > b.major {
		return true
	}
	return a.major == 0 && b.major == 0 && a.minor > b.minor
}

func (a semver) minorOver(b semver) bool {
	return a.major > b.major || (a.major == b.major && a.minor > b.minor)
}

// servers compares the top-level servers list, matched by `server` name.
func (d *differ) servers(oc, nc *contract.Contract) {
	olds, news := serverList(oc), serverList(nc)
	name := func(list []map[string]any) func(int) string {
		return func(i int) string { return show(list[i]["server"], true) }
	}
	m := match(len(olds), len(news), name(olds), name(news), nil)
	for _, pr := range m.pairs {
		o, n := olds[pr.old], news[pr.new]
		for _, k := range unionKeys(o, n) {
			if k == "description" || k == "server" {
				continue
			}
			ov, okO := o[k]
			nv, okN := n[k]
			if okO && okN && canon(ov) == canon(nv) {
				continue
			}
			at := path{}.idx("servers", pr.new).with(k)
			if !okN {
				at = path{}.idx("servers", pr.new)
			}
			d.emit(RuleServerChanged, Change{Field: "servers." + k, Property: name(news)(pr.new),
				Old: show(ov, okO), New: show(nv, okN),
				Message: fmt.Sprintf("server %q: %s changed", name(news)(pr.new), k)}, at)
		}
	}
	for _, i := range m.removed {
		d.removal(RuleServerRemoved, Change{Field: "servers", Old: name(olds)(i),
			Message: fmt.Sprintf("server %q was removed", name(olds)(i))}, path{}.idx("servers", i), path{"servers"})
	}
	for _, j := range m.added {
		d.emit(RuleServerAdded, Change{Field: "servers", New: name(news)(j),
			Message: fmt.Sprintf("server %q added", name(news)(j))}, path{}.idx("servers", j))
	}
}

func serverList(c *contract.Contract) []map[string]any {
	list, _ := c.Extra["servers"].([]any)
	out := make([]map[string]any, 0, len(list))
	for _, v := range list {
		m, _ := v.(map[string]any)
		if m == nil {
			m = map[string]any{}
		}
		out = append(out, m)
	}
	return out
}

func unionKeys(a, b map[string]any) []string {
	seen := map[string]bool{}
	var keys []string
	for _, m := range []map[string]any{a, b} {
		for k := range m {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}

// canon renders a value for equality (fmt sorts map keys).
func canon(v any) string { return fmt.Sprintf("%#v", v) }

func show(v any, ok bool) string {
	if !ok || v == nil {
		return ""
	}
	switch x := v.(type) {
	case string:
		return x
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = show(e, true)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return fmt.Sprint(v)
}

// slas compares freshness-like SLA entries matched by property and element:
// a lower latency or freshness, or a shorter retention, is tighter.
// Values in units not understood are skipped.
func (d *differ) slas(oc, nc *contract.Contract) {
	key := func(list []contract.SLAProperty) func(int) string {
		return func(i int) string {
			return strings.ToLower(list[i].Property) + "|" + strings.ToLower(list[i].Element)
		}
	}
	m := match(len(oc.SLAProperties), len(nc.SLAProperties), key(oc.SLAProperties), key(nc.SLAProperties), nil)
	for _, pr := range m.pairs {
		o, n := oc.SLAProperties[pr.old], nc.SLAProperties[pr.new]
		prop := strings.ToLower(n.Property)
		if prop != "latency" && prop != "freshness" && prop != "retention" {
			continue
		}
		d.sla(o, n, path{}.idx("slaProperties", pr.new).with("value"))
	}
}

// sla compares one matched SLA entry: a shorter duration is tighter, a
// longer one a relaxation.
func (d *differ) sla(o, n contract.SLAProperty, at path) {
	olds, okO := seconds(o.Value, o.Unit)
	news, okN := seconds(n.Value, n.Unit)
	if !okO || !okN || olds == news {
		return
	}
	c := Change{Field: "slaProperties." + n.Property, Property: n.Element, Old: slaText(o), New: slaText(n)}
	if news > olds {
		c.Message = fmt.Sprintf("SLA %s relaxed: %s → %s", n.Property, c.Old, c.New)
		d.emit(RuleConstraintRelaxed, c, at)
		return
	}
	c.Message = fmt.Sprintf("SLA %s tightened: %s → %s", n.Property, c.Old, c.New)
	d.emit(RuleSLATightened, c, at)
}

func slaText(s contract.SLAProperty) string {
	return strings.TrimSpace(show(s.Value, true) + " " + s.Unit)
}

// seconds converts an SLA value and unit to seconds.
func seconds(v any, unit string) (float64, bool) {
	f, ok := number(v)
	if !ok {
		return 0, false
	}
	var mult float64
	switch strings.ToLower(strings.TrimSpace(unit)) {
	case "s", "sec", "secs", "second", "seconds":
		mult = 1
	case "m", "min", "mins", "minute", "minutes":
		mult = 60
	case "h", "hr", "hrs", "hour", "hours":
		mult = 3600
	case "", "d", "day", "days":
		mult = 86400
	case "w", "week", "weeks":
		mult = 7 * 86400
	case "month", "months":
		mult = 30 * 86400
	case "y", "yr", "yrs", "year", "years":
		mult = 365 * 86400
	default:
		return 0, false
	}
	return f * mult, true
}

// number reads an int64, float64 or numeric string.
func number(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, x == x
	case int:
		return float64(x), true
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		return f, err == nil && f == f
	}
	return 0, false
}
