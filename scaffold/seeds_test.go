package scaffold

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"regexp/syntax"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dataeng-os/dataeng-os/contract"
)

// Seed rows for the dbt integration test: values that satisfy each
// contract (types, ranges, lengths, patterns, accepted values, keys and
// relationships), generated from the same plan Render uses.

const seedRows = 3

// seedTable is one raw table as CSV rows (header first).
type seedTable struct {
	name   string // seed file and node name
	alias  string // physical table name
	schema string
	rows   [][]string
}

func seedTables(p *plan) []*seedTable {
	var out []*seedTable
	for _, o := range p.objects {
		t := &seedTable{name: p.source + "__" + snake(o.identifier), alias: o.identifier, schema: p.sourceSchema}
		var header []string
		for _, c := range o.columns {
			header = append(header, c.srcName)
		}
		t.rows = append(t.rows, header)
		for i := 0; i < seedRows; i++ {
			var row []string
			for _, c := range o.columns {
				row = append(row, p.seedValue(c, i, 0))
			}
			t.rows = append(t.rows, row)
		}
		out = append(out, t)
	}
	return out
}

func (t *seedTable) csv() []byte {
	var b strings.Builder
	w := csv.NewWriter(&b)
	_ = w.WriteAll(t.rows)
	return []byte(b.String())
}

// column returns the index of a physical column.
func (t *seedTable) column(name string) int {
	for i, h := range t.rows[0] {
		if h == name {
			return i
		}
	}
	panic("no column " + name)
}

func (p *plan) seedValue(c *colPlan, i, depth int) string {
	if depth < 3 {
		for _, rel := range c.prop.Relationships {
			if len(rel.To) == 1 {
				if _, tc := p.resolveRef(rel.To[0]); tc != nil && tc != c {
					return p.seedValue(tc, i, depth+1)
				}
			}
		}
		if len(c.refs) > 0 && c.refs[0] != c {
			return p.seedValue(c.refs[0], i, depth+1)
		}
	}
	if vals := acceptedOf(c); len(vals) > 0 {
		return fmt.Sprint(vals[i%len(vals)])
	}
	opts := c.prop.LogicalTypeOptions
	if f, _ := opts["format"].(string); f != "" && isDateCanon(c.canon) {
		if layout, ok := goLayout(f); ok {
			step := time.Second
			if c.canon == "date" {
				step = 24 * time.Hour // an exclusive date bound moves a whole day
			}
			return timeBound(opts, "2024-01-01 00:00:00", step).AddDate(0, 0, i).Add(90 * time.Minute).Format(layout)
		}
	}
	switch c.canon {
	case "integer", "bigint", "smallint", "ubigint":
		return strconv.FormatInt(int64(lowBound(opts, 1))+int64(i), 10)
	case "decimal", "float", "double":
		return strconv.FormatFloat(lowBound(opts, 1)+float64(i)+0.5, 'f', 2, 64)
	case "boolean":
		return strconv.FormatBool(i%2 == 0)
	case "date":
		return timeBound(opts, "2024-01-01", 24*time.Hour).AddDate(0, 0, i).Format("2006-01-02")
	case "timestamp":
		return timeBound(opts, "2024-01-01 00:00:00", time.Second).Add(time.Duration(i) * time.Hour).Format("2006-01-02 15:04:05")
	case "timestamptz":
		return timeBound(opts, "2024-01-01 00:00:00+00:00", time.Second).Add(time.Duration(i) * time.Hour).Format("2006-01-02 15:04:05-07:00")
	case "time":
		return timeBound(opts, "08:00:00", time.Second).Add(time.Duration(i) * time.Minute).Format("15:04:05")
	case "object", "array":
		if len(c.prop.Properties) > 0 || c.prop.Items != nil {
			b, _ := json.Marshal(nestedSeed(c.prop, c.name, i))
			return string(b)
		}
		if c.canon == "array" {
			return fmt.Sprintf(`[%d]`, i)
		}
		return fmt.Sprintf(`{"n": %d}`, i)
	}
	return stringValue(c, opts, i)
}

// nestedSeed is row i's value of a nested property: objects with every
// key, arrays of two items, "<path>_<row>" strings (dotted path, so each
// PII value is unique in the raw table), numbers and ISO dates.
func nestedSeed(prop *contract.Property, path string, i int) any {
	switch {
	case len(prop.Properties) > 0:
		m := map[string]any{}
		for k := range prop.Properties {
			child := &prop.Properties[k]
			key := firstNonEmpty(child.PhysicalName, child.Name)
			m[key] = nestedSeed(child, path+"."+key, i)
		}
		return m
	case prop.Items != nil:
		return []any{nestedSeed(prop.Items, path+"[0]", i), nestedSeed(prop.Items, path+"[1]", i)}
	}
	switch strings.ToLower(prop.LogicalType) {
	case "integer", "number":
		return i + 1
	case "boolean":
		return i%2 == 0
	case "date":
		return fmt.Sprintf("2001-02-%02d", i+1)
	}
	return fmt.Sprintf("%s_%d", path, i+1)
}

