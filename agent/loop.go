package agent

import (
	"context"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/dataeng-os/dataeng-os/agent/spec"
	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/prompts"
	"github.com/dataeng-os/dataeng-os/providers"
)

// meter counts model calls and tokens against the token budget.
type meter struct {
	budget int
	calls  int
	usage  providers.Usage
}

func (m *meter) spent() bool { return m.budget > 0 && m.usage.Total() >= m.budget }

// draftInput is what a drafting loop starts from.
type draftInput struct {
	Name      string
	Input     string // notes or transcript
	FromNotes bool
	Lang      string
	Start     string // the notes extractor's contract, a starting point
	Source    string // what drafts are grounded in; "" = Input
}

// loopState is the drafting loop's current documents.
type loopState struct {
	canvas, contract string
	questions        []string
	findings         []contract.Finding
}

// drafting is one run of the validate-and-reask loop.
type drafting struct {
	a          *Architect
	in         draftInput
	m          *meter
	emit       func(Event)
	res        *Result
	name       string
	structured bool
	system     string
	base       []providers.Message // the first request: never changes
	reask      []providers.Message // the last draft and its findings: replaced each attempt
	prev       string              // the previous attempt's finding fingerprint
	st         loopState
	g          *grounder // nil when draft-ungrounded is off
}

// draftLoop drafts the canvas and the contract, validates them and reasks
// with the findings until they pass or the budget (attempts, tokens) is
// spent. Each reask replaces the previous failed draft in the prompt
// instead of appending it, so the prompt does not grow with the attempt
// number.
func (a *Architect) draftLoop(ctx context.Context, in draftInput, m *meter, emit func(Event)) (*Result, error) {
	d := &drafting{a: a, in: in, m: m, emit: emit, structured: a.opts.Provider.Capabilities().StructuredOutput}
	if strings.TrimSpace(in.Name) != "" {
		d.name = SanitizeName(in.Name)
	}
	d.res = &Result{Name: d.name, Lang: in.Lang}
	if err := d.prepare(); err != nil {
		return d.res, err
	}
	calls0, usage0 := m.calls, m.usage
	defer d.finish(calls0, usage0)
	for attempt := 1; ; attempt++ {
		switch {
		case attempt > a.opts.MaxAttempts:
			d.res.StopReason = StopAttempts
		case m.spent():
			d.res.StopReason = StopTokens
		}
		if d.res.StopReason != "" {
			return d.res, nil
		}
		if err := d.attempt(ctx, attempt); err != nil || d.res.StopReason != "" {
			return d.res, err
		}
	}
}

func (d *drafting) prepare() error {
	var err error
	if d.system, err = d.a.systemPrompt(d.in.Lang); err != nil {
		return err
	}
	first, err := prompts.Draft(prompts.DraftData{Name: d.name, Input: d.in.Input, FromNotes: d.in.FromNotes,
		Start: d.in.Start, Sections: d.a.sections, Structured: d.structured})
	d.g = d.a.newDraftGrounder(d.in)
	d.base = []providers.Message{{Role: providers.RoleUser, Content: first}}
	return err
}

// attempt makes one model call, validates what came back and decides:
// StopReason set (valid, repeated findings) or the next reask prepared.
func (d *drafting) attempt(ctx context.Context, n int) error {
	d.res.Attempts = n
	d.emit(Event{Type: EventAttempt, Attempt: n, MaxAttempts: d.a.opts.MaxAttempts})
	req := providers.Request{MaxTokens: d.a.opts.MaxOutputTokens, Model: d.a.opts.Model, System: d.system, Messages: append(append([]providers.Message{}, d.base...), d.reask...)}
	if d.structured {
		req.JSONSchema, req.SchemaName = prompts.ContractDraftSchema, prompts.ContractDraftSchemaName
	}
	text, err := d.a.call(ctx, req, d.m, PhaseDraft, d.emit)
	if err != nil {
		d.res.StopReason = StopError
		if ctx.Err() != nil {
			d.res.StopReason = StopCancelled
		}
		return err
	}
	ans := parseAnswer(text, d.structured)
	if d.name == "" {
		d.name = nameFromContract(ans.Contract)
		d.res.Name = d.name
	}
	d.a.absorb(&d.st, ans, d.name, d.emit)
	d.st.findings = d.check()
	d.emit(Event{Type: EventFindings, Attempt: n, Findings: d.st.findings})
	if !contract.HasErrors(d.st.findings) {
		d.res.StopReason = StopValid
		return nil
	}
	fp := fingerprint(d.st.findings)
	if fp == d.prev {
		d.res.StopReason = StopRepeated
		return nil
	}
	d.prev = fp
	d.reask, err = d.a.reaskMessages(d.st, d.structured)
	return err
}

// finish fills the result and emits the stop event.
func (d *drafting) finish(calls0 int, usage0 providers.Usage) {
	d.settle()
	r, m := d.res, d.m
	r.Calls = m.calls - calls0
	r.Usage = providers.Usage{InputTokens: m.usage.InputTokens - usage0.InputTokens, OutputTokens: m.usage.OutputTokens - usage0.OutputTokens}
	r.Cost = d.a.cost(r.Usage)
	r.Canvas, r.Contract, r.Findings = d.st.canvas, d.st.contract, d.st.findings
	r.OpenQuestions = spec.MergeQuestions(d.st.questions, d.a.questionsFromFindings(d.st.findings, d.in.Lang))
	r.Valid = r.StopReason == StopValid
	d.emit(Event{Type: EventStop, Reason: r.StopReason, Text: r.Left(), Findings: r.Findings})
}

