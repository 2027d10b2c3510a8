package batch

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/dataeng-os/dataeng-os/providers"
)

// Classifier tells whether err is a provider rate-limit answer, and the
// Retry-After it carried (0 when none).
type Classifier func(err error) (rateLimited bool, retryAfter time.Duration)

// Limited wraps a provider so that every call waits on the limiter, reports
// rate-limit answers to the shared gate, and is retried (through the gate)
// up to retries times while nothing has been streamed yet. Usage is added to
// the Meter found in the call's context, if any.
func Limited(p providers.Provider, l *Limiter, classify Classifier, retries int) providers.Provider {
	return &limited{inner: p, lim: l, classify: classify, retries: retries}
}

type limited struct {
	inner    providers.Provider
	lim      *Limiter
	classify Classifier
	retries  int
}

var _ providers.Provider = (*limited)(nil)

func (p *limited) Name() string                         { return p.inner.Name() }
func (p *limited) Capabilities() providers.Capabilities { return p.inner.Capabilities() }
func (p *limited) Models(ctx context.Context) ([]providers.ModelInfo, error) {
	return p.inner.Models(ctx)
}

func (p *limited) Stream(ctx context.Context, req providers.Request, onPart func(providers.Part)) (providers.Response, error) {
	m := MeterFrom(ctx)
	for attempt := 0; ; attempt++ {
		if err := p.lim.enter(ctx); err != nil {
			return providers.Response{}, err
		}
		probe, err := p.lim.Acquire(ctx)
		if err != nil {
			p.lim.leave()
			return providers.Response{}, err
		}
		delivered := false
		resp, err := p.inner.Stream(ctx, req, func(pt providers.Part) {
			if pt.Kind == providers.PartText && pt.Text != "" {
				delivered = true
			}
			if onPart != nil {
				onPart(pt)
			}
		})
		m.add(resp.Usage)
		limited, after := false, time.Duration(0)
		if err != nil && p.classify != nil {
			limited, after = p.classify(err)
		}
		p.lim.Report(probe, limited, after)
		p.lim.leave()
		if limited && m != nil {
			m.rateLimited.Add(1)
		}
		if !limited || delivered || attempt >= p.retries || ctx.Err() != nil {
			return resp, err
		}
	}
}

// Meter counts one note's model calls and tokens. It is safe for concurrent
// use; the zero value and a nil Meter are ready.
type Meter struct {
	calls, in, out, rateLimited atomic.Int64
	onAdd                       func(providers.Usage)
	onStep                      func(step, steps int, label string)
}

// Step reports progress inside the note's draft (question 4 of 11), which
// the batch passes on as an EventNoteStep.
func (m *Meter) Step(step, steps int, label string) {
	if m != nil && m.onStep != nil {
		m.onStep(step, steps, label)
	}
}

type meterKey struct{}

// WithMeter returns a context whose provider calls are counted by m.
func WithMeter(ctx context.Context, m *Meter) context.Context {
	return context.WithValue(ctx, meterKey{}, m)
}

// MeterFrom returns the context's meter, or nil.
func MeterFrom(ctx context.Context) *Meter {
	m, _ := ctx.Value(meterKey{}).(*Meter)
	return m
}

func (m *Meter) add(u providers.Usage) {
	if m == nil {
		return
	}
	m.calls.Add(1)
	m.in.Add(int64(u.InputTokens))
	m.out.Add(int64(u.OutputTokens))
	if m.onAdd != nil {
		m.onAdd(u)
	}
}

// Calls is the number of provider calls made.
func (m *Meter) Calls() int {
	if m == nil {
		return 0
	}
	return int(m.calls.Load())
}

// RateLimited is the number of calls answered with a rate limit.
func (m *Meter) RateLimited() int {
	if m == nil {
		return 0
	}
	return int(m.rateLimited.Load())
}

// Usage is the tokens counted so far.
func (m *Meter) Usage() providers.Usage {
	if m == nil {
		return providers.Usage{}
	}
	return providers.Usage{InputTokens: int(m.in.Load()), OutputTokens: int(m.out.Load())}
}
