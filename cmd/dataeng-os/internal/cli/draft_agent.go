package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/dataeng-os/dataeng-os/agent"
	"github.com/dataeng-os/dataeng-os/agent/batch"
	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/kernel"
	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/providers/resilient"
	"github.com/dataeng-os/dataeng-os/providers/scripted"
)

// batchRetries is how often one call may be retried after a rate limit;
// every retry waits on the pool's shared gate.
const batchRetries = 8

// drafter wires the Architect into the batch engine: one limiter for the
// whole pool, every model call routed through it.
type drafter struct {
	proj    *kernel.Project
	prof    kernel.ProviderProfile
	label   string // provider/model, for progress and report
	model   string
	limiter *batch.Limiter
	shared  *agent.Architect // nil when each note has its own script
	script  string           // scripted provider: folder of per-note scripts
	prices  map[string]kernel.Price
	force   bool
	secrets []string // API keys scrubbed from model output
}

func newDrafter(f *Factory, proj *kernel.Project, opts *DraftOptions) (*drafter, error) {
	name := opts.Provider
	if name == "" {
		name = proj.Config.Provider
	}
	prof, pname, _ := proj.Config.Profile(name, opts.Model)
	d := &drafter{proj: proj, prof: prof, model: prof.Model, limiter: batch.NewLimiter(opts.RPM), prices: proj.Config.Prices, force: opts.Force,
		secrets: secretValues(f, proj.Config)}
	d.limiter.SetConcurrency(opts.Jobs) // -j caps the model calls in flight
	if prof.Type == providers.TypeGuided || prof.Type == "" {
		return d.withoutModel(pname)
	}
	d.label = pname
	if prof.Model != "" {
		d.label += "/" + prof.Model
	}
	if prof.Type == scripted.Name && prof.Script != "" {
		p := draftResolvePath(f, proj, prof.Script)
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			d.script = p // one script per note: <dir>/<name>.yaml
			return d, nil
		}
	}
	p, err := openDraftProvider(f, proj, pname, prof)
	if err != nil {
		return nil, err
	}
	if d.shared, err = d.architect(p); err != nil {
		return nil, err
	}
	return d, nil
}

// withoutModel drafts each note with the notes extractor instead of a
// model (guided mode, or no provider configured): same writer, manifest
// and report, no model call.
func (d *drafter) withoutModel(pname string) (*drafter, error) {
	if pname == "" {
		pname = providers.TypeGuided
	}
	d.label = pname + " (no model)"
	a, err := agent.New(agent.Options{Project: d.proj, Secrets: d.secrets})
	if err != nil {
		return nil, err
	}
	d.shared = a
	return d, nil
}

// openDraftProvider builds the profile's provider through the provider
// factory (vendor adapter + resilience layer; keys from the environment).
func openDraftProvider(f *Factory, proj *kernel.Project, name string, prof kernel.ProviderProfile) (providers.Provider, error) {
	p, err := openProvider(f, proj, name, prof)
	if err != nil {
		return nil, fmt.Errorf("draft: %w", err)
	}
	return p, nil
}

func draftResolvePath(f *Factory, proj *kernel.Project, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	if proj.Root != "" {
		return filepath.Join(proj.Root, p)
	}
	return filepath.Join(f.Dir, p)
}

// architect builds an Architect whose every model call goes through the
// pool's limiter and shared rate-limit gate.
func (d *drafter) architect(p providers.Provider) (*agent.Architect, error) {
	return agent.New(agent.Options{Project: d.proj, Provider: d.limit(p), Model: d.prof.Model, Secrets: d.secrets, Assist: d.prof.Assist})
}

// limit routes p through the limiter. A resilient provider keeps its
// retries (now waiting on the shared gate) with the limiter underneath it,
// so a 429 closes the gate for every worker before anyone retries.
func (d *drafter) limit(p providers.Provider) providers.Provider {
	if rp, ok := p.(*resilient.Provider); ok {
		o := rp.Options()
		return resilient.Wrap(batch.Limited(rp.Unwrap(), d.limiter, draftRateLimited, 0),
			resilient.WithRetries(max(o.MaxRetries, batchRetries)), resilient.WithBackoff(o.BaseDelay, o.MaxDelay),
			resilient.WithTimeouts(o.FirstByteTimeout, o.IdleTimeout), resilient.WithSecrets(o.Secrets...))
	}
	return batch.Limited(p, d.limiter, draftRateLimited, batchRetries)
}

func draftRateLimited(err error) (bool, time.Duration) {
	var pe *providers.Error
	if errors.As(err, &pe) && pe.Kind == providers.KindRateLimit {
		return true, pe.RetryAfter
	}
	return false, 0
}

func (d *drafter) architectFor(name string) (*agent.Architect, error) {
	if d.shared != nil {
		return d.shared, nil
	}
	for _, ext := range []string{".yaml", ".yml", ".json"} {
		p := filepath.Join(d.script, name+ext)
		if _, err := os.Stat(p); err == nil {
			c, err := scripted.Load(p)
			if err != nil {
				return nil, err
			}
			return d.architect(c.WithModel(d.prof.Model))
		}
	}
	return nil, fmt.Errorf("scripted provider: no script %s.yaml in %s", name, d.script)
}

// draft is the batch.DraftFunc: draft one note, then save what it reached.
func (d *drafter) draft(ctx context.Context, job batch.Job) (batch.Outcome, error) {
	a, err := d.architectFor(job.Note.Name)
	if err != nil {
		return batch.Outcome{}, err
	}
	meter := batch.MeterFrom(ctx)
	res, err := a.DraftFromNotes(ctx, job.Note.Name, job.Text, func(e agent.Event) {
		if e.Steps > 0 {
			meter.Step(e.Step, e.Steps, e.Name)
		}
	})
	if res == nil {
		return batch.Outcome{}, err
	}
	out := batch.Outcome{Attempts: res.Attempts, Usage: res.Usage, Questions: res.OpenQuestions}
	for _, fd := range res.Findings {
		if fd.Severity == contract.SeverityError {
			out.Findings++
		}
	}
	if err != nil {
		return out, err
	}
	out.Status, err = saveDraftResult(job, res, d.force)
	return out, err
}

// cost prices usage with the project's price table (0 when unpriced).
func (d *drafter) cost(u providers.Usage) float64 {
	p, ok := d.prices[d.model]
	if !ok {
		return 0
	}
	return (float64(u.InputTokens)*p.InputPerMTok + float64(u.OutputTokens)*p.OutputPerMTok) / 1e6
}

func (d *drafter) priced() bool {
	_, ok := d.prices[d.model]
	return ok
}
