package scaffold

import (
	"fmt"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
)

// relationshipTest adds dbt's relationships test from c to col of obj,
// once.
func (p *plan) relationshipTest(c *colPlan, obj *objPlan, col *colPlan) {
	for _, r := range c.refs {
		if r == col {
			return
		}
	}
	c.refs = append(c.refs, col)
	c.tests = append(c.tests, map[string]any{"relationships": testSpec{Arguments: map[string]any{
		"to":    fmt.Sprintf("ref('%s')", obj.staging),
		"field": col.name,
	}}})
}

// objectRelationships maps ODCS v3.1 object-level relationships (from/to
// on the schema object) to tests: one column → dbt's relationships test on
// that column; several (a composite key) → dataeng_os_relationships on the
// model, from tests/generic/. A relationship whose ends do not resolve
// within the contract, or whose lists differ in length, is left out.
func (p *plan) objectRelationships(o *objPlan) {
	for _, rel := range o.obj.Relationships {
		if rel.Type != "" && !strings.EqualFold(rel.Type, "foreignKey") || len(rel.From) == 0 || len(rel.From) != len(rel.To) {
			continue
		}
		from, ok := p.resolveCols(o, rel.From)
		if !ok {
			continue
		}
		to, ok := p.resolveCols(nil, rel.To)
		if !ok || to[0].obj == o && sameCols(from, to) {
			continue
		}
		if len(from) == 1 {
			p.relationshipTest(from[0].col, to[0].obj, to[0].col)
			continue
		}
		p.compositeRelationship(o, from, to)
	}
}

type objCol struct {
	obj *objPlan
	col *colPlan
}

// resolveCols resolves references that must all name one object: `object.
// property`, or a bare property of self.
func (p *plan) resolveCols(self *objPlan, refs contract.RefList) ([]objCol, bool) {
	var out []objCol
	for _, ref := range refs {
		oc := objCol{}
		if !strings.Contains(ref, ".") && self != nil {
			oc.obj, oc.col = self, self.column(strings.TrimSpace(ref))
		} else {
			oc.obj, oc.col = p.resolveRef(ref)
		}
		if oc.col == nil || len(out) > 0 && out[0].obj != oc.obj {
			return nil, false
		}
		out = append(out, oc)
	}
	return out, len(out) > 0
}

func (o *objPlan) column(name string) *colPlan {
	for _, c := range o.columns {
		if c.prop.Name == name || c.prop.PhysicalName == name {
			return c
		}
	}
	return nil
}

func sameCols(a, b []objCol) bool {
	for i := range a {
		if a[i].col != b[i].col {
			return false
		}
	}
	return true
}

// compositeRelationship adds the model test that every non-null
// combination of the from columns exists in the target model.
func (p *plan) compositeRelationship(o *objPlan, from, to []objCol) {
	cols, fields := make([]string, len(from)), make([]string, len(to))
	for i := range from {
		cols[i], fields[i] = from[i].col.sqlName, to[i].col.sqlName
		from[i].col.refs = append(from[i].col.refs, to[i].col)
	}
	p.usesGeneric = true
	o.modelTests = append(o.modelTests, map[string]any{"dataeng_os_relationships": testSpec{Arguments: map[string]any{
		"columns": cols, "to": fmt.Sprintf("ref('%s')", to[0].obj.staging), "fields": fields,
	}}})
}
