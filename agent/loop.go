package agent

import (
	"context"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

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
}

// loopState is the drafting loop's current documents.
type loopState struct {
	canvas, contract string
	questions        []string
	findings         []contract.Finding
}

// draftLoop drafts the canvas and the contract, validates them and reasks
// with the findings until they pass or the budget (attempts, tokens) is
// spent. Each reask replaces the previous failed draft in the prompt
// instead of appending it, so the prompt does not grow with the attempt
// number.
func (a *Architect) draftLoop(ctx context.Context, in draftInput, m *meter, emit func(Event)) (*Result, error) {
	name := ""
	if strings.TrimSpace(in.Name) != "" {
		name = SanitizeName(in.Name)
	}
	res := &Result{Name: name, Lang: in.Lang}
	structured := a.opts.Provider.Capabilities().StructuredOutput
	system, err := a.systemPrompt(in.Lang)
	if err != nil {
		return res, err
	}
	first, err := prompts.Draft(prompts.DraftData{Name: name, Input: in.Input, FromNotes: in.FromNotes, Sections: a.sections, Structured: structured})
	if err != nil {
		return res, err
	}
	base := []providers.Message{{Role: providers.RoleUser, Content: first}}
	var st loopState
	var reask []providers.Message
	prev := ""
	calls0, usage0 := m.calls, m.usage
	defer func() {
		res.Calls, res.Usage = m.calls-calls0, providers.Usage{
			InputTokens: m.usage.InputTokens - usage0.InputTokens, OutputTokens: m.usage.OutputTokens - usage0.OutputTokens}
		res.Cost = a.cost(res.Usage)
		res.Canvas, res.Contract, res.Findings = st.canvas, st.contract, st.findings
		res.OpenQuestions = mergeQuestions(st.questions, a.questionsFromFindings(st.findings, in.Lang))
		res.Valid = res.StopReason == StopValid
		left := res.Left()
		emit(Event{Type: EventStop, Reason: res.StopReason, Text: left, Findings: res.Findings})
	}()
	for attempt := 1; ; attempt++ {
		if attempt > a.opts.MaxAttempts {
			res.StopReason = StopAttempts
			return res, nil
		}
		if m.spent() {
			res.StopReason = StopTokens
			return res, nil
		}
		res.Attempts = attempt
		emit(Event{Type: EventAttempt, Attempt: attempt, MaxAttempts: a.opts.MaxAttempts})
		req := providers.Request{Model: a.opts.Model, System: system, Messages: append(append([]providers.Message{}, base...), reask...)}
		if structured {
			req.JSONSchema, req.SchemaName = prompts.ContractDraftSchema, prompts.ContractDraftSchemaName
		}
		text, err := a.call(ctx, req, m, "draft", emit)
		if err != nil {
			res.StopReason = StopError
			if ctx.Err() != nil {
				res.StopReason = StopCancelled
			}
			return res, err
		}
		ans := parseAnswer(text, structured)
		if name == "" {
			name = nameFromContract(ans.Contract)
			res.Name = name
		}
		a.absorb(&st, ans, name, emit)
		st.findings = a.checkDrafts(name, st.canvas, st.contract)
		emit(Event{Type: EventFindings, Attempt: attempt, Findings: st.findings})
		if !contract.HasErrors(st.findings) {
			res.StopReason = StopValid
			return res, nil
		}
		fp := fingerprint(st.findings)
		if fp == prev {
			res.StopReason = StopRepeated
			return res, nil
		}
		prev = fp
		if reask, err = a.reaskMessages(st, structured); err != nil {
			return res, err
		}
	}
}

// absorb replaces the documents the answer returned, repairs the contract
// mechanically and emits the drafts.
func (a *Architect) absorb(st *loopState, ans answer, name string, emit func(Event)) {
	if ans.HasCanvas {
		st.canvas = ans.Canvas
		st.questions = mergeQuestions(nil, ans.Questions)
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
	resp, err := a.opts.Provider.Stream(ctx, req, func(p providers.Part) {
		if p.Kind == providers.PartText && p.Text != "" {
			emit(Event{Type: EventToken, Phase: phase, Text: p.Text})
		}
	})
	m.usage = m.usage.Add(resp.Usage)
	u, total := resp.Usage, m.usage
	emit(Event{Type: EventUsage, Usage: &u, Total: &total, Cost: a.cost(total)})
	if err != nil {
		if ctx.Err() != nil {
			emit(Event{Type: EventCancelled, Phase: phase, Text: resp.Text})
			return "", fmt.Errorf("model call cancelled: %w", ctx.Err())
		}
		return "", fmt.Errorf("model call: %w", err)
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
