package web

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

// freshnessEntry is the index of the first freshness or latency entry.
func freshnessEntry(slas []contract.SLAProperty) int {
	return slices.IndexFunc(slas, func(s contract.SLAProperty) bool {
		return strings.EqualFold(s.Property, "freshness") || strings.EqualFold(s.Property, "latency")
	})
}

func availabilityEntry(slas []contract.SLAProperty) int {
	return slices.IndexFunc(slas, func(s contract.SLAProperty) bool { return strings.EqualFold(s.Property, slaAvailability) })
}

// formSLA reads the service levels the form shows.
func formSLA(slas []contract.SLAProperty) FormSLA {
	var f FormSLA
	if i := freshnessEntry(slas); i >= 0 {
		f.Freshness, f.Unit, f.Column = valueString(slas[i].Value), slas[i].Unit, slas[i].Element
	}
	if i := availabilityEntry(slas); i >= 0 {
		f.AvailableBy = valueString(slas[i].Value)
	}
	return f
}

func valueString(v any) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

// applySLA writes the form's service levels into slas, changing only the
// entries whose values the person changed.
func applySLA(slas []contract.SLAProperty, f FormSLA) []contract.SLAProperty {
	f = FormSLA{Freshness: trim(f.Freshness), Unit: trim(f.Unit), Column: trim(f.Column), AvailableBy: trim(f.AvailableBy)}
	cur := formSLA(slas)
	if f.Freshness != cur.Freshness || f.Unit != cur.Unit || f.Column != cur.Column {
		slas = setSLA(slas, freshnessEntry(slas), f.Freshness == "", func(s *contract.SLAProperty) {
			if s.Property == "" {
				s.Property = "freshness"
			}
			s.Value, s.Unit, s.Element = typed("integer", f.Freshness), f.Unit, f.Column
		})
	}
	if f.AvailableBy != cur.AvailableBy {
		slas = setSLA(slas, availabilityEntry(slas), f.AvailableBy == "", func(s *contract.SLAProperty) {
			s.Property, s.Value = slaAvailability, f.AvailableBy
		})
	}
	if len(slas) == 0 {
		return nil
	}
	return slas
}

// setSLA removes entry i (when remove), or edits it with set (adding an
// entry when i < 0).
func setSLA(slas []contract.SLAProperty, i int, remove bool, set func(*contract.SLAProperty)) []contract.SLAProperty {
	slas = slices.Clone(slas)
	switch {
	case remove && i >= 0:
		return slices.Delete(slas, i, i+1)
	case remove:
		return slas
	case i < 0:
		var s contract.SLAProperty
		set(&s)
		return append(slas, s)
	}
	set(&slas[i])
	return slas
}
