package contract

// contract decodes the root mapping.
func (t *typed) contract(m map[string]any) *Contract {
	c := &Contract{}
	c.Extra = t.fields(m, func(k string, v any) bool {
		switch k {
		case "apiVersion":
			return t.str(k, v, &c.APIVersion)
		case "kind":
			return t.str(k, v, &c.Kind)
		case "id":
			return t.str(k, v, &c.ID)
		case "name":
			return t.str(k, v, &c.Name)
		case "version":
			return t.str(k, v, &c.Version)
		case "status":
			return t.str(k, v, &c.Status)
		case "tenant":
			return t.str(k, v, &c.Tenant)
		case "domain":
			return t.str(k, v, &c.Domain)
		case "dataProduct":
			return t.str(k, v, &c.DataProduct)
		case "contractCreatedTs":
			return t.str(k, v, &c.ContractCreatedTs)
		case "tags":
			return t.strs(k, v, &c.Tags)
		case "description":
			return t.mapping(k, v, func(m map[string]any) { c.Description = t.description(m) })
		case "team":
			return t.team(k, v, &c.Team)
		case "schema":
			return t.list(k, v, func(_ int, m map[string]any) { c.Schema = append(c.Schema, t.schemaObject(m)) })
		case "slaProperties":
			return t.list(k, v, func(_ int, m map[string]any) { c.SLAProperties = append(c.SLAProperties, t.sla(m)) })
		case "authoritativeDefinitions":
			return t.authDefs(k, v, &c.AuthoritativeDefinitions)
		case "customProperties":
			return t.customs(k, v, &c.CustomProperties)
		}
		return false
	})
	return c
}

func (t *typed) description(m map[string]any) *Description {
	d := &Description{}
	d.Extra = t.fields(m, func(k string, v any) bool {
		switch k {
		case "purpose":
			return t.str(k, v, &d.Purpose)
		case "limitations":
			return t.str(k, v, &d.Limitations)
		case "usage":
			return t.str(k, v, &d.Usage)
		case "authoritativeDefinitions":
			return t.authDefs(k, v, &d.AuthoritativeDefinitions)
		case "customProperties":
			return t.customs(k, v, &d.CustomProperties)
		}
		return false
	})
	return d
}

// team reads the v3.1.0 object and the deprecated v3.0 array of members.
func (t *typed) team(k string, v any, dst **Team) bool {
	if _, ok := v.([]any); ok {
		tm := &Team{LegacyArray: true}
		t.list(k, v, func(_ int, m map[string]any) { tm.Members = append(tm.Members, t.member(m)) })
		*dst = tm
		return true
	}
	return t.mapping(k, v, func(m map[string]any) {
		tm := &Team{}
		tm.Extra = t.fields(m, func(k string, v any) bool {
			switch k {
			case "id":
				return t.str(k, v, &tm.ID)
			case "name":
				return t.str(k, v, &tm.Name)
			case "description":
				return t.str(k, v, &tm.Description)
			case "tags":
				return t.strs(k, v, &tm.Tags)
			case "customProperties":
				return t.customs(k, v, &tm.Custom)
			case "members":
				return t.list(k, v, func(_ int, m map[string]any) { tm.Members = append(tm.Members, t.member(m)) })
			}
			return false
		})
		*dst = tm
	})
}

func (t *typed) member(m map[string]any) TeamMember {
	var tm TeamMember
	tm.Extra = t.fields(m, func(k string, v any) bool {
		switch k {
		case "username":
			return t.str(k, v, &tm.Username)
		case "name":
			return t.str(k, v, &tm.Name)
		case "role":
			return t.str(k, v, &tm.Role)
		case "description":
			return t.str(k, v, &tm.Description)
		case "dateIn":
			return t.str(k, v, &tm.DateIn)
		case "dateOut":
			return t.str(k, v, &tm.DateOut)
		case "replacedByUsername":
			return t.str(k, v, &tm.ReplacedByUsername)
		}
		return false
	})
	return tm
}

func (t *typed) schemaObject(m map[string]any) SchemaObject {
	var o SchemaObject
	o.Extra = t.fields(m, func(k string, v any) bool {
		switch k {
		case "id":
			return t.str(k, v, &o.ID)
		case "name":
			return t.str(k, v, &o.Name)
		case "physicalName":
			return t.str(k, v, &o.PhysicalName)
		case "physicalType":
			return t.str(k, v, &o.PhysicalType)
		case "logicalType":
			return t.str(k, v, &o.LogicalType)
		case "businessName":
			return t.str(k, v, &o.BusinessName)
		case "description":
			return t.str(k, v, &o.Description)
		case "dataGranularityDescription":
			return t.str(k, v, &o.DataGranularityDescription)
		case "tags":
			return t.strs(k, v, &o.Tags)
		case "properties":
			if l, ok := v.([]any); ok && len(l) > 0 {
				o.Properties = t.bufs.newProps(len(l))
			}
			return t.list(k, v, func(_ int, m map[string]any) { o.Properties = append(o.Properties, t.property(m)) })
		case "relationships":
			return t.list(k, v, func(_ int, m map[string]any) { o.Relationships = append(o.Relationships, t.relationship(m)) })
		case "quality":
			return t.list(k, v, func(_ int, m map[string]any) { o.Quality = append(o.Quality, t.quality(m)) })
		case "authoritativeDefinitions":
			return t.authDefs(k, v, &o.AuthoritativeDefinitions)
		case "customProperties":
			return t.customs(k, v, &o.CustomProperties)
		}
		return false
	})
	return o
}

func (t *typed) relationship(m map[string]any) Relationship {
	var r Relationship
	r.Extra = t.fields(m, func(k string, v any) bool {
		switch k {
		case "type":
			return t.str(k, v, &r.Type)
		case "from":
			return t.refs(k, v, &r.From)
		case "to":
			return t.refs(k, v, &r.To)
		case "customProperties":
			return t.customs(k, v, &r.CustomProperties)
		}
		return false
	})
	return r
}

func (t *typed) sla(m map[string]any) SLAProperty {
	var s SLAProperty
	s.Extra = t.fields(m, func(k string, v any) bool {
		switch k {
		case "id":
			return t.str(k, v, &s.ID)
		case "property":
			return t.str(k, v, &s.Property)
		case "value":
			s.Value = v
			return true
		case "valueExt":
			s.ValueExt = v
			return true
		case "unit":
			return t.str(k, v, &s.Unit)
		case "element":
			return t.str(k, v, &s.Element)
		case "driver":
			return t.str(k, v, &s.Driver)
		case "description":
			return t.str(k, v, &s.Description)
		}
		return false
	})
	return s
}
