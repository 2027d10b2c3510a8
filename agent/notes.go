package agent

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

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
// primary key, classification, domain, purpose) into open questions.
func (a *Architect) questionsFromFindings(fs []contract.Finding, lang string) []string {
	var out []string
	classes := strings.Join(a.project.Rules.Policy.PII.AllowedClassifications, ", ")
	for _, f := range guidedFindings(fs) { // errors, and the owner/domain/purpose/masking warnings
		if q := humanQuestion(f, lang, classes); q != "" {
			out = append(out, q)
		}
	}
	return spec.MergeQuestions(nil, out)
}

func humanQuestion(f contract.Finding, lang, classes string) string {
	key := strings.ToLower(f.Rule + " " + f.Path + " " + f.Message)
	field := propertyName(f)
	t := texts(lang)
	switch {
	case strings.Contains(key, "classif") || strings.Contains(key, "pii"):
		if field != "" {
			return fmt.Sprintf(t.qClassify, field, classes)
		}
	case strings.Contains(key, "owner") || strings.Contains(key, "team"):
		return t.qOwner
	case strings.Contains(key, "primary") || strings.Contains(key, "primarykey"):
		return t.qPK
	case strings.Contains(key, "domain"):
		return t.qDomain
	case strings.Contains(key, "purpose"):
		return t.qPurpose
	}
	return ""
}

var quotedName = regexp.MustCompile(`["'` + "`" + `]([A-Za-z0-9_]+)["'` + "`" + `]`)

// propertyName guesses the property a finding is about from its message.
func propertyName(f contract.Finding) string {
	if m := quotedName.FindStringSubmatch(f.Message); m != nil {
		return m[1]
	}
	return ""
}
