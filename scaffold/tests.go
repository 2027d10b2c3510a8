package scaffold

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

// testSpec is a generic test's arguments and config (dbt >= 1.10.8 form).
type testSpec struct {
	Arguments map[string]any `yaml:"arguments,omitempty"`
	Config    map[string]any `yaml:"config,omitempty"`
}

// VolumeTag marks row-count tests, which a development run with little data
// may want to exclude (`dbt build --exclude tag:dataeng_os_volume`).
const VolumeTag = "dataeng_os_volume"

// columnTests derives value tests from logicalTypeOptions and quality rules.
func (p *plan) columnTests(c *colPlan) {
	opts := c.prop.LogicalTypeOptions
	if vals := listOf(opts["enum"]); len(vals) > 0 {
		c.tests = append(c.tests, p.acceptedValues(c, vals, nil))
	}
	if t := p.rangeTest(c, opts); t != nil {
		c.tests = append(c.tests, t)
	}
	if c.canon == "string" {
		args := map[string]any{}
		if n, ok := intOf(opts["minLength"]); ok && n > 0 {
			args["min_length"] = n
		}
		if n, ok := intOf(opts["maxLength"]); ok {
			args["max_length"] = n
		}
		if len(args) > 0 {
			p.usesGeneric = true
			c.tests = append(c.tests, map[string]any{"dataeng_os_length": testSpec{Arguments: args}})
		}
	}
	if pat, ok := opts["pattern"].(string); ok && pat != "" {
		c.tests = append(c.tests, p.patternTest(pat, nil))
	}
	for _, q := range c.prop.Quality {
		p.qualityTest(c, q)
	}
}

func (p *plan) patternTest(pat string, cfg map[string]any) any {
	p.usesGeneric = true
	return map[string]any{"dataeng_os_pattern": testSpec{Arguments: map[string]any{"pattern": pat}, Config: cfg}}
}

func (p *plan) acceptedValues(c *colPlan, vals []any, cfg map[string]any) any {
	args := map[string]any{}
	var clean []any
	for _, v := range vals {
		if v != nil {
			clean = append(clean, v)
		}
	}
	numeric := c.canon != "" && c.canon != "string" && c.canon != "date" && c.canon != "timestamp" &&
		c.canon != "timestamptz" && c.canon != "time"
	if numeric {
		args["quote"] = false
	} else {
		for i, v := range clean {
			clean[i] = fmt.Sprint(v)
		}
	}
	args["values"] = clean
	return map[string]any{"accepted_values": testSpec{Arguments: args, Config: cfg}}
}

// rangeTest maps minimum/maximum (exclusive or not) to dataeng_os_range.
func (p *plan) rangeTest(c *colPlan, opts map[string]any) any {
	args := map[string]any{}
	for _, k := range []struct{ opt, arg string }{
		{"minimum", "min_value"}, {"exclusiveMinimum", "min_value"},
		{"maximum", "max_value"}, {"exclusiveMaximum", "max_value"},
	} {
		v, ok := opts[k.opt]
		if !ok || v == nil {
			continue
		}
		if _, isBool := v.(bool); isBool {
			continue // draft-4 style exclusiveMinimum: true
		}
		lit, ok := p.literal(c, v)
		if !ok {
			continue
		}
		args[k.arg] = lit
		if strings.HasPrefix(k.opt, "exclusive") {
			args[strings.TrimSuffix(k.arg, "_value")+"_inclusive"] = false
		}
	}
	if len(args) == 0 {
		return nil
	}
	p.usesGeneric = true
	return map[string]any{"dataeng_os_range": testSpec{Arguments: args}}
}

// literal renders a bound as a SQL expression for the column's type.
func (p *plan) literal(c *colPlan, v any) (string, bool) {
	switch c.canon {
	case "integer", "bigint", "smallint", "decimal", "float", "double":
		f, ok := floatOf(v)
		if !ok {
			return "", false
		}
		return strconv.FormatFloat(f, 'f', -1, 64), true
	case "date", "timestamp", "timestamptz", "time":
		s := strings.ReplaceAll(fmt.Sprint(v), "'", "''")
		return fmt.Sprintf("cast('%s' as %s)", s, c.dataType), true
	}
	return "", false
}

