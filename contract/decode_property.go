package contract

func (t *typed) property(m map[string]any) Property {
	var p Property
	p.Extra = t.fields(m, func(k string, v any) bool {
		switch k {
		case "id":
			return t.str(k, v, &p.ID)
		case "name":
			return t.str(k, v, &p.Name)
		case "physicalName":
			return t.str(k, v, &p.PhysicalName)
		case "physicalType":
			return t.str(k, v, &p.PhysicalType)
		case "logicalType":
			return t.str(k, v, &p.LogicalType)
		case "logicalTypeOptions":
			return t.object(k, v, &p.LogicalTypeOptions)
		case "businessName":
			return t.str(k, v, &p.BusinessName)
		case "description":
			return t.str(k, v, &p.Description)
		case "classification":
			return t.str(k, v, &p.Classification)
		case "transformLogic":
			return t.str(k, v, &p.TransformLogic)
		case "transformDescription":
			return t.str(k, v, &p.TransformDescription)
		}
		return t.propertyMore(&p, k, v)
	})
	return p
}

func (t *typed) propertyMore(p *Property, k string, v any) bool {
	switch k {
	case "required":
		return t.boolean(k, v, &p.Required)
	case "unique":
		return t.boolean(k, v, &p.Unique)
	case "primaryKey":
		return t.boolean(k, v, &p.PrimaryKey)
	case "partitioned":
		return t.boolean(k, v, &p.Partitioned)
	case "criticalDataElement":
		return t.boolean(k, v, &p.CriticalDataElement)
	case "primaryKeyPosition":
		return t.integer(k, v, &p.PrimaryKeyPosition)
	case "partitionKeyPosition":
		return t.integer(k, v, &p.PartitionKeyPosition)
	case "tags":
		return t.strs(k, v, &p.Tags)
	case "transformSourceObjects":
		return t.strs(k, v, &p.TransformSourceObjects)
	case "examples":
		if l, ok := v.([]any); ok {
			p.Examples = l
		} else if v != nil {
			t.bad(k, v, "a list")
		}
		return true
	case "quality":
		return t.list(k, v, func(_ int, m map[string]any) { p.Quality = append(p.Quality, t.quality(m)) })
	case "relationships":
		return t.list(k, v, func(_ int, m map[string]any) { p.Relationships = append(p.Relationships, t.relationship(m)) })
	case "authoritativeDefinitions":
		return t.authDefs(k, v, &p.AuthoritativeDefinitions)
	case "customProperties":
		return t.customs(k, v, &p.CustomProperties)
	case "properties":
		return t.list(k, v, func(_ int, m map[string]any) { p.Properties = append(p.Properties, t.property(m)) })
	case "items":
		return t.mapping(k, v, func(m map[string]any) { it := t.property(m); p.Items = &it })
	}
	return false
}

func (t *typed) quality(m map[string]any) Quality {
	var q Quality
	q.Extra = t.fields(m, func(k string, v any) bool {
		switch k {
		case "id":
			return t.str(k, v, &q.ID)
		case "name":
			return t.str(k, v, &q.Name)
		case "description":
			return t.str(k, v, &q.Description)
		case "type":
			return t.str(k, v, &q.Type)
		case "dimension":
			return t.str(k, v, &q.Dimension)
		case "metric":
			return t.str(k, v, &q.Metric)
		case "rule":
			return t.str(k, v, &q.Rule)
		case "unit":
			return t.str(k, v, &q.Unit)
		case "query":
			return t.str(k, v, &q.Query)
		case "engine":
			return t.str(k, v, &q.Engine)
		case "severity":
			return t.str(k, v, &q.Severity)
		case "businessImpact":
			return t.str(k, v, &q.BusinessImpact)
		}
		return t.qualityMore(&q, k, v)
	})
	return q
}

func (t *typed) qualityMore(q *Quality, k string, v any) bool {
	switch k {
	case "arguments":
		return t.object(k, v, &q.Arguments)
	case "mustBe":
		q.MustBe = v
		return true
	case "mustNotBe":
		q.MustNotBe = v
		return true
	case "mustBeGreaterThan":
		return t.number(k, v, &q.MustBeGreaterThan)
	case "mustBeGreaterOrEqualTo":
		return t.number(k, v, &q.MustBeGreaterOrEqualTo)
	case "mustBeLessThan":
		return t.number(k, v, &q.MustBeLessThan)
	case "mustBeLessOrEqualTo":
		return t.number(k, v, &q.MustBeLessOrEqualTo)
	case "mustBeBetween":
		return t.numbers(k, v, &q.MustBeBetween)
	case "mustNotBeBetween":
		return t.numbers(k, v, &q.MustNotBeBetween)
	case "customProperties":
		return t.customs(k, v, &q.CustomProperties)
	}
	return false
}
