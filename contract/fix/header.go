package fix

import (
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/dataeng-os/dataeng-os/contract"
)

// v2Keys are top-level keys of ODCS v2: a contract that has one and no
// apiVersion is not given v3.1.0.
var v2Keys = []string{"uuid", "datasetName", "dataset", "quantumName", "datasetDomain"}

// header adds a missing apiVersion and kind and spells them right where
// only the spelling is wrong (`apiVersion: 3.1`, `kind: datacontract`).
func (f *fixer) header() {
	v, at := get(f.root, "apiVersion")
	switch {
	case v == nil && slices.ContainsFunc(v2Keys, func(k string) bool { n, _ := get(f.root, k); return n != nil }):
		return // an ODCS v2 contract without its apiVersion: not ours to guess
	case v == nil:
		insert(f.root, 0, "apiVersion", strNode(contract.APIVersion))
		f.add(contract.RuleAPIVersion, 1, "added apiVersion: %s", contract.APIVersion)
		at = 0
	case v.Kind == yaml.ScalarNode && v.Value != contract.APIVersion && sameVersion(v.Value):
		old := v.Value
		f.add(contract.RuleAPIVersion, setValue(v, contract.APIVersion), "apiVersion %s → %s", old, contract.APIVersion)
	}
	const kind = "DataContract"
	k, _ := get(f.root, "kind")
	switch {
	case k == nil:
		insert(f.root, at/2+1, "kind", strNode(kind))
		f.add(contract.RuleSchema, 1, "added kind: %s", kind)
	case k.Kind == yaml.ScalarNode && k.Value != kind && slices.Contains([]string{"datacontract", "contract"}, squash(k.Value)):
		old := k.Value
		f.add(contract.RuleSchema, setValue(k, kind), "kind %s → %s", old, kind)
	}
}

// sameVersion reports spellings of v3.1.0 (`3.1`, `v3.1`, `3.1.0`, `V3.1.0`).
func sameVersion(s string) bool {
	s = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), "v")
	return s == "3.1" || s == "3.1.0"
}

// squash lower-cases s and drops spaces, hyphens and underscores.
func squash(s string) string {
	return strings.NewReplacer(" ", "", "-", "", "_", "").Replace(strings.ToLower(strings.TrimSpace(s)))
}

// upgrade lifts a v3.0.x contract to v3.1.0 with contract.Upgrade and
// writes its changes into the node tree: the apiVersion and the deprecated
// team array, which becomes `team: {members: [...]}`.
func (f *fixer) upgrade() {
	if !strings.HasPrefix(f.doc.APIVersion, "v3.0.") {
		return
	}
	c, _, err := contract.Upgrade(f.doc)
	v, _ := get(f.root, "apiVersion")
	if err != nil || c == nil || v == nil || v.Kind != yaml.ScalarNode {
		return
	}
	old := v.Value
	f.add(RuleUpgradeV31, setValue(v, c.APIVersion), "apiVersion %s → %s", old, c.APIVersion)
	for _, obj := range items(f.root, "schema") {
		f.ruleToMetric(obj)
		for _, p := range items(obj, "properties") {
			f.ruleToMetric(p)
		}
	}
	team, i := get(f.root, "team")
	if team == nil || team.Kind != yaml.SequenceNode || c.Team == nil || c.Team.LegacyArray {
		return
	}
	f.root.Content[i+1] = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{strNode("members"), team}}
	f.add(RuleUpgradeV31, f.root.Content[i].Line, "team: the v3.0 list of members became `team: {members: [...]}`")
}

// statusWords maps spellings of a status, squashed, to its ODCS meaning.
// A word goes to a status only when it cannot mean another one.
var statusWords = map[string]string{
	"wip": "draft", "workinprogress": "draft", "inprogress": "draft", "rascunho": "draft", "borrador": "draft",
	"drafting": "draft", "emandamento": "draft", "emprogresso": "draft", "enprogreso": "draft",
	"development": "draft", "indevelopment": "draft", "emdesenvolvimento": "draft", "endesarrollo": "draft",
	"prod": "active", "production": "active", "inproduction": "active", "emproducao": "active", "emprodução": "active",
	"enproduccion": "active", "enproducción": "active", "live": "active", "ativo": "active", "activo": "active",
	"released": "active", "published": "active", "publicado": "active",
	"deprecating": "deprecated", "depreciado": "deprecated", "obsoleto": "deprecated", "obsolete": "deprecated",
	"decommissioned": "retired", "archived": "retired", "arquivado": "retired", "archivado": "retired", "aposentado": "retired",
	"proposal": "proposed", "proposta": "proposed", "propuesta": "proposed",
}

// status maps a status outside the policy's set to an allowed one: a
// different case of an allowed status, or a known synonym whose meaning is
// allowed.
func (f *fixer) status() {
	allowed := f.rules.Policy.Contract.Statuses
	v, _ := get(f.root, "status")
	if len(allowed) == 0 || v == nil || v.Kind != yaml.ScalarNode || v.ShortTag() != "!!str" ||
		slices.Contains(allowed, v.Value) || !f.on(contract.RuleStatus, contract.SeverityError) {
		return
	}
	to, ok := mapStatus(v.Value, allowed)
	if !ok {
		return
	}
	old := v.Value
	f.add(contract.RuleStatus, setValue(v, to), "status %q → %q", old, to)
}

func mapStatus(s string, allowed []string) (string, bool) {
	pick := func(want string) (string, bool) {
		var hits []string
		for _, a := range allowed {
			if strings.EqualFold(squash(a), want) {
				hits = append(hits, a)
			}
		}
		return firstOnly(hits)
	}
	if to, ok := pick(squash(s)); ok {
		return to, true
	}
	if meaning, ok := statusWords[squash(s)]; ok {
		return pick(meaning)
	}
	return "", false
}

func firstOnly(hits []string) (string, bool) {
	if len(hits) != 1 {
		return "", false
	}
	return hits[0], true
}

// ruleToMetric rewrites a node's v3.0 `rule:` quality checks as v3.1
// `metric:` ones, as contract.Upgrade does (a validValues list moves under
// arguments).
func (f *fixer) ruleToMetric(owner *yaml.Node) {
	for _, q := range items(owner, "quality") {
		r, i := get(q, "rule")
		if r == nil || r.Kind != yaml.ScalarNode {
			continue
		}
		if m, _ := get(q, "metric"); m != nil {
			continue
		}
		metric, ok := contract.V30Metric(r.Value)
		if !ok {
			continue
		}
		old := r.Value
		q.Content[i].Value = "metric"
		setValue(r, metric)
		if vv, j := get(q, "validValues"); vv != nil && metric == "invalidValues" {
			q.Content[j].Value = "arguments"
			q.Content[j+1] = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{strNode("validValues"), vv}}
		}
		f.add(RuleUpgradeV31, q.Content[i].Line, "quality rule %q → metric %q", old, metric)
	}
}
