package agent

import (
	"context"
	"time"

	"github.com/dataeng-os/dataeng-os/kernel"
	"github.com/dataeng-os/dataeng-os/providers"
)

// ParameterCounter is a provider that can tell a model's size (Ollama's
// /api/show parameter_size). 0 means unknown.
type ParameterCounter interface {
	ParameterCount(ctx context.Context, model string) (float64, error)
}

// unwrapper is a provider wrapping another (resilient, the batch limiter).
type unwrapper interface{ Unwrap() providers.Provider }

// parameterCount asks the provider, or one it wraps, for the model's size.
func parameterCount(ctx context.Context, p providers.Provider, model string) float64 {
	for i := 0; p != nil && i < 8; i++ {
		if pc, ok := p.(ParameterCounter); ok {
			ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			defer cancel()
			n, err := pc.ParameterCount(ctx, model)
			if err != nil {
				return 0
			}
			return n
		}
		u, ok := p.(unwrapper)
		if !ok {
			return 0
		}
		p = u.Unwrap()
	}
	return 0
}

// Strategy is how the Architect drafts from notes with a model:
// kernel.StrategyFull or kernel.StrategyAssist, auto resolved. Options
// first, then agent.strategy; auto is assist for a profile marked assist =
// true or a model the provider reports under kernel.AssistBelowParams. It
// is resolved on the first call and kept (one /api/show per Architect).
func (a *Architect) Strategy(ctx context.Context) string {
	a.strategy.once.Do(func() { a.strategy.s = a.resolveStrategy(ctx) })
	return a.strategy.s
}

func (a *Architect) resolveStrategy(ctx context.Context) string {
	s := a.opts.Strategy
	if s == "" {
		s = a.project.Config.Agent.Strategy
	}
	switch s {
	case kernel.StrategyFull, kernel.StrategyAssist:
		return s
	}
	if a.opts.Provider == nil {
		return kernel.StrategyFull // guided: no model, the extractor alone
	}
	if a.opts.Assist {
		return kernel.StrategyAssist
	}
	if p, _, ok := a.project.Config.Profile(a.opts.ProviderName, ""); ok && p.Assist {
		return kernel.StrategyAssist
	}
	if n := parameterCount(ctx, a.opts.Provider, a.opts.Model); n > 0 && n < kernel.AssistBelowParams {
		return kernel.StrategyAssist
	}
	return kernel.StrategyFull
}
