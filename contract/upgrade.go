package contract

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// Upgrade converts a parsed ODCS v2.2.x (or v3.0.x) document to a v3.1.0
// contract. It is pure: warnings say what could not be carried over as is
// (credentials are dropped; v2 fields without a v3 home are kept as
// customProperties). A v3.0.x contract gets the new apiVersion and its
// deprecated team array becomes a team object.
func Upgrade(doc *Document) (*Contract, []string, error) {
	if doc == nil || doc.value == nil {
		return nil, nil, errors.New("upgrade: no document")
	}
	switch v, _ := schemaFor(doc.APIVersion); {
	case v == SchemaV310 && doc.APIVersion != APIVersion && doc.Contract != nil:
		return upgradeV30(doc.Contract)
	case v != SchemaV222:
		return nil, nil, fmt.Errorf("upgrade %s: apiVersion %q is not v2.2.x or v3.0.x", doc.File, doc.APIVersion)
	}
	u := &upgrader{src: doc.value}
	c := u.contract()
	return c, u.warnings, nil
}

type upgrader struct {
	src      map[string]any
	used     map[string]bool
	warnings []string
}

func (u *upgrader) str(m map[string]any, k string) string {
	switch v := m[k].(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		return fmt.Sprint(v)
	}
}

func (u *upgrader) take(k string) any {
	u.used[k] = true
	return u.src[k]
}

func (u *upgrader) takeStr(k string) string {
	u.used[k] = true
	return u.str(u.src, k)
}

var credentialKeys = []string{"username", "password"}

func (u *upgrader) contract() *Contract {
	u.used = map[string]bool{"apiVersion": true, "kind": true}
	c := &Contract{APIVersion: APIVersion, Kind: "DataContract", Extra: map[string]any{}}
	c.ID = u.takeStr("uuid")
	c.Name = u.takeStr("datasetName")
	c.Version = u.takeStr("version")
	c.Status = u.takeStr("status")
	c.Tenant = u.takeStr("tenant")
	c.Domain = u.takeStr("datasetDomain")
	c.DataProduct = u.takeStr("quantumName")
	c.Tags = strList(u.take("tags"))
	c.ContractCreatedTs = u.timestamp(u.takeStr("contractCreatedTs"))
	if d, ok := u.take("description").(map[string]any); ok {
		c.Description = &Description{Purpose: u.str(d, "purpose"), Limitations: u.str(d, "limitations"), Usage: u.str(d, "usage")}
	}
	for _, k := range credentialKeys {
		if _, ok := u.src[k]; ok {
			u.used[k] = true
			u.warnings = append(u.warnings, fmt.Sprintf("dropped %s: credentials do not belong in a contract (use the server's secret store)", k))
		}
	}
	c.Schema = u.datasets(u.take("dataset"))
	c.Team = u.team(u.take("stakeholders"))
	c.SLAProperties = u.slas(u.take("slaProperties"))
	u.passThrough(c)
	c.CustomProperties = append(customList(u.take("customProperties")), u.leftovers()...)
	return c
}

// passThrough copies the blocks whose v3 shape is the v2 one.
func (u *upgrader) passThrough(c *Contract) {
	if v, ok := u.take("price").(map[string]any); ok {
		c.Extra["price"] = v
	}
	if v, ok := u.take("roles").([]any); ok {
		c.Extra["roles"] = v
	}
	if v := u.takeStr("slaDefaultColumn"); v != "" {
		c.Extra["slaDefaultElement"] = v
	}
	var support []any
	if v := u.takeStr("productDl"); v != "" {
		support = append(support, map[string]any{"channel": "email", "url": mailto(v)})
	}
	if v := u.takeStr("productSlackChannel"); v != "" {
		support = append(support, map[string]any{"channel": v, "tool": "slack"})
	}
	if v := u.takeStr("productFeedbackUrl"); v != "" {
		support = append(support, map[string]any{"channel": "feedback", "url": v})
	}
	if len(support) > 0 {
		c.Extra["support"] = support
	}
}

func mailto(s string) string {
	if strings.Contains(s, "@") && !strings.Contains(s, ":") {
		return "mailto:" + s
	}
	return s
}

