package contract

import "math"

// qualityOut mirrors Quality for writing: numbers that are whole are
// written as integers (1000000, not 1e+06).
type qualityOut struct {
	ID                     string           `yaml:"id,omitempty"`
	Name                   string           `yaml:"name,omitempty"`
	Description            string           `yaml:"description,omitempty"`
	Type                   string           `yaml:"type,omitempty"`
	Dimension              string           `yaml:"dimension,omitempty"`
	Metric                 string           `yaml:"metric,omitempty"`
	Rule                   string           `yaml:"rule,omitempty"`
	Arguments              map[string]any   `yaml:"arguments,omitempty"`
	MustBe                 any              `yaml:"mustBe,omitempty"`
	MustNotBe              any              `yaml:"mustNotBe,omitempty"`
	MustBeGreaterThan      any              `yaml:"mustBeGreaterThan,omitempty"`
	MustBeGreaterOrEqualTo any              `yaml:"mustBeGreaterOrEqualTo,omitempty"`
	MustBeLessThan         any              `yaml:"mustBeLessThan,omitempty"`
	MustBeLessOrEqualTo    any              `yaml:"mustBeLessOrEqualTo,omitempty"`
	MustBeBetween          []any            `yaml:"mustBeBetween,omitempty"`
	MustNotBeBetween       []any            `yaml:"mustNotBeBetween,omitempty"`
	Unit                   string           `yaml:"unit,omitempty"`
	Query                  string           `yaml:"query,omitempty"`
	Engine                 string           `yaml:"engine,omitempty"`
	Severity               string           `yaml:"severity,omitempty"`
	BusinessImpact         string           `yaml:"businessImpact,omitempty"`
	CustomProperties       []CustomProperty `yaml:"customProperties,omitempty"`
	Extra                  map[string]any   `yaml:",inline"`
}

// MarshalYAML writes the rule with whole numbers as integers.
func (q Quality) MarshalYAML() (any, error) {
	return qualityOut{
		ID: q.ID, Name: q.Name, Description: q.Description, Type: q.Type, Dimension: q.Dimension,
		Metric: q.Metric, Rule: q.Rule, Arguments: q.Arguments, MustBe: q.MustBe, MustNotBe: q.MustNotBe,
		MustBeGreaterThan: numOut(q.MustBeGreaterThan), MustBeGreaterOrEqualTo: numOut(q.MustBeGreaterOrEqualTo),
		MustBeLessThan: numOut(q.MustBeLessThan), MustBeLessOrEqualTo: numOut(q.MustBeLessOrEqualTo),
		MustBeBetween: numsOut(q.MustBeBetween), MustNotBeBetween: numsOut(q.MustNotBeBetween),
		Unit: q.Unit, Query: q.Query, Engine: q.Engine, Severity: q.Severity, BusinessImpact: q.BusinessImpact,
		CustomProperties: q.CustomProperties, Extra: q.Extra,
	}, nil
}

func numOut(f *float64) any {
	if f == nil {
		return nil
	}
	return wholeOrFloat(*f)
}

func numsOut(fs []float64) []any {
	if fs == nil {
		return nil
	}
	out := make([]any, len(fs))
	for i, f := range fs {
		out[i] = wholeOrFloat(f)
	}
	return out
}

func wholeOrFloat(f float64) any {
	if f == math.Trunc(f) && math.Abs(f) < 1<<53 {
		return int64(f)
	}
	return f
}
