package guided

import (
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

var martWordRE = lazyre.New(`\b(fact|facts|fct|fato|fatos|dimension|dimensions|dim|dimensao|dimensoes)\b`)

// martLines are the lines that ask for a fact or a dimension by name.
func (x *extraction) martLines() []string {
	var out []string
	for _, l := range x.lines {
		if martWordRE.MatchString(l.low) {
			out = append(out, l.low)
		}
	}
	return out
}

// nameTables names the main table (columns listed under no table name):
// after the entity a mart request names ("uma dimensão de leads"), else
// after the note. A main table with no columns is dropped.
func (x *extraction) nameTables() {
	var keep []spec.Table
	for _, t := range x.d.Tables {
		if t.Name == "" {
			if len(t.Columns) == 0 {
				continue
			}
			t.Name, t.Provisional = x.mainTableName()
		}
		keep = append(keep, t)
	}
	x.d.Tables = keep
}

var leadingDigits = lazyre.New(`^[0-9_]+`)

func (x *extraction) mainTableName() (name string, provisional bool) {
	var named []string
	for _, t := range x.d.Tables {
		named = append(named, t.Name)
	}
	for _, l := range x.martLines() {
		for _, u := range deliveryMarts(l, named).unknown {
			if _, entity, ok := strings.Cut(u, "_"); ok && entity != "" {
				return entity, false
			}
		}
	}
	if n := leadingDigits.ReplaceAllString(x.d.Name, ""); n != "" {
		return n, true
	}
	return x.d.Name, true
}

// readMarts applies "a fact table for orders", "fct table for deliveries"
// and "dimensão de leads" to the tables they name.
func (x *extraction) readMarts() {
	var names []string
	for _, t := range x.d.Tables {
		names = append(names, t.Name)
	}
	for _, l := range x.martLines() {
		mp := deliveryMarts(l, names)
		mp.soleTable(names)
		for i := range x.d.Tables {
			if k := mp.kinds[x.d.Tables[i].Name]; k != "" && x.d.Tables[i].Mart == spec.MartNone {
				x.d.Tables[i].Mart = spec.Mart(k)
			}
		}
	}
}

// inferKeys makes a unique id column of a table its primary key: the
// notes said it never repeats, and its name says it identifies the table.
func (x *extraction) inferKeys() {
	for ti := range x.d.Tables {
		t := &x.d.Tables[ti]
		if len(t.PrimaryKeys()) > 0 {
			continue
		}
		entity := strings.TrimSuffix(t.Name, "s")
		for ci := range t.Columns {
			c := &t.Columns[ci]
			switch c.Name {
			case "id", entity + "_id", "id_" + entity, "id_do_" + entity, "id_da_" + entity:
				if c.Unique {
					c.PrimaryKey, c.Required = true, true
					c.Infer(spec.InferredKey)
				}
			}
		}
	}
}

// freshnessColumn picks the load or update timestamp that tells how fresh
// the data is, never one documented as null until an event.
func (x *extraction) freshnessColumn() {
	if x.d.SLA.Value == 0 {
		return
	}
	for _, t := range x.d.Tables {
		var fields []FieldSpec
		for _, c := range t.Columns {
			if !c.NullUntilEvent {
				fields = append(fields, FieldSpec{Name: c.Name, LogicalType: c.LogicalType})
			}
		}
		if col := freshnessColumn(fields); col != "" {
			x.d.SLA.Column = col
			return
		}
	}
}
