package web

import (
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

// Form is the editor's view of a contract: only the fields the form shows.
// ApplyForm merges it into a full Contract so that every field the form does
// not show (servers, SLAs, quality rules, vendor extensions) is kept.
type Form struct {
	ID          string       `json:"id"`
	Name        string       `json:"name"`
	Version     string       `json:"version"`
	Status      string       `json:"status"`
	Domain      string       `json:"domain"`
	DataProduct string       `json:"dataProduct"`
	Owner       string       `json:"owner"` // team.name
	Purpose     string       `json:"purpose"`
	Tags        []string     `json:"tags"`
	Objects     []FormObject `json:"objects"`
	SLA         FormSLA      `json:"sla"`
}

// FormObject is one schema object in the form. Key is its index in the
// loaded contract's schema (nil for an object added in the form), so that
// reordering or deleting rows keeps each object's hidden fields.
type FormObject struct {
	Key          *int           `json:"key,omitempty"`
	Name         string         `json:"name"`
	PhysicalName string         `json:"physicalName"`
	Description  string         `json:"description"`
	Tags         []string       `json:"tags"`
	Properties   []FormProperty `json:"properties"`
}

// FormProperty is one column in the form; Key works as in FormObject.
type FormProperty struct {
	Key                 *int     `json:"key,omitempty"`
	Name                string   `json:"name"`
	LogicalType         string   `json:"logicalType"`
	Required            bool     `json:"required"`
	Unique              bool     `json:"unique"`
	PrimaryKey          bool     `json:"primaryKey"`
	Classification      string   `json:"classification"`
	CriticalDataElement bool     `json:"criticalDataElement"`
	Masking             string   `json:"masking"`
	Description         string   `json:"description"`
	Tags                []string `json:"tags"`
	// Values are the accepted values (an invalidValues quality rule).
	Values []string `json:"values"`
	// Min and Max are the inclusive range (logicalTypeOptions minimum/maximum).
	Min string `json:"min"`
	Max string `json:"max"`
	// References is the foreign key: "table.column" (comma-separated for a
	// composite key), the property's first relationship.
	References string `json:"references"`
	// Properties are the fields of an object column.
	Properties []FormProperty `json:"properties"`
	// Inferred are the facts guessed from the column's name and not yet
	// confirmed (form_inferred.go); nil from a client keeps them all.
	Inferred []string `json:"inferred,omitempty"`
}

// FormFromContract extracts the form fields of c. maskingProp names the
// custom property that records a PII column's masking (policy pii.maskingProperty).
func FormFromContract(c *contract.Contract, maskingProp string) Form {
	f := Form{ID: c.ID, Name: c.Name, Version: c.Version, Status: c.Status,
		Domain: c.Domain, DataProduct: c.DataProduct, Tags: nonNil(c.Tags)}
	if c.Team != nil {
		f.Owner = c.Team.Name
	}
	if c.Description != nil {
		f.Purpose = c.Description.Purpose
	}
	f.Objects = make([]FormObject, 0, len(c.Schema))
	for i, o := range c.Schema {
		fo := FormObject{Key: intp(i), Name: o.Name, PhysicalName: o.PhysicalName,
			Description: o.Description, Tags: nonNil(o.Tags)}
		fo.Properties = formProps(o.Properties, maskingProp)
		f.Objects = append(f.Objects, fo)
	}
	f.SLA = formSLA(c.SLAProperties)
	return f
}

// formProps is the form view of a list of properties (nested ones too).
func formProps(ps []contract.Property, maskingProp string) []FormProperty {
	out := make([]FormProperty, 0, len(ps))
	for j, p := range ps {
		min, max := rangeOf(p)
		out = append(out, FormProperty{Key: intp(j), Name: p.Name,
			LogicalType: p.LogicalType, Required: p.Required, Unique: p.Unique,
			PrimaryKey: p.PrimaryKey, Classification: p.Classification,
			CriticalDataElement: p.CriticalDataElement, Description: p.Description,
			Masking: customString(p.CustomProperties, maskingProp), Tags: nonNil(p.Tags),
			Values: nonNil(valuesOf(p)), Min: min, Max: max, References: refsOf(p),
			Properties: formProps(p.Properties, maskingProp), Inferred: inferredOf(p.CustomProperties)})
	}
	return out
}

// ApplyForm writes the form's fields into base (which it modifies and
// returns). A nil base starts a new v3.1.0 contract.
func ApplyForm(base *contract.Contract, f Form, maskingProp string) *contract.Contract {
	c := base
	if c == nil {
		c = &contract.Contract{}
	}
	if c.APIVersion == "" {
		c.APIVersion = contract.APIVersion
	}
	if c.Kind == "" {
		c.Kind = "DataContract"
	}
	c.ID, c.Name, c.Version, c.Status = trim(f.ID), trim(f.Name), trim(f.Version), trim(f.Status)
	c.Domain, c.DataProduct, c.Tags = trim(f.Domain), trim(f.DataProduct), cleanTags(f.Tags)
	c.Team = applyOwner(c.Team, trim(f.Owner))
	c.Description = applyPurpose(c.Description, strings.TrimSpace(f.Purpose))
	c.SLAProperties = applySLA(c.SLAProperties, f.SLA)
	old := c.Schema
	c.Schema = nil
	for _, fo := range f.Objects {
		var o contract.SchemaObject
		if fo.Key != nil && *fo.Key >= 0 && *fo.Key < len(old) {
			o = old[*fo.Key]
		}
		c.Schema = append(c.Schema, applyObject(o, fo, maskingProp))
	}
	return c
}

func applyObject(o contract.SchemaObject, fo FormObject, maskingProp string) contract.SchemaObject {
	o.Name, o.PhysicalName, o.Description = trim(fo.Name), trim(fo.PhysicalName), strings.TrimSpace(fo.Description)
	o.Tags = cleanTags(fo.Tags)
	if o.LogicalType == "" {
		o.LogicalType = "object"
	}
	o.Properties = applyProps(o.Properties, fo.Properties, maskingProp)
	return o
}

// applyProps writes the form's columns over old, matching them by Key so
// that each keeps the fields the form does not show.
func applyProps(old []contract.Property, fps []FormProperty, maskingProp string) []contract.Property {
	var out []contract.Property
	for _, fp := range fps {
		var p contract.Property
		if fp.Key != nil && *fp.Key >= 0 && *fp.Key < len(old) {
			p = old[*fp.Key]
		}
		prev := p
		p.Name, p.LogicalType, p.Classification = trim(fp.Name), trim(fp.LogicalType), trim(fp.Classification)
		p.Required, p.Unique, p.PrimaryKey = fp.Required, fp.Unique, fp.PrimaryKey
		p.CriticalDataElement, p.Description = fp.CriticalDataElement, strings.TrimSpace(fp.Description)
		p.Tags = cleanTags(fp.Tags)
		p.CustomProperties = setCustom(p.CustomProperties, maskingProp, trim(fp.Masking))
		applyInferred(&p, prev, fp)
		applyValueRules(&p, fp)
		if fp.Properties != nil { // nil: a client that does not send nested fields keeps them
			p.Properties = applyProps(p.Properties, fp.Properties, maskingProp)
		}
		out = append(out, p)
	}
	return out
}

func applyOwner(t *contract.Team, owner string) *contract.Team {
	if t == nil {
		if owner == "" {
			return nil
		}
		return &contract.Team{Name: owner}
	}
	t.Name = owner
	if owner == "" && t.ID == "" && t.Description == "" && len(t.Members) == 0 &&
		len(t.Tags) == 0 && len(t.Custom) == 0 && len(t.Extra) == 0 {
		return nil
	}
	return t
}

func applyPurpose(d *contract.Description, purpose string) *contract.Description {
	if d == nil {
		if purpose == "" {
			return nil
		}
		return &contract.Description{Purpose: purpose}
	}
	d.Purpose = purpose
	if purpose == "" && d.Limitations == "" && d.Usage == "" && len(d.AuthoritativeDefinitions) == 0 &&
		len(d.CustomProperties) == 0 && len(d.Extra) == 0 {
		return nil
	}
	return d
}

// setCustom sets (or, with an empty value, removes) the custom property name.
func setCustom(cps []contract.CustomProperty, name, value string) []contract.CustomProperty {
	if name == "" {
		return cps
	}
	out := cps[:0:0]
	found := false
	for _, cp := range cps {
		if cp.Property == name {
			if value == "" || found {
				continue
			}
			cp.Value, found = value, true
		}
		out = append(out, cp)
	}
	if !found && value != "" {
		out = append(out, contract.CustomProperty{Property: name, Value: value})
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func customString(cps []contract.CustomProperty, name string) string {
	for _, cp := range cps {
		if cp.Property == name && name != "" {
			if s, ok := cp.Value.(string); ok {
				return s
			}
		}
	}
	return ""
}

func cleanTags(tags []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range tags {
		t = strings.TrimSpace(t)
		if t != "" && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func trim(s string) string { return strings.TrimSpace(s) }

func intp(i int) *int { return &i }
