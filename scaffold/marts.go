package scaffold

import (
	"fmt"
	"path"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

// martKind reads dbtMart from the object, else from the contract.
func (p *plan) martKind(obj *contract.SchemaObject) (string, error) {
	v := customString(obj.CustomProperties, PropMart)
	if v == "" {
		v = customString(p.c.CustomProperties, PropMart)
	}
	switch strings.ToLower(v) {
	case "":
		return "", nil
	case "fact", "fct":
		return "fact", nil
	case "dimension", "dim":
		return "dimension", nil
	case "none", "false":
		return "", nil
	}
	return "", fmt.Errorf("customProperties %s: %q is not fact or dimension", PropMart, v)
}

// buildMart plans a fct_/dim_ model over the staging model. PII columns are
// hashed when their masking says hash/tokenize, otherwise left out, unless
// the policy allows PII in marts.
func (p *plan) buildMart(o *objPlan) error {
	kind, err := p.martKind(o.obj)
	if err != nil || kind == "" {
		return err
	}
	marts := p.rules.Naming.Layers.Marts
	prefix := marts.FactPrefix
	if kind == "dimension" {
		prefix = marts.DimensionPrefix
	}
	group := p.source
	if p.c.Domain != "" && checkName("domain", p.c.Domain) == nil {
		group = snake(p.c.Domain)
	}
	m := &martPlan{kind: kind, name: prefix + o.entity, dir: path.Join(ModelsDir, "marts", group)}
	for _, c := range o.columns {
		mc, keep, note := p.martColumn(c)
		if keep {
			m.columns = append(m.columns, mc)
		}
		if note != "" {
			m.notes = append(m.notes, oneLine(note))
		}
	}
	if len(m.columns) == 0 {
		return fmt.Errorf("mart %s would have no columns (all are PII)", m.name)
	}
	if m.name == o.staging {
		return fmt.Errorf("mart and staging model share the name %s", m.name)
	}
	o.mart = m
	return nil
}

// martColumn plans one mart column; a column left out may come with a
// note saying why.
func (p *plan) martColumn(c *colPlan) (martCol, bool, string) {
	mc := martCol{name: c.name, sqlName: c.sqlName, expr: c.sqlName, dataType: c.dataType,
		description: c.prop.Description, reserved: c.reserved, src: c}
	hash := c.masking == "hash" || c.masking == "tokenize"
	switch {
	case !c.pii:
		return mc, true, ""
	case c.nested != nil:
		mc, note := p.martNested(c, mc)
		return mc, note == "", note
	case hash:
		mc.name = c.name + "_hash"
		mc.sqlName = p.d.quote(mc.name, p.reserved)
		mc.reserved = p.reserved[mc.name]
		mc.expr = fmt.Sprintf(p.d.hashFmt, c.sqlName)
		mc.dataType = p.d.types["hash"]
		mc.hashed = true
		mc.description = strings.TrimSpace("SHA-256 of " + c.name + ". " + c.prop.Description)
		return mc, true, ""
	case p.rules.Policy.PII.AllowInMarts && c.masking != "redact":
		return mc, true, ""
	}
	return mc, false, ""
}

// resolveFreshness maps a freshness/latency SLA on table.column to the
// source table's loaded_at_field and error_after.
func (p *plan) resolveFreshness() {
	for _, sla := range p.c.SLAProperties {
		if !strings.EqualFold(sla.Property, "freshness") && !strings.EqualFold(sla.Property, "latency") {
			continue
		}
		count, ok := intOf(sla.Value)
		if !ok || count <= 0 {
			continue
		}
		n, period := freshnessPeriod(count, sla.Unit)
		if period == "" {
			continue
		}
		o, c := p.slaElement(sla.Element)
		if o == nil || o.freshness != nil {
			continue
		}
		o.freshness = &freshness{field: c.srcName, count: n, period: period}
	}
}

// slaElement resolves "object.column"; when the object part names nothing,
// a column found in exactly one object is used.
func (p *plan) slaElement(el string) (*objPlan, *colPlan) {
	if o, c := p.resolveRef(el); o != nil {
		return o, c
	}
	_, col, ok := strings.Cut(el, ".")
	if !ok {
		col = el
	}
	var fo *objPlan
	var fc *colPlan
	for _, o := range p.objects {
		for _, c := range o.columns {
			if col != "" && (c.prop.Name == col || c.prop.PhysicalName == col) {
				if fo != nil {
					return nil, nil
				}
				fo, fc = o, c
			}
		}
	}
	return fo, fc
}

// freshnessPeriod converts an ODCS duration to dbt's minute|hour|day.
func freshnessPeriod(n int64, unit string) (int, string) {
	switch strings.ToLower(strings.TrimSpace(unit)) {
	case "m", "min", "mins", "minute", "minutes":
		return int(n), "minute"
	case "h", "hr", "hrs", "hour", "hours":
		return int(n), "hour"
	case "d", "day", "days":
		return int(n), "day"
	case "w", "week", "weeks":
		return int(n) * 7, "day"
	case "mo", "month", "months":
		return int(n) * 30, "day"
	case "y", "yr", "year", "years":
		return int(n) * 365, "day"
	}
	return 0, ""
}