// qualityTest maps an ODCS library quality rule on a property to a test.
func (p *plan) qualityTest(c *colPlan, q contract.Quality) {
	if t := strings.ToLower(q.Type); t != "" && t != "library" {
		return // sql, custom and text rules are not translated
	}
	strict := strictThreshold(q)
	var cfg map[string]any
	if !strict || isWarn(q.Severity) {
		cfg = map[string]any{"severity": "warn"}
	}
	metric := q.Metric
	if metric == "" {
		metric = q.Rule
	}
	switch metric {
	case "nullValues", "missingValues":
		if cfg == nil {
			c.qNotNull = true
		} else {
			c.tests = append(c.tests, map[string]any{"not_null": testSpec{Config: cfg}})
		}
	case "duplicateValues":
		if cfg == nil {
			c.qUnique = true
		} else {
			c.tests = append(c.tests, map[string]any{"unique": testSpec{Config: cfg}})
		}
	case "invalidValues":
		if vals := listOf(q.Arguments["validValues"]); len(vals) > 0 {
			c.tests = append(c.tests, p.acceptedValues(c, vals, cfg))
		}
		if pat, ok := q.Arguments["pattern"].(string); ok && pat != "" {
			c.tests = append(c.tests, p.patternTest(pat, cfg))
		}
	}
}

// objectQuality maps object-level rowCount rules to dataeng_os_row_count.
func (p *plan) objectQuality(obj *contract.SchemaObject) []any {
	var out []any
	for _, q := range obj.Quality {
		metric := firstNonEmpty(q.Metric, q.Rule)
		if metric != "rowCount" || (q.Type != "" && !strings.EqualFold(q.Type, "library")) {
			continue
		}
		args := countBounds(q)
		if len(args) == 0 {
			continue
		}
		cfg := map[string]any{"tags": []string{VolumeTag}}
		if isWarn(q.Severity) {
			cfg["severity"] = "warn"
		}
		p.usesGeneric = true
		out = append(out, map[string]any{"dataeng_os_row_count": testSpec{Arguments: args, Config: cfg}})
	}
	return out
}

func countBounds(q contract.Quality) map[string]any {
	args := map[string]any{}
	if f, ok := floatOf(q.MustBe); ok {
		args["min_count"], args["max_count"] = int64(f), int64(f)
	}
	if q.MustBeGreaterThan != nil {
		args["min_count"] = int64(*q.MustBeGreaterThan) + 1
	}
	if q.MustBeGreaterOrEqualTo != nil {
		args["min_count"] = int64(*q.MustBeGreaterOrEqualTo)
	}
	if q.MustBeLessThan != nil {
		args["max_count"] = int64(*q.MustBeLessThan) - 1
	}
	if q.MustBeLessOrEqualTo != nil {
		args["max_count"] = int64(*q.MustBeLessOrEqualTo)
	}
	if len(q.MustBeBetween) == 2 {
		args["min_count"], args["max_count"] = int64(q.MustBeBetween[0]), int64(q.MustBeBetween[1])
	}
	return args
}

// strictThreshold reports whether a count rule tolerates no failing row.
func strictThreshold(q contract.Quality) bool {
	if strings.EqualFold(q.Unit, "percent") || q.Unit == "%" {
		if q.MustBeLessOrEqualTo != nil && *q.MustBeLessOrEqualTo == 0 {
			return true
		}
		f, ok := floatOf(q.MustBe)
		return ok && f == 0
	}
	switch {
	case q.MustBe != nil:
		f, ok := floatOf(q.MustBe)
		return ok && f == 0
	case q.MustBeLessOrEqualTo != nil:
		return *q.MustBeLessOrEqualTo == 0
	case q.MustBeLessThan != nil:
		return *q.MustBeLessThan <= 1
	case q.MustBeGreaterThan != nil, q.MustBeGreaterOrEqualTo != nil, len(q.MustBeBetween) > 0:
		return false
	}
	return true
}

func isWarn(sev string) bool {
	switch strings.ToLower(sev) {
	case "warning", "warn", "info":
		return true
	}
	return false
}

func listOf(v any) []any {
	l, _ := v.([]any)
	return l
}

func floatOf(v any) (float64, bool) {
	switch n := v.(type) {
	case int:
		return float64(n), true
	case int64:
		return float64(n), true
	case uint64:
		return float64(n), true
	case float64:
		return n, true
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(n), 64)
		return f, err == nil
	}
	return 0, false
}

func intOf(v any) (int64, bool) {
	f, ok := floatOf(v)
	return int64(f), ok
}
