package agent

import (
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/providers"
)

// ungroundedSeverity is draft-ungrounded's severity: error unless the
// project's policy.json says otherwise ("off" disables grounding).
func (a *Architect) ungroundedSeverity() contract.Severity {
	return a.project.Rules.Policy.Severity(RuleUngrounded, contract.SeverityError)
}

// newDraftGrounder indexes what the loop's drafts must come from: the notes,
// or the person's messages in a chat (never the Architect's own turns).
func (a *Architect) newDraftGrounder(in draftInput) *grounder {
	if a.noGround || a.ungroundedSeverity() == contract.SeverityOff {
		return nil
	}
	src := in.Source
	if src == "" {
		src = in.Input
	}
	ext := in.Start
	if ext == "" {
		ext = a.startFromNotes(in.Name, src, in.Lang)
	}
	return newGrounder(in.Name+"\n"+src, ext, in.FromNotes) // the name is the person's too
}

// check validates the current drafts and grounds the contract.
func (d *drafting) check() []contract.Finding {
	fs := d.a.checkDrafts(d.name, d.st.canvas, d.st.contract)
	if d.g == nil || strings.TrimSpace(d.st.contract) == "" {
		return fs
	}
	_, kf := draftPaths(d.name)
	fs = append(fs, d.g.findings(kf, d.st.contract, d.a.ungroundedSeverity())...)
	contract.SortFindings(fs)
	return fs
}

// settle removes what is still ungrounded when the loop stops: the item
// leaves the contract and becomes an open question, and the drafts are
// checked again (a draft whose only errors were ungrounded items is then
// valid).
func (d *drafting) settle() {
	if d.g == nil || strings.TrimSpace(d.st.contract) == "" {
		return
	}
	yml, qs := d.g.strip(d.st.contract, d.in.Lang)
	if len(qs) == 0 {
		return
	}
	d.st.contract = yml
	d.st.questions = spec.MergeQuestions(d.st.questions, qs)
	for _, q := range qs {
		d.emit(Event{Type: EventRepair, Doc: DocContract, Text: q})
	}
	d.emit(Event{Type: EventDraft, Doc: DocContract, Content: yml})
	d.st.findings = d.check()
	if !contractHasFields(yml) {
		_, kf := draftPaths(d.name)
		d.st.findings = append(d.st.findings, contract.Finding{File: kf, Line: 1, Column: 1, Rule: RuleNoFields, Severity: contract.SeverityError,
			Message: "no field is left: every table or column the draft had is missing from " + d.g.where,
			Hint:    "list the fields in the notes, e.g. `Columns: order_id (pk), status, created_at`"})
	}
	switch d.res.StopReason {
	case StopAttempts, StopRepeated, StopTokens:
		if !contract.HasErrors(d.st.findings) {
			d.res.StopReason = StopValid
		}
	}
}

// contractHasFields reports whether a contract has a schema object with a
// property.
func contractHasFields(yml string) bool {
	var c struct {
		Schema []struct {
			Properties []any `yaml:"properties"`
		} `yaml:"schema"`
	}
	if yaml.Unmarshal([]byte(yml), &c) != nil {
		return false
	}
	for _, s := range c.Schema {
		if len(s.Properties) > 0 {
			return true
		}
	}
	return false
}

// personText is what the person wrote in a chat: the ground truth of its
// drafts.
func personText(msgs []providers.Message) string {
	var b strings.Builder
	for _, m := range msgs {
		if m.Role == providers.RoleUser {
			b.WriteString(strings.TrimSpace(m.Content) + "\n")
		}
	}
	return b.String()
}

// pruneEmptyValueRules drops value rules and type options left empty after
// their values were removed.
func pruneEmptyValueRules(root *yaml.Node) {
	_, schema := mapGet(root, "schema")
	for _, obj := range seqItems(schema) {
		_, props := mapGet(obj, "properties")
		for _, prop := range seqItems(props) {
			if k, opts := mapGet(prop, "logicalTypeOptions"); opts != nil && len(opts.Content) == 0 {
				removeNode(prop, k)
			}
			qk, quality := mapGet(prop, "quality")
			for _, q := range append([]*yaml.Node{}, seqItems(quality)...) {
				_, args := mapGet(q, "arguments")
				if _, vals := mapGet(args, "validValues"); vals != nil && len(vals.Content) == 0 {
					removeNode(quality, q)
				}
			}
			if quality != nil && len(quality.Content) == 0 {
				removeNode(prop, qk)
			}
		}
	}
}
