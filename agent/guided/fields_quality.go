package guided

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dataeng-os/dataeng-os/agent/spec"
)

// qualityOption reads the value options of the field format: values=a|b|c,
// min=, max=, minLength=, maxLength= (English or Portuguese keys). ok is
// false when k is none of them.
func (f *FieldSpec) qualityOption(k, v string) (ok bool, err error) {
	switch spec.FoldAccents(k) {
	case "values", "valores", "accepted", "enum":
		f.Values = nil
		for _, x := range strings.Split(v, "|") {
			if x = strings.Trim(strings.TrimSpace(x), `"'`); x != "" {
				f.Values = append(f.Values, x)
			}
		}
		if len(f.Values) == 0 {
			return true, errors.New("values= needs the accepted values separated by | (e.g. values=created|paid|shipped)")
		}
	case "min", "minimum", "minimo":
		f.Min = v
		if v == "" {
			return true, errors.New("min= needs a value (e.g. min=0)")
		}
	case "max", "maximum", "maximo":
		f.Max = v
		if v == "" {
			return true, errors.New("max= needs a value (e.g. max=100)")
		}
	case "minlength", "min_length", "comprimento_minimo":
		return true, setLength(&f.MinLength, k, v)
	case "maxlength", "max_length", "comprimento_maximo":
		return true, setLength(&f.MaxLength, k, v)
	default:
		return false, nil
	}
	return true, nil
}

func setLength(dst *string, k, v string) error {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return fmt.Errorf("%s=%s: a length is a whole number >= 0", k, v)
	}
	*dst = strconv.Itoa(n)
	return nil
}

// checkBounds checks the value options against the field's type, once
// every option is read.
func (f *FieldSpec) checkBounds() error {
	numeric := f.LogicalType == "integer" || f.LogicalType == "number"
	if numeric {
		for _, v := range f.Values {
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				return fmt.Errorf("values=: %q is not a number (the field is %s)", v, f.LogicalType)
			}
		}
	}
	if (f.MinLength != "" || f.MaxLength != "") && f.LogicalType != "string" {
		return fmt.Errorf("minLength=/maxLength= bound text; for a %s use min= and max=", f.LogicalType)
	}
	if lo, hi := atoi(f.MinLength), atoi(f.MaxLength); f.MinLength != "" && f.MaxLength != "" && lo > hi {
		return fmt.Errorf("minLength=%s is above maxLength=%s", f.MinLength, f.MaxLength)
	}
	if f.Min == "" && f.Max == "" {
		return nil
	}
	switch f.LogicalType {
	case "integer", "number":
		return checkNumericBounds(f.Min, f.Max)
	case "date", "timestamp", "time":
		return checkTimeBounds(f.LogicalType, f.Min, f.Max)
	case "string":
		return errors.New("min=/max= bound numbers, dates and times; for text length use minLength= and maxLength=")
	}
	return fmt.Errorf("min=/max= do not apply to a %s", f.LogicalType)
}

func checkNumericBounds(lo, hi string) error {
	var vals [2]float64
	for i, s := range []string{lo, hi} {
		if s == "" {
			continue
		}
		n, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return fmt.Errorf("%q is not a number (write min=0, max=100)", s)
		}
		vals[i] = n
	}
	if lo != "" && hi != "" && vals[0] > vals[1] {
		return fmt.Errorf("min=%s is above max=%s", lo, hi)
	}
	return nil
}

var timeLayouts = map[string][]string{
	"date":      {time.DateOnly},
	"timestamp": {time.RFC3339, time.DateTime, "2006-01-02T15:04:05", "2006-01-02 15:04", time.DateOnly},
	"time":      {time.TimeOnly, "15:04"},
}

func checkTimeBounds(typ, lo, hi string) error {
	var ts [2]time.Time
	for i, s := range []string{lo, hi} {
		if s == "" {
			continue
		}
		ok := false
		for _, layout := range timeLayouts[typ] {
			if t, err := time.Parse(layout, s); err == nil {
				ts[i], ok = t, true
				break
			}
		}
		if !ok {
			return fmt.Errorf("%q is not a %s (write it as %s)", s, typ, timeLayouts[typ][0])
		}
	}
	if lo != "" && hi != "" && ts[0].After(ts[1]) {
		return fmt.Errorf("min=%s is after max=%s", lo, hi)
	}
	return nil
}

// valueOptions renders the value options for the canvas.
func (f FieldSpec) valueOptions() []string { return spec.ValueOptions(f.column()) }

// confirm drops what from the facts read from the name: the person said it.
func (f *FieldSpec) confirm(what string) {
	f.Inferred = slices.DeleteFunc(slices.Clone(f.Inferred), func(s string) bool { return s == what })
}

// column is the field as a column of the typed draft.
func (f FieldSpec) column() spec.Column {
	c := spec.Column{Name: f.Name, LogicalType: f.LogicalType, PhysicalType: f.PhysicalType, Description: f.Description,
		Classification: f.Classification, Masking: f.Masking, Required: f.Required, Unique: f.Unique, PrimaryKey: f.PrimaryKey,
		Critical: f.Critical, AllowedValues: f.Values, Min: f.Min, Max: f.Max, MinLength: f.MinLength, MaxLength: f.MaxLength}
	c.BusinessName, c.Inferred = f.BusinessName, f.Inferred
	switch {
	case f.PIIKind != spec.PIINone:
		c.PII = f.PIIKind
	case f.PII:
		c.PII = spec.PIIOther
	}
	return c
}

// atoi reads a length option checked by setLength.
func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
