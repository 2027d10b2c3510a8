package spec

import (
	"errors"

	"github.com/dataeng-os/dataeng-os/contract"
)

// Custom properties the scaffolder reads (scaffold.PropSource, PropMart).
const (
	PropSource = "dbtSource"
	PropMart   = "dbtMart"
)

// Options steer AssembleWith.
type Options struct {
	Lang     string              // "pt" or "en" (default)
	Sections []Section           // canvas sections (default DefaultSections)
	Policy   *contract.PIIPolicy // PII policy (default: the embedded policy)
}

// Assemble turns a draft into the canvas (Markdown, in lang) and the ODCS
// v3.1.0 contract, with the default template and policy.
func Assemble(d Draft, lang string) (canvasMarkdown string, contractYAML []byte, err error) {
	return AssembleWith(d, Options{Lang: lang})
}

// AssembleWith is Assemble with the project's template sections and
// policy. It is deterministic: the same draft gives the same bytes.
func AssembleWith(d Draft, o Options) (string, []byte, error) {
	if len(o.Sections) == 0 {
		o.Sections = DefaultSections()
	}
	pol := contract.DefaultRules().Policy.PII
	if o.Policy != nil {
		pol = *o.Policy
	}
	c := Contract(d, pol)
	y, err := contract.Marshal(&c)
	if err != nil {
		return "", nil, errors.Join(errors.New("assemble contract"), err)
	}
	return Canvas(d, o.Sections, o.Lang), y, nil
}

// Contract builds the typed ODCS contract of a draft.
func Contract(d Draft, pol contract.PIIPolicy) contract.Contract {
	id := d.Name
	if id == "" {
		id = "dataset"
	}
	name := d.BusinessName
	if name == "" {
		name = id
	}
	c := contract.Contract{APIVersion: contract.APIVersion, Kind: "DataContract", ID: id, Name: name,
		Version: "0.1.0", Status: "draft", Domain: d.Domain, DataProduct: id}
	if d.Purpose != "" || d.Consumers != "" {
		c.Description = &contract.Description{Purpose: d.Purpose, Usage: d.Consumers}
	}
	if d.Team != "" || d.Owner != "" {
		c.Team = &contract.Team{Name: d.Team}
		if d.Owner != "" {
			c.Team.Members = []contract.TeamMember{{Username: d.Owner, Role: "owner"}}
		}
	}
	if d.Source != "" {
		c.CustomProperties = []contract.CustomProperty{{Property: PropSource, Value: d.Source}}
	}
	for _, t := range d.Tables {
		c.Schema = append(c.Schema, SchemaObject(t, pol))
	}
	c.SLAProperties = slaProperties(d)
	return c
}

// SchemaObject builds one table with its properties and mart.
func SchemaObject(t Table, pol contract.PIIPolicy) contract.SchemaObject {
	obj := contract.SchemaObject{Name: t.Name, BusinessName: t.BusinessName, LogicalType: "object", PhysicalType: "table",
		Description: t.Description}
	if obj.BusinessName == obj.Name {
		obj.BusinessName = ""
	}
	pos := 0
	for _, col := range t.Columns {
		obj.Properties = append(obj.Properties, Property(col, pol, &pos))
	}
	if t.Mart != MartNone {
		obj.CustomProperties = []contract.CustomProperty{{Property: PropMart, Value: string(t.Mart)}}
	}
	return obj
}

// slaProperties is the freshness entry, on its column when one is chosen
// (the scaffolder turns it into the source's loaded_at_field).
func slaProperties(d Draft) []contract.SLAProperty {
	if d.SLA.Value <= 0 || d.SLA.Unit == "" {
		return nil
	}
	sla := contract.SLAProperty{Property: "freshness", Value: d.SLA.Value, Unit: d.SLA.Unit}
	if t, ok := d.slaTable(); ok && d.SLA.Column != "" {
		sla.Element = t.Name + "." + d.SLA.Column
	}
	return []contract.SLAProperty{sla}
}

// slaTable is the table holding the SLA column.
func (d Draft) slaTable() (Table, bool) {
	for _, t := range d.Tables {
		for _, c := range t.Columns {
			if c.Name == d.SLA.Column {
				return t, true
			}
		}
	}
	return Table{}, false
}