// absorb replaces the documents the answer returned, repairs the contract
// mechanically and emits the drafts.
func (a *Architect) absorb(st *loopState, ans answer, name string, emit func(Event)) {
	if ans.HasCanvas {
		st.canvas = ans.Canvas
		st.questions = spec.MergeQuestions(nil, ans.Questions)
		emit(Event{Type: EventDraft, Doc: DocCanvas, Content: st.canvas})
	}
	if ans.HasYAML {
		yml, did := ans.Contract, []string(nil)
		if !a.noRepair {
			yml, did = repair(ans.Contract, name, a.project.Rules)
		}
		for _, d := range did {
			emit(Event{Type: EventRepair, Doc: DocContract, Text: d})
		}
		st.contract = yml
		emit(Event{Type: EventDraft, Doc: DocContract, Content: st.contract})
	}
}

// reaskMessages builds the two messages that follow the first request: the
// current drafts (as the assistant's last answer) and one user message with
// the findings. They replace the previous pair.
func (a *Architect) reaskMessages(st loopState, structured bool) ([]providers.Message, error) {
	d := prompts.ReaskData{Structured: structured}
	for _, f := range errorsOnly(st.findings) {
		doc := docOf(f)
		d.Findings = append(d.Findings, prompts.ReaskFinding{Doc: doc, Finding: f})
		d.Canvas = d.Canvas || doc == DocCanvas
		d.Contract = d.Contract || doc == DocContract
	}
	msg, err := prompts.Reask(d)
	if err != nil {
		return nil, err
	}
	var prev strings.Builder
	if st.canvas != "" {
		prev.WriteString("```markdown\n" + strings.TrimRight(st.canvas, "\n") + "\n```\n")
	}
	if st.contract != "" {
		prev.WriteString("```yaml\n" + strings.TrimRight(st.contract, "\n") + "\n```\n")
	}
	if prev.Len() == 0 {
		prev.WriteString("(no usable document)")
	}
	return []providers.Message{{Role: providers.RoleAssistant, Content: prev.String()}, {Role: providers.RoleUser, Content: msg}}, nil
}

// call runs one streamed model call, forwarding text deltas as token
// events. Only a completed stream's text is returned.
func (a *Architect) call(ctx context.Context, req providers.Request, m *meter, phase string, emit func(Event)) (string, error) {
	m.calls++
	sr := a.newStreamRedactor()
	resp, err := a.opts.Provider.Stream(ctx, req, func(p providers.Part) {
		if p.Kind == providers.PartText && p.Text != "" {
			if t := sr.Write(p.Text); t != "" {
				emit(Event{Type: EventToken, Phase: phase, Text: t})
			}
		}
	})
	if t := sr.Flush(); t != "" {
		emit(Event{Type: EventToken, Phase: phase, Text: t})
	}
	resp.Text = a.redact(resp.Text)
	m.usage = m.usage.Add(resp.Usage)
	u, total := resp.Usage, m.usage
	emit(Event{Type: EventUsage, Usage: &u, Total: &total, Cost: a.cost(total)})
	if err != nil {
		if ctx.Err() != nil {
			emit(Event{Type: EventCancelled, Phase: phase, Text: resp.Text})
			return "", fmt.Errorf("model call cancelled: %w", ctx.Err())
		}
		return "", fmt.Errorf("model call: %w", providers.RedactError(err, a.opts.Secrets...))
	}
	emit(Event{Type: EventAssistant, Phase: phase, Text: resp.Text})
	return resp.Text, nil
}

// cost estimates USD for u with the configured price of the model.
func (a *Architect) cost(u providers.Usage) float64 {
	price, ok := a.project.Config.Prices[a.model()]
	if !ok {
		return 0
	}
	return float64(u.InputTokens)/1e6*price.InputPerMTok + float64(u.OutputTokens)/1e6*price.OutputPerMTok
}

func (a *Architect) model() string {
	if a.opts.Model != "" {
		return a.opts.Model
	}
	if p, _, ok := a.project.Config.Profile(a.opts.ProviderName, ""); ok {
		return p.Model
	}
	return ""
}

func (a *Architect) systemPrompt(lang string) (string, error) {
	if lang == "" {
		lang = a.opts.Language
	}
	return prompts.System(prompts.SystemData{
		Kernel: a.project.Kernel, Rules: a.project.Rules, Lang: lang, ContractTemplate: a.project.Templates.Contract,
	})
}

// nameFromContract derives the dataset name from a draft (dataProduct, id,
// name or the first schema object), sanitised.
func nameFromContract(yml string) string {
	var c struct {
		DataProduct string `yaml:"dataProduct"`
		ID          string `yaml:"id"`
		Name        string `yaml:"name"`
		Schema      []struct {
			Name string `yaml:"name"`
		} `yaml:"schema"`
	}
	_ = yaml.Unmarshal([]byte(yml), &c)
	for _, s := range []string{c.DataProduct, c.ID, c.Name} {
		if strings.TrimSpace(s) != "" {
			return SanitizeName(s)
		}
	}
	if len(c.Schema) > 0 {
		return SanitizeName(c.Schema[0].Name)
	}
	return "dataset"
}