// goLayout converts the Java date patterns of the test contracts to a Go
// layout.
func goLayout(java string) (string, bool) {
	toks, ok := lexJavaDate(java)
	if !ok {
		return "", false
	}
	var b strings.Builder
	for _, t := range toks {
		if t.letter == 0 {
			b.WriteString(t.literal)
			continue
		}
		letter, n := field(t)
		s, ok := map[string]string{"y4": "2006", "y2": "06", "M2": "01", "M1": "1", "M3": "Jan", "d2": "02", "d1": "2",
			"H2": "15", "m2": "04", "s2": "05", "S3": "000", "X3": "-07:00"}[fmt.Sprintf("%c%d", letter, n)]
		if !ok {
			return "", false
		}
		b.WriteString(s)
	}
	return b.String(), true
}

func acceptedOf(c *colPlan) []any {
	if vals := listOf(c.prop.LogicalTypeOptions["enum"]); len(vals) > 0 {
		return vals
	}
	for _, q := range c.prop.Quality {
		var vals []any
		for _, v := range listOf(q.Arguments["validValues"]) {
			if s := fmt.Sprint(v); v != nil && s != "" {
				vals = append(vals, v)
			}
		}
		if len(vals) > 0 && !c.prop.PrimaryKey && !c.prop.Unique {
			return vals
		}
	}
	return nil
}

func lowBound(opts map[string]any, def float64) float64 {
	if f, ok := floatOf(opts["minimum"]); ok {
		return f
	}
	if f, ok := floatOf(opts["exclusiveMinimum"]); ok {
		return f + 1
	}
	return def
}

func timeBound(opts map[string]any, def string, step time.Duration) time.Time {
	v, excl := opts["minimum"], false
	if v == nil {
		v, excl = opts["exclusiveMinimum"], true
	}
	s, _ := v.(string)
	if s == "" {
		s, excl = def, false
	}
	for _, layout := range []string{"2006-01-02 15:04:05-07:00", "2006-01-02 15:04:05Z07:00", time.RFC3339, "2006-01-02 15:04:05", "2006-01-02", "15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			if excl {
				t = t.Add(step)
			}
			return t
		}
	}
	panic("unparsable bound " + s)
}

func stringValue(c *colPlan, opts map[string]any, i int) string {
	if pat, _ := opts["pattern"].(string); pat != "" {
		return fromPattern(pat, i)
	}
	for _, q := range c.prop.Quality {
		if pat, _ := q.Arguments["pattern"].(string); pat != "" {
			return fromPattern(pat, i)
		}
	}
	s := fmt.Sprintf("%s_%d", c.name, i+1)
	maxLen, hasMax := intOf(opts["maxLength"])
	minLen, _ := intOf(opts["minLength"])
	if hasMax && int64(len(s)) > maxLen {
		s = fmt.Sprintf("%0*d", max(int(minLen), 1), i+1)
	}
	for int64(len(s)) < minLen {
		s += "x"
	}
	return s
}

// fromPattern builds a string matching a regular expression; variant i
// picks a different character from the first character class, so that
// rows stay distinct.
func fromPattern(pat string, i int) string {
	re, err := syntax.Parse(pat, syntax.Perl)
	if err != nil {
		panic(err)
	}
	var b strings.Builder
	first := true
	gen(re.Simplify(), &b, i, &first)
	return b.String()
}

func gen(re *syntax.Regexp, b *strings.Builder, i int, first *bool) {
	switch re.Op {
	case syntax.OpLiteral:
		b.WriteString(string(re.Rune))
	case syntax.OpCharClass:
		k := 0
		if *first {
			k, *first = i, false
		}
		b.WriteRune(classRune(re.Rune, k))
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		b.WriteByte('a')
	case syntax.OpCapture, syntax.OpStar, syntax.OpQuest:
		if re.Op == syntax.OpCapture {
			gen(re.Sub[0], b, i, first)
		}
	case syntax.OpPlus:
		gen(re.Sub[0], b, i, first)
	case syntax.OpRepeat:
		for n := 0; n < re.Min; n++ {
			gen(re.Sub[0], b, i, first)
		}
	case syntax.OpConcat:
		for _, s := range re.Sub {
			gen(s, b, i, first)
		}
	case syntax.OpAlternate:
		gen(re.Sub[0], b, i, first)
	}
}

// classRune picks the k-th rune of a character class (ranges in pairs),
// preferring letters and digits.
func classRune(ranges []rune, k int) rune {
	var all []rune
	for j := 0; j+1 < len(ranges) && len(all) < 64; j += 2 {
		for r := ranges[j]; r <= ranges[j+1] && len(all) < 64; r++ {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				all = append(all, r)
			}
		}
	}
	if len(all) == 0 {
		return ranges[0]
	}
	return all[k%len(all)]
}
