package scaffold

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

// sqlTest is a dbt singular test rendered from a `type: sql` quality rule.
type sqlTest struct {
	path string
	body string
}

// placeholderRE matches the ODCS query placeholders ${object}, {object},
// ${property}, {model}, {table}, {column}, {field}.
var placeholderRE = regexp.MustCompile(`\$?\{\s*(object|model|table|property|column|field)\s*\}`)

// sqlRuleTests turns an object's (and its properties') `type: sql` rules
// into singular tests: the query gives one value, and the test returns a
// row when that value breaks mustBe, mustNotBe, mustBeGreaterThan,
// mustBeGreaterOrEqualTo, mustBeLessThan, mustBeLessOrEqualTo,
// mustBeBetween or mustNotBeBetween (or is null). A rule without a
// condition, or whose query holds Jinja, is left out.
func (p *plan) sqlRuleTests(o *objPlan) {
	dir := path.Join("tests", p.source)
	seen := map[string]bool{}
	add := func(prefix string, n int, q contract.Quality, col *colPlan) {
		body, ok := p.sqlTestBody(o, q, col)
		if !ok {
			return
		}
		slug := snake(firstNonEmpty(q.Name, q.ID))
		if slug == "" || len(slug) > maxKeyLen {
			slug = "sql_" + strconv.Itoa(n)
		}
		name := prefix + "__" + slug
		for i := 2; seen[name]; i++ {
			name = fmt.Sprintf("%s__%s_%d", prefix, slug, i)
		}
		seen[name] = true
		o.sqlTests = append(o.sqlTests, sqlTest{path: path.Join(dir, name+".sql"), body: body})
	}
	for i, q := range o.obj.Quality {
		add(o.staging, i+1, q, nil)
	}
	for _, c := range o.columns {
		for i, q := range c.prop.Quality {
			add(o.staging+"__"+c.name, i+1, q, c)
		}
	}
}

func (p *plan) sqlTestBody(o *objPlan, q contract.Quality, col *colPlan) (string, bool) {
	if !strings.EqualFold(q.Type, "sql") || strings.TrimSpace(q.Query) == "" {
		return "", false
	}
	cond := sqlCondition(q)
	if cond == "" {
		return "", false
	}
	ref := fmt.Sprintf("{{ ref('%s') }}", o.staging)
	query := p.renameColumns(strings.TrimRight(strings.TrimSpace(q.Query), "; \t\n"), o.columns)
	query = placeholderRE.ReplaceAllStringFunc(query, func(m string) string {
		switch strings.Trim(m, "${} \t") {
		case "property", "column", "field":
			if col == nil {
				return m
			}
			return col.sqlName
		}
		return ref
	})
	// A query naming the table itself reads the staging model instead.
	for _, name := range []string{o.obj.PhysicalName, o.obj.Name} {
		if name == "" {
			continue
		}
		re := p.nameRE(`(?i)\b(from|join)(\s+)`, name)
		query = re.ReplaceAllString(query, "${1}${2}"+strings.ReplaceAll(ref, "$", "$$"))
	}
	rest := strings.ReplaceAll(query, ref, "")
	if strings.Contains(rest, "{{") || strings.Contains(rest, "{%") || strings.Contains(rest, "{#") || placeholderRE.MatchString(rest) {
		return "", false
	}
	var b strings.Builder
	if isWarn(q.Severity) {
		b.WriteString("{{ config(severity='warn') }}\n\n")
	}
	what := firstNonEmpty(q.Name, q.ID, "sql quality rule")
	if col != nil {
		what += " on " + col.name
	}
	fmt.Fprintf(&b, "-- %s of %s: fails when the value breaks %s\n", oneLine(what), o.obj.Name, cond)
	b.WriteString("select value\nfrom (\n    select (\n")
	for _, line := range strings.Split(query, "\n") {
		b.WriteString("    " + strings.TrimRight(line, " \t") + "\n")
	}
	fmt.Fprintf(&b, "    ) as value\n) as checked\nwhere value is null or not (%s)\n", cond)
	return b.String(), true
}

// sqlCondition is the rule's expected-value condition on `value`.
func sqlCondition(q contract.Quality) string {
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	var parts []string
	if f, ok := floatOf(q.MustBe); ok {
		parts = append(parts, "value = "+num(f))
	}
	if f, ok := floatOf(q.MustNotBe); ok {
		parts = append(parts, "value <> "+num(f))
	}
	for _, c := range []struct {
		v  *float64
		op string
	}{{q.MustBeGreaterThan, ">"}, {q.MustBeGreaterOrEqualTo, ">="}, {q.MustBeLessThan, "<"}, {q.MustBeLessOrEqualTo, "<="}} {
		if c.v != nil {
			parts = append(parts, fmt.Sprintf("value %s %s", c.op, num(*c.v)))
		}
	}
	if len(q.MustBeBetween) == 2 {
		parts = append(parts, fmt.Sprintf("value between %s and %s", num(q.MustBeBetween[0]), num(q.MustBeBetween[1])))
	}
	if len(q.MustNotBeBetween) == 2 {
		parts = append(parts, fmt.Sprintf("value not between %s and %s", num(q.MustNotBeBetween[0]), num(q.MustNotBeBetween[1])))
	}
	return strings.Join(parts, " and ")
}

// oneLine keeps a comment on one line and out of Jinja's way.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.NewReplacer("{{", "{ {", "{%", "{ %", "{#", "{ #").Replace(s)
}

// renameColumns rewrites the source column names a query uses
// (DataValue) to the staging model's names (data_value), since the test
// reads the staging model.
func (p *plan) renameColumns(query string, cols []*colPlan) string {
	for _, c := range cols {
		for _, src := range []string{c.srcName, c.prop.Name} {
			if src == "" || src == c.name || !isPlainIdent(src) {
				continue
			}
			re := p.nameRE(`(?i)(^|[^\w."'])`, src)
			query = re.ReplaceAllString(query, "${1}"+strings.ReplaceAll(c.sqlName, "$", "$$"))
		}
	}
	return query
}

// isPlainIdent reports whether s is an unquoted SQL identifier.
func isPlainIdent(s string) bool {
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}

// nameRE matches prefix followed by name as a whole word, compiled once
// per render: a contract's rules name the same tables and columns again
// and again.
func (p *plan) nameRE(prefix, name string) *regexp.Regexp {
	k := prefix + "\x00" + name
	if re, ok := p.nameREs[k]; ok {
		return re
	}
	if p.nameREs == nil {
		p.nameREs = map[string]*regexp.Regexp{}
	}
	re := regexp.MustCompile(prefix + regexp.QuoteMeta(name) + `\b`)
	p.nameREs[k] = re
	return re
}
