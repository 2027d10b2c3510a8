package agent

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Kinds of grounded items: what a contract states that must come from the
// person's words.
const (
	gkTable    = "table"
	gkColumn   = "column"
	gkBusiness = "business name"
	gkValue    = "value"
	gkNumber   = "number"
	gkOwner    = "owner"
	gkTeam     = "team"
	gkSystem   = "system"
	gkDesc     = "description"
)

// groundItem is one checked statement of a contract, and how to remove it.
type groundItem struct {
	Kind, Path, Text string
	Line             int
	parent, node     *yaml.Node // node is removed from parent (a sequence element or a mapping key)
}

// label names the item in a finding: "column `basket_value`".
func (it groundItem) label() string { return fmt.Sprintf("%s `%s`", it.Kind, it.Text) }

// mapGet returns the key and value nodes of key in mapping n.
func mapGet(n *yaml.Node, key string) (*yaml.Node, *yaml.Node) {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i], n.Content[i+1]
		}
	}
	return nil, nil
}

func seqItems(n *yaml.Node) []*yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	return n.Content
}

// collector walks a contract document and lists its grounded items.
type collector struct{ items []groundItem }

func (c *collector) add(kind, path string, v, parent, node *yaml.Node) {
	if v == nil || v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" {
		return
	}
	c.items = append(c.items, groundItem{Kind: kind, Path: path, Text: v.Value, Line: v.Line, parent: parent, node: node})
}

// field adds the scalar under key of m; removing it drops the key.
func (c *collector) field(kind, path string, m *yaml.Node, key string) {
	k, v := mapGet(m, key)
	c.add(kind, path+"."+key, v, m, k)
}

// collectGrounded lists the items of a contract's root mapping.
func collectGrounded(root *yaml.Node) []groundItem {
	c := &collector{}
	_, desc := mapGet(root, "description")
	for _, k := range []string{"purpose", "usage", "limitations"} {
		c.field(gkDesc, "description", desc, k)
	}
	_, schema := mapGet(root, "schema")
	for i, obj := range seqItems(schema) {
		p := fmt.Sprintf("schema[%d]", i)
		_, name := mapGet(obj, "name")
		c.add(gkTable, p+".name", name, schema, obj)
		c.field(gkBusiness, p, obj, "businessName")
		c.field(gkDesc, p, obj, "description")
		_, props := mapGet(obj, "properties")
		for j, prop := range seqItems(props) {
			c.property(fmt.Sprintf("%s.properties[%d]", p, j), props, prop)
		}
	}
	c.team(root)
	c.slas(root)
	c.systems(root)
	return c.items
}

func (c *collector) property(p string, props, prop *yaml.Node) {
	_, name := mapGet(prop, "name")
	c.add(gkColumn, p+".name", name, props, prop)
	c.field(gkBusiness, p, prop, "businessName")
	c.field(gkDesc, p, prop, "description")
	_, opts := mapGet(prop, "logicalTypeOptions")
	for i := 0; opts != nil && opts.Kind == yaml.MappingNode && i+1 < len(opts.Content); i += 2 {
		if v := opts.Content[i+1]; v.Kind == yaml.ScalarNode && numberRE.MatchString(v.Value) {
			c.add(gkNumber, p+".logicalTypeOptions."+opts.Content[i].Value, v, opts, opts.Content[i])
		}
	}
	_, quality := mapGet(prop, "quality")
	for qi, q := range seqItems(quality) {
		_, args := mapGet(q, "arguments")
		_, vals := mapGet(args, "validValues")
		for vi, v := range seqItems(vals) {
			c.add(gkValue, fmt.Sprintf("%s.quality[%d].arguments.validValues[%d]", p, qi, vi), v, vals, v)
		}
	}
}

func (c *collector) team(root *yaml.Node) {
	_, team := mapGet(root, "team")
	members := team
	if team != nil && team.Kind == yaml.MappingNode {
		c.field(gkTeam, "team", team, "name")
		_, members = mapGet(team, "members")
	}
	for i, m := range seqItems(members) {
		_, u := mapGet(m, "username")
		c.add(gkOwner, fmt.Sprintf("team.members[%d].username", i), u, members, m)
	}
}

func (c *collector) slas(root *yaml.Node) {
	_, slas := mapGet(root, "slaProperties")
	for i, s := range seqItems(slas) {
		if _, v := mapGet(s, "value"); v != nil && v.Kind == yaml.ScalarNode && numberRE.MatchString(v.Value) {
			c.add(gkNumber, fmt.Sprintf("slaProperties[%d].value", i), v, slas, s)
		}
	}
}

func (c *collector) systems(root *yaml.Node) {
	_, servers := mapGet(root, "servers")
	for i, s := range seqItems(servers) {
		for _, k := range []string{"server", "host", "database"} {
			if _, v := mapGet(s, k); v != nil {
				c.add(gkSystem, fmt.Sprintf("servers[%d].%s", i, k), v, servers, s)
			}
		}
	}
	_, cps := mapGet(root, "customProperties")
	for i, cp := range seqItems(cps) {
		if _, prop := mapGet(cp, "property"); prop != nil && strings.Contains(strings.ToLower(prop.Value), "source") {
			_, v := mapGet(cp, "value")
			c.add(gkSystem, fmt.Sprintf("customProperties[%d].value", i), v, cps, cp)
		}
	}
}

// removeNode drops node from parent: a sequence element, or a mapping key
// with its value. It reports whether it was there.
func removeNode(parent, node *yaml.Node) bool {
	for i, n := range parent.Content {
		if n != node {
			continue
		}
		if parent.Kind == yaml.MappingNode {
			parent.Content = append(parent.Content[:i], parent.Content[i+2:]...)
		} else {
			parent.Content = append(parent.Content[:i], parent.Content[i+1:]...)
		}
		return true
	}
	return false
}
