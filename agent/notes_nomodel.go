package agent

import (
	"context"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/contract"
)

// draftWithoutModel drafts from notes with no model: the extractor reads
// them into a typed draft, the assembler writes the canvas and contract,
// and the validator checks them. One attempt, no model call; what the
// notes lack is in the open questions, never guessed.
func (a *Architect) draftWithoutModel(ctx context.Context, name, notes, lang string) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return &Result{Name: SanitizeName(name), StopReason: StopCancelled, Lang: lang}, err
	}
	if lang == "" {
		lang = "en"
	}
	d := ExtractDraft(name, notes, lang, a.project.Rules.Policy.PII)
	canvas, yml, err := a.AssembleDraft(d, lang)
	res := &Result{Name: SanitizeName(name), Attempts: 1, OpenQuestions: d.OpenQuestions, Lang: lang}
	if err != nil {
		res.StopReason = StopError
		return res, err
	}
	res.Canvas, res.Contract = a.redact(canvas), a.redact(string(yml))
	res.Findings = a.checkDrafts(res.Name, res.Canvas, res.Contract)
	if !hasColumns(d) {
		_, kf := draftPaths(res.Name)
		res.Findings = append(res.Findings, contract.Finding{File: kf, Line: 1, Column: 1, Rule: RuleNoFields, Severity: contract.SeverityError,
			Message: "the notes list no fields, so the contract has no schema", Hint: "add a line such as `Columns: order_id (pk), status, created_at`"})
	}
	res.Valid = len(errorsOnly(res.Findings)) == 0
	res.StopReason = StopValid
	if !res.Valid {
		res.StopReason = StopOpen
	}
	return res, nil
}

// startFromNotes is the extractor's contract, the model's starting point;
// "" when the notes list no field (nothing to start from).
func (a *Architect) startFromNotes(name, notes, lang string) string {
	d := ExtractDraft(name, notes, lang, a.project.Rules.Policy.PII)
	if !hasColumns(d) {
		return ""
	}
	if _, y, err := a.AssembleDraft(d, lang); err == nil {
		return string(y)
	}
	return ""
}

// RuleNoFields: the notes named no field, so the draft has no schema.
const RuleNoFields = "draft-no-fields"

func hasColumns(d spec.Draft) bool {
	for _, t := range d.Tables {
		if len(t.Columns) > 0 {
			return true
		}
	}
	return false
}

// AssembleDraft assembles a typed draft with the project's canvas sections
// and PII policy.
func (a *Architect) AssembleDraft(d spec.Draft, lang string) (string, []byte, error) {
	secs := make([]spec.Section, len(a.sections))
	for i, s := range a.sections {
		secs[i] = spec.Section{Title: s.Title, Role: spec.RoleOf(s.Title)}
	}
	pol := a.project.Rules.Policy.PII
	return spec.AssembleWith(d, spec.Options{Lang: lang, Sections: secs, Policy: &pol})
}