// leftovers keeps every unmapped top-level v2 field as a custom property.
func (u *upgrader) leftovers() []CustomProperty {
	var keys []string
	for k := range u.src {
		if !u.used[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var out []CustomProperty
	for _, k := range keys {
		if u.src[k] == nil {
			continue
		}
		out = append(out, CustomProperty{Property: k, Value: u.src[k]})
		u.warnings = append(u.warnings, fmt.Sprintf("v2 field %s has no v3.1.0 equivalent: kept as a customProperty", k))
	}
	return out
}

func (u *upgrader) team(v any) *Team {
	list, _ := v.([]any)
	if len(list) == 0 {
		return nil
	}
	t := &Team{}
	for _, x := range list {
		m, _ := x.(map[string]any)
		if m == nil {
			continue
		}
		tm := TeamMember{Username: u.str(m, "username"), Role: u.str(m, "role"), DateIn: u.str(m, "dateIn"),
			DateOut: u.str(m, "dateOut"), ReplacedByUsername: u.str(m, "replacedByUsername"), Description: u.str(m, "comment")}
		t.Members = append(t.Members, tm)
	}
	return t
}

func (u *upgrader) slas(v any) []SLAProperty {
	list, _ := v.([]any)
	var out []SLAProperty
	for _, x := range list {
		m, _ := x.(map[string]any)
		if m == nil {
			continue
		}
		out = append(out, SLAProperty{Property: u.str(m, "property"), Value: m["value"], ValueExt: m["valueExt"],
			Unit: u.str(m, "unit"), Element: u.str(m, "column"), Driver: u.str(m, "driver"), Description: u.str(m, "description")})
	}
	return out
}

func strList(v any) []string {
	list, _ := v.([]any)
	var out []string
	for _, x := range list {
		if x != nil {
			out = append(out, fmt.Sprint(x))
		}
	}
	return out
}

// customList reads a v2 customProperties list; null values become "".
func customList(v any) []CustomProperty {
	list, _ := v.([]any)
	var out []CustomProperty
	for _, x := range list {
		m, _ := x.(map[string]any)
		if m == nil || m["property"] == nil {
			continue
		}
		val := m["value"]
		if val == nil {
			val = ""
		}
		out = append(out, CustomProperty{Property: fmt.Sprint(m["property"]), Value: val})
	}
	return out
}

// extras turns the unmapped keys of m into custom properties.
func extras(m map[string]any, mapped []string) []CustomProperty {
	var keys []string
	for k := range m {
		if !slices.Contains(mapped, k) && m[k] != nil {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var out []CustomProperty
	for _, k := range keys {
		out = append(out, CustomProperty{Property: k, Value: m[k]})
	}
	return out
}

// upgradeV30 lifts a v3.0.x contract to v3.1.0.
func upgradeV30(c *Contract) (*Contract, []string, error) {
	out := *c
	out.APIVersion = APIVersion
	var warnings []string
	if c.Team != nil && c.Team.LegacyArray {
		t := *c.Team
		t.LegacyArray = false
		out.Team = &t
		warnings = append(warnings, "team: the deprecated v3.0 list of members became a team object (members:)")
	}
	out.Schema = make([]SchemaObject, len(c.Schema))
	for i, o := range c.Schema {
		o.Quality = ruleToMetric(o.Quality, o.Name, &warnings)
		props := make([]Property, len(o.Properties))
		for j, p := range o.Properties {
			p.Quality = ruleToMetric(p.Quality, o.Name+"."+p.Name, &warnings)
			props[j] = p
		}
		o.Properties = props
		out.Schema[i] = o
	}
	return &out, warnings, nil
}

// v30Metrics map the v3.0 library rule names to v3.1 metrics.
var v30Metrics = map[string]string{"duplicateCount": "duplicateValues", "duplicateValues": "duplicateValues",
	"validValues": "invalidValues", "invalidValues": "invalidValues", "nullCheck": "nullValues", "nullValues": "nullValues",
	"missingValues": "missingValues", "rowCount": "rowCount"}

// V30Metric is the v3.1 metric of a v3.0 library quality rule.
func V30Metric(rule string) (string, bool) {
	m, ok := v30Metrics[rule]
	return m, ok
}

// ruleToMetric rewrites v3.0 `rule:` quality checks as v3.1 `metric:` ones
// (a validValues rule's values move under arguments).
func ruleToMetric(qs []Quality, where string, warnings *[]string) []Quality {
	if len(qs) == 0 {
		return qs
	}
	out := make([]Quality, len(qs))
	for i, q := range qs {
		if m, ok := v30Metrics[q.Rule]; ok && q.Metric == "" {
			*warnings = append(*warnings, fmt.Sprintf("%s: quality rule %q became metric %q", where, q.Rule, m))
			q.Metric, q.Rule = m, ""
			if vv, ok := q.Extra["validValues"]; ok && m == "invalidValues" {
				q.Arguments = map[string]any{"validValues": vv}
				q.Extra = withoutKey(q.Extra, "validValues")
			}
		}
		out[i] = q
	}
	return out
}

func withoutKey(m map[string]any, k string) map[string]any {
	out := make(map[string]any, len(m))
	for kk, v := range m {
		if kk != k {
			out[kk] = v
		}
	}
	return out
}

// tsLayouts are the timestamp spellings v2 files use.
var tsLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05",
	"2006-01-02T15:04:05.000-0700", "2006-01-02T15:04:05-0700", "2006-01-02"}

// timestamp normalises a v2 timestamp to RFC 3339 (UTC when no zone is
// given), as v3's date-time format wants; one it cannot read is kept and
// reported.
func (u *upgrader) timestamp(s string) string {
	if s == "" {
		return s
	}
	for _, l := range tsLayouts {
		if t, err := time.Parse(l, strings.TrimSpace(s)); err == nil {
			if out := t.Format(time.RFC3339); out != s {
				u.warnings = append(u.warnings, fmt.Sprintf("contractCreatedTs %q written as RFC 3339: %s", s, out))
				return out
			}
			return s
		}
	}
	u.warnings = append(u.warnings, fmt.Sprintf("contractCreatedTs %q is not a timestamp DataEngOS can read; kept as it is", s))
	return s
}
