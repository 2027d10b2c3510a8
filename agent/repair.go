package agent

import (
	"bytes"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/contract/fix"
)

// repair applies mechanical fixes to a contract draft that need no model
// and invent no fact. First the same fixer as `validate --fix`
// (contract/fix: header keys, status synonyms, snake_case renames keeping
// physicalName, key positions, property order, v3.0 → v3.1), so no repair
// exists twice; then what only a new draft needs: a missing id (the
// session's name) or version, and any status the fixer could not map
// becomes "draft". It returns the new YAML and what it changed; on YAML it
// cannot read it returns the input unchanged.
func repair(yml string, name string, rules contract.Rules) (string, []string) {
	var fixed []string
	if out, applied, err := fix.Apply(name+".odcs.yaml", []byte(yml), rules); err == nil && len(applied) > 0 {
		yml = string(out)
		for _, f := range applied {
			fixed = append(fixed, f.Message)
		}
	}
	got, did := repairDraft(yml, name, rules)
	return got, append(fixed, did...)
}

// repairDraft fills what a new draft may lack (id, version, a status).
func repairDraft(yml string, name string, rules contract.Rules) (string, []string) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(yml), &doc); err != nil || len(doc.Content) == 0 {
		return yml, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return yml, nil
	}
	var did []string
	set := func(key, val, why string, replace func(old string) bool) {
		v := mapValue(root, key)
		switch {
		case v == nil:
			root.Content = append(root.Content,
				&yaml.Node{Kind: yaml.ScalarNode, Value: key}, &yaml.Node{Kind: yaml.ScalarNode, Value: val})
			did = append(did, "added "+key+": "+val)
		case v.Kind == yaml.ScalarNode && replace != nil && replace(v.Value):
			did = append(did, why+" "+key+": "+v.Value+" → "+val)
			v.Value, v.Tag, v.Style = val, "!!str", 0
		}
	}
	set("apiVersion", contract.APIVersion, "set", func(old string) bool { return old == "" || old == "3.1.0" })
	set("kind", "DataContract", "set", func(old string) bool {
		return old != "DataContract" && (old == "" || old == "datacontract" || old == "Datacontract")
	})
	set("id", name, "", nil)
	set("version", "0.1.0", "set", func(old string) bool { return old == "" })
	statuses := rules.Policy.Contract.Statuses
	set("status", "draft", "replaced", func(old string) bool { return len(statuses) > 0 && !slices.Contains(statuses, old) })
	if len(did) == 0 {
		return yml, nil
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return yml, nil
	}
	_ = enc.Close()
	return b.String(), did
}

func mapValue(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}
