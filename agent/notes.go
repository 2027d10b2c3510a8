package agent

import (
	"context"
	"errors"
	"strings"

	"github.com/dataeng-os/dataeng-os/agent/guided"
	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/kernel"
)

// DraftFromNotes is the non-interactive path (batch drafting): it drafts a
// canvas and a contract for the dataset name from stakeholder notes,
// validates and reasks within the budget, and returns the result. The notes
// are data: nothing in them is executed or obeyed. Where the notes lack a
// fact the contract needs, the result carries open questions instead of an
// invented value. emit may be nil.
//
// With no provider (guided mode) the notes extractor reads them into a
// typed draft instead of a model, and the result is validated as is. With
// a provider, the extractor's contract is given to the model as a starting
// point to check and complete, so both paths share it.
//
// The error is non-nil when a model call failed or ctx was cancelled; the
// Result is then still filled with what was reached (StopReason error or
// cancelled). A draft that did not converge is not an error: check
// Result.Valid. Saving is separate: see SaveDrafts.
func (a *Architect) DraftFromNotes(ctx context.Context, name, notes string, emit func(Event)) (*Result, error) {
	if emit == nil {
		emit = func(Event) {}
	}
	if strings.TrimSpace(notes) == "" {
		return nil, errors.New("the notes are empty")
	}
	lang := a.opts.Language
	if lang == "" {
		lang = DetectLanguage(notes)
	}
	if a.opts.Provider == nil {
		return a.draftWithoutModel(ctx, name, notes, lang)
	}
	if a.Strategy(ctx) == kernel.StrategyAssist {
		return a.draftAssist(ctx, name, notes, lang, emit)
	}
	m := &meter{budget: a.opts.TokenBudget}
	in := draftInput{Name: name, Input: notes, FromNotes: true, Lang: lang, Start: a.startFromNotes(name, notes, lang)}
	return a.draftLoop(ctx, in, m, emit)
}

// SanitizeName derives a safe file-name stem from any text (see
// spec.SanitizeName).
func SanitizeName(s string) string { return spec.SanitizeName(s) }

func foldAccents(s string) string { return spec.FoldAccents(s) }

// questionsFromFindings turns the facts only a person can give (owner,
// primary key, classification, domain, purpose) into open questions, from
// the same rule-id table as guided mode's follow-ups.
func (a *Architect) questionsFromFindings(fs []contract.Finding, lang string) []string {
	var out []string
	for _, f := range guided.Askable(fs) { // errors, and the owner/domain/purpose/masking warnings
		if q := guided.QuestionFor(f, lang, a.project.Rules.Policy.PII); q != "" {
			out = append(out, q)
		}
	}
	return spec.MergeQuestions(nil, out)
}

// ExtractDraft reads notes into the typed draft with no model: the same
// deterministic reader as guided mode (guided.ExtractDraft).
func ExtractDraft(name, notes, lang string, pol contract.PIIPolicy) spec.Draft {
	return guided.ExtractDraft(name, notes, lang, pol)
}
