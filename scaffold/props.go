package scaffold

import (
	"sort"
)

// sourcesFile builds the contract's _<source>[__<contract>]__sources.yml.
func (p *plan) sourcesFile() propsFile {
	src := sourceYAML{Name: p.source, Schema: p.sourceSchema,
		Description: firstNonEmpty(purposeOf(p), p.c.Name)}
	src.Config = &metaConfig{Meta: p.contractMeta(nil)}
	for _, o := range p.objects {
		t := tableYAML{Name: o.table, Description: o.description}
		if o.identifier != o.table {
			t.Identifier = o.identifier
		}
		if f := o.freshness; f != nil {
			t.Config = &tableConfig{LoadedAtField: f.field,
				Freshness: &freshnessYAML{ErrorAfter: freshnessRule{Count: f.count, Period: f.period}}}
		}
		for _, c := range o.columns {
			t.Columns = append(t.Columns, columnYAML{Name: c.srcName, Description: c.prop.Description})
		}
		src.Tables = append(src.Tables, t)
	}
	return propsFile{Version: 2, Sources: []sourceYAML{src}}
}

func purposeOf(p *plan) string {
	if p.c.Description == nil {
		return ""
	}
	return p.c.Description.Purpose
}

// contractMeta is the model meta naming the contract, its version and owner.
func (p *plan) contractMeta(extra map[string]any) map[string]any {
	m := map[string]any{"contract_id": p.c.ID, "contract_version": p.c.Version}
	if p.owner != "" {
		m["owner"] = p.owner
	}
	if p.contractFile != "" {
		m["contract_file"] = p.contractFile
	}
	for k, v := range extra {
		m[k] = v
	}
	return map[string]any{"dataeng_os": m}
}

// modelsFile builds _<source>[__<contract>]__models.yml, one model per object.
func (p *plan) modelsFile() propsFile {
	f := propsFile{Version: 2}
	for _, o := range p.objects {
		m := modelYAML{Name: o.staging, Description: o.description, DataTests: o.modelTests}
		m.Config = &modelConfig{Meta: p.contractMeta(map[string]any{"schema_object": o.obj.Name})}
		if p.stagingMat != "view" {
			m.Config.Materialized = p.stagingMat
		}
		if p.stagingMat == "incremental" {
			// dbt requires fail or append_new_columns with an enforced
			// contract; the key makes re-runs merge instead of append.
			m.Config.OnSchemaChange = "fail"
			switch len(o.pk) {
			case 0:
			case 1:
				m.Config.UniqueKey = o.pk[0]
			default:
				m.Config.UniqueKey = o.pk
			}
		}
		if o.enforced {
			m.Config.Contract = &contractYAML{Enforced: true}
		}
		m.Config.Tags = sortedUnique(o.obj.Tags)
		if len(o.pk) > 1 && p.stagingConstrained() {
			mc := modelConstraint{Type: "primary_key", Columns: o.pk}
			if !p.d.enforcesUnique {
				mc.WarnUnenforced = boolPtr(false)
			}
			m.Constraints = append(m.Constraints, mc)
		}
		for _, c := range o.columns {
			m.Columns = append(m.Columns, p.columnYAML(c))
		}
		f.Models = append(f.Models, m)
	}
	return f
}

func (p *plan) columnYAML(c *colPlan) columnYAML {
	col := columnYAML{Name: c.name, Description: firstNonEmpty(c.prop.Description, c.prop.BusinessName),
		DataType: c.dataType, DataTests: c.tests}
	if p.stagingConstrained() {
		col.Constraints = c.constraints
	}
	if c.reserved {
		col.Quote = boolPtr(true)
	}
	meta := map[string]any{"pii": c.pii}
	if c.nested != nil {
		meta["pii_fields"] = c.nested.leaves()
	}
	if c.prop.Classification != "" {
		meta["classification"] = c.prop.Classification
	}
	if c.prop.CriticalDataElement {
		meta["critical_data_element"] = true
	}
	if c.srcName != c.name {
		meta["physical_name"] = c.srcName
	}
	if c.prop.LogicalType != "" {
		meta["logical_type"] = c.prop.LogicalType
	}
	if c.masking != "" {
		meta["masking"] = c.masking
	}
	col.Config = &metaConfig{Meta: meta, Tags: sortedUnique(c.prop.Tags)}
	return col
}

// martFile builds the mart's property file.
func (p *plan) martFile(o *objPlan) propsFile {
	m := o.mart
	model := modelYAML{Name: m.name, Description: o.description}
	model.Config = &modelConfig{Materialized: "table", Contract: &contractYAML{Enforced: o.enforced},
		Meta: p.contractMeta(map[string]any{"schema_object": o.obj.Name, "mart": m.kind}),
		Tags: sortedUnique(o.obj.Tags)}
	for _, mc := range m.columns {
		col := columnYAML{Name: mc.name, Description: mc.description, DataType: mc.dataType}
		if mc.reserved {
			col.Quote = boolPtr(true)
		}
		if !mc.hashed && mc.src.prop.PrimaryKey && len(o.pk) == 1 {
			col.DataTests = []any{"not_null", "unique"}
		}
		meta := map[string]any{"pii": mc.src.pii}
		if mc.hashed {
			meta["masked"] = "sha256"
		}
		if len(mc.maskedFields) > 0 {
			meta["masked"], meta["masked_fields"] = "sha256", mc.maskedFields
		}
		col.Config = &metaConfig{Meta: meta}
		model.Columns = append(model.Columns, col)
	}
	return propsFile{Version: 2, Models: []modelYAML{model}}
}

func sortedUnique(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}
