package agent

import (
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/kernel"
	"github.com/dataeng-os/dataeng-os/prompts"
	"github.com/dataeng-os/dataeng-os/providers"
)

// Options configure an Architect.
type Options struct {
	// Project supplies the kernel, governance, templates and agent config;
	// nil means the embedded defaults.
	Project *kernel.Project
	// Provider is the model; nil means guided mode (no model).
	Provider providers.Provider
	// ProviderName labels the provider in session files ("openai", a
	// profile name...); defaults to Provider.Name().
	ProviderName string
	// Model overrides the provider's configured model.
	Model string
	// MaxAttempts and TokenBudget bound the validate-and-reask loop; zero
	// takes the project's config (agent.max_attempts, agent.token_budget),
	// then 3 and 200000.
	MaxAttempts int
	TokenBudget int
	// MaxOutputTokens caps each model answer (sent as max_tokens /
	// num_predict), so a model that never stops cannot run until its context
	// is full; zero takes agent.max_output_tokens, then 4096.
	MaxOutputTokens int
	// Language forces "pt" or "en"; "" detects it from the person's text.
	Language string
	// Now is the clock (tests); nil = time.Now.
	Now func() time.Time
	// Strategy forces agent.strategy (auto, full, assist) for drafting from
	// notes; "" takes the project's config. Assist marks the model small
	// (the profile's assist = true), which auto turns into assist.
	Strategy string
	Assist   bool
	// Secrets are the API keys in use: they are scrubbed from every model
	// answer, event, journal line and saved draft.
	Secrets []string
}

// firstPositive is the first value above zero (the defaults are).
func firstPositive(vs ...int) int {
	for _, v := range vs {
		if v > 0 {
			return v
		}
	}
	return 0
}

// Architect drafts canvases and contracts. It is safe for concurrent use
// by several sessions or notes: it holds configuration only.
type Architect struct {
	opts     Options
	project  *kernel.Project
	sections []prompts.Section
	canvasT  string
	noRepair bool // benchmarks: measure the loop without local repairs
	noGround bool // tests whose scripted answer is unrelated to the notes on purpose
	strategy struct {
		once sync.Once
		s    string
	} // resolved once: auto may ask the provider for the model's size
}

// New builds an Architect.
func New(opts Options) (*Architect, error) {
	p := opts.Project
	if p == nil {
		p = defaultProject()
	}
	cfg := p.Config.Agent
	opts.MaxAttempts = firstPositive(opts.MaxAttempts, cfg.MaxAttempts, kernel.DefaultMaxAttempts)
	opts.TokenBudget = firstPositive(opts.TokenBudget, cfg.TokenBudget, kernel.DefaultTokenBudget)
	opts.MaxOutputTokens = firstPositive(opts.MaxOutputTokens, cfg.MaxOutputTokens, kernel.DefaultMaxOutputTokens)
	if opts.Language == "" {
		opts.Language = cfg.Language
	}
	switch opts.Language {
	case "", "en", "pt":
	default:
		if strings.HasPrefix(opts.Language, "pt") {
			opts.Language = "pt"
		} else {
			opts.Language = "en"
		}
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.ProviderName == "" && opts.Provider != nil {
		opts.ProviderName = opts.Provider.Name()
	}
	canvasT := p.Templates.Canvas
	if strings.TrimSpace(canvasT) == "" {
		canvasT = embeddedDefault(kernel.CanvasTemplate, prompts.DefaultCanvasTemplate)
	}
	secs := prompts.ParseSections(canvasT)
	if len(secs) == 0 {
		return nil, errors.New("canvas template has no '## ' sections")
	}
	return &Architect{opts: opts, project: p, sections: secs, canvasT: canvasT}, nil
}

// Guided reports whether the Architect runs without a model.
func (a *Architect) Guided() bool { return a.opts.Provider == nil }

// MaxAttempts is the attempt budget of one drafting loop.
func (a *Architect) MaxAttempts() int { return a.opts.MaxAttempts }

// TokenBudget is the token budget of a session or a note.
func (a *Architect) TokenBudget() int { return a.opts.TokenBudget }

// Sections are the canvas template's sections with their questions.
func (a *Architect) Sections() []prompts.Section { return a.sections }

// Project is the project the Architect works for.
func (a *Architect) Project() *kernel.Project { return a.project }

// Result is what a drafting loop produced.
type Result struct {
	Name          string             `json:"name"`               // sanitised dataset name
	Canvas        string             `json:"canvas"`             // Markdown
	Contract      string             `json:"contract"`           // ODCS YAML
	Valid         bool               `json:"valid"`              // no error findings in either draft
	Attempts      int                `json:"attempts"`           // drafting attempts made
	Calls         int                `json:"calls"`              // model calls made
	Usage         providers.Usage    `json:"usage"`              // tokens used
	Cost          float64            `json:"cost,omitempty"`     // USD, when priced
	Findings      []contract.Finding `json:"findings,omitempty"` // open findings (errors and warnings)
	OpenQuestions []string           `json:"openQuestions,omitempty"`
	StopReason    string             `json:"stopReason"` // valid, max-attempts, token-budget, repeated-findings, cancelled, error
	Lang          string             `json:"lang,omitempty"`
}

// Left says, in one paragraph, what still needs a person.
func (r *Result) Left() string {
	if r.Valid && len(r.OpenQuestions) == 0 {
		return ""
	}
	var b strings.Builder
	errs, warns := 0, 0
	for _, f := range r.Findings {
		if f.Severity == contract.SeverityError {
			errs++
		} else {
			warns++
		}
	}
	b.WriteString(stopText(r.StopReason))
	if errs+warns > 0 {
		b.WriteString(plural(errs, "error") + " and " + plural(warns, "warning") + " left:\n")
		for _, f := range r.Findings {
			b.WriteString("  - " + f.String() + "\n")
		}
	}
	if len(r.OpenQuestions) > 0 {
		b.WriteString("open questions for a person:\n")
		for _, q := range r.OpenQuestions {
			b.WriteString("  - " + q + "\n")
		}
	}
	return b.String()
}

func stopText(reason string) string {
	switch reason {
	case StopAttempts:
		return "stopped: the attempt budget is spent; "
	case StopTokens:
		return "stopped: the token budget is spent; "
	case StopRepeated:
		return "stopped: the model repeated the same findings; "
	case StopCancelled:
		return "stopped: cancelled; "
	case StopError:
		return "stopped: the model call failed; "
	}
	return ""
}

func plural(n int, word string) string {
	s := strconv.Itoa(n) + " " + word
	if n != 1 {
		s += "s"
	}
	return s
}

// defaultProject is the embedded defaults, with no project on disk.
func defaultProject() *kernel.Project {
	return &kernel.Project{
		Config: kernel.Defaults(), Rules: contract.DefaultRules(),
		Kernel: embeddedDefault(kernel.KernelFile, ""),
		Templates: kernel.Templates{
			Canvas:   embeddedDefault(kernel.CanvasTemplate, prompts.DefaultCanvasTemplate),
			Contract: embeddedDefault(kernel.ContractTemplate, ""),
		},
	}
}

func embeddedDefault(rel, fallback string) string {
	if b, err := kernel.DefaultFile(rel); err == nil && len(b) > 0 {
		return string(b)
	}
	return fallback
}
