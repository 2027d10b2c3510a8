// Package resilient wraps any providers.Provider with the behaviour every
// adapter needs and none should copy: first-byte and idle-stream timeouts,
// retries with exponential backoff and jitter on rate limits, server errors
// and cut connections (honouring Retry-After), no retry once part of an
// answer was delivered, prompt return on cancellation, and API-key
// redaction of every error.
package resilient

import (
	"context"
	"math/rand/v2"
	"time"

	"github.com/dataeng-os/dataeng-os/providers"
)

// Options tune the wrapper. Zero fields take the defaults.
type Options struct {
	MaxRetries       int           // retries after the first attempt (default 3; -1 = none)
	BaseDelay        time.Duration // first backoff (default 1s), doubled each retry
	MaxDelay         time.Duration // backoff cap (default 30s)
	MaxRetryAfter    time.Duration // a longer Retry-After is reported, not waited (default 60s)
	FirstByteTimeout time.Duration // wait for the first part (default 120s)
	IdleTimeout      time.Duration // wait between parts (default 60s)
	// Sleep waits between attempts (default: a timer honouring ctx).
	Sleep func(ctx context.Context, d time.Duration) error
	// Jitter turns a backoff into the actual wait (default: uniform in [d/2, d]).
	Jitter func(d time.Duration) time.Duration
	// Secrets are scrubbed from every error, along with Bearer tokens and key= parameters.
	Secrets []string
	// OnRetry, when set, hears about each retry before its wait.
	OnRetry func(attempt int, wait time.Duration, err error)
}

// Option sets an option.
type Option func(*Options)

// WithRetries sets how many times a failed attempt is retried (0 or -1: never).
func WithRetries(n int) Option {
	return func(o *Options) {
		if n <= 0 {
			n = -1
		}
		o.MaxRetries = n
	}
}

// WithBackoff sets the first and the largest backoff.
func WithBackoff(base, max time.Duration) Option {
	return func(o *Options) { o.BaseDelay, o.MaxDelay = base, max }
}

// WithTimeouts sets the first-byte and idle-stream timeouts.
func WithTimeouts(firstByte, idle time.Duration) Option {
	return func(o *Options) { o.FirstByteTimeout, o.IdleTimeout = firstByte, idle }
}

// WithSleeper injects the wait between attempts (tests record it).
func WithSleeper(f func(context.Context, time.Duration) error) Option {
	return func(o *Options) { o.Sleep = f }
}

// WithJitter injects the jitter function (tests use the identity).
func WithJitter(f func(time.Duration) time.Duration) Option {
	return func(o *Options) { o.Jitter = f }
}

// WithSecrets adds secrets to scrub from errors.
func WithSecrets(s ...string) Option {
	return func(o *Options) { o.Secrets = append(o.Secrets, s...) }
}

// WithOnRetry sets a retry observer.
func WithOnRetry(f func(attempt int, wait time.Duration, err error)) Option {
	return func(o *Options) { o.OnRetry = f }
}

func (o *Options) defaults() {
	if o.MaxRetries == 0 {
		o.MaxRetries = 3
	}
	if o.MaxRetries < 0 {
		o.MaxRetries = 0
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&o.BaseDelay, time.Second)
	def(&o.MaxDelay, 30*time.Second)
	def(&o.MaxRetryAfter, 60*time.Second)
	def(&o.FirstByteTimeout, 120*time.Second)
	def(&o.IdleTimeout, 60*time.Second)
	if o.Sleep == nil {
		o.Sleep = providers.Sleep
	}
	if o.Jitter == nil {
		o.Jitter = func(d time.Duration) time.Duration {
			return d/2 + time.Duration(rand.Int64N(int64(d/2)+1))
		}
	}
}

// Provider is a resilient wrapper around another provider.
type Provider struct {
	inner providers.Provider
	o     Options
}

var _ providers.Provider = (*Provider)(nil)

// Wrap returns p with resilience.
func Wrap(p providers.Provider, opts ...Option) *Provider {
	var o Options
	for _, f := range opts {
		f(&o)
	}
	o.defaults()
	return &Provider{inner: p, o: o}
}

// Unwrap returns the wrapped provider.
func (p *Provider) Unwrap() providers.Provider { return p.inner }

// Options returns the effective options.
func (p *Provider) Options() Options { return p.o }

// Name implements providers.Provider.
func (p *Provider) Name() string { return p.inner.Name() }

// Capabilities implements providers.Provider.
func (p *Provider) Capabilities() providers.Capabilities { return p.inner.Capabilities() }

// backoff returns the wait before retry number attempt (0-based), or false
// when err says to give up.
func (p *Provider) backoff(attempt int, err error) (time.Duration, bool) {
	if attempt >= p.o.MaxRetries || !providers.IsRetryable(err) {
		return 0, false
	}
	if ra := retryAfter(err); ra > 0 {
		return ra, ra <= p.o.MaxRetryAfter
	}
	d := p.o.BaseDelay << attempt
	if d > p.o.MaxDelay || d <= 0 {
		d = p.o.MaxDelay
	}
	return p.o.Jitter(d), true
}

func retryAfter(err error) time.Duration {
	if pe, ok := asError(err); ok {
		return pe.RetryAfter
	}
	return 0
}

// Models implements providers.Provider, with retries and the first-byte timeout.
func (p *Provider) Models(ctx context.Context) ([]providers.ModelInfo, error) {
	for attempt := 0; ; attempt++ {
		actx, cancel := context.WithTimeout(ctx, p.o.FirstByteTimeout)
		ms, err := p.inner.Models(actx)
		cancel()
		if err == nil {
			return ms, nil
		}
		err = p.classify(ctx, err, false)
		wait, ok := p.backoff(attempt, err)
		if !ok {
			return nil, err
		}
		if p.o.OnRetry != nil {
			p.o.OnRetry(attempt+1, wait, err)
		}
		if serr := p.o.Sleep(ctx, wait); serr != nil {
			return nil, p.canceled(ctx, err)
		}
	}
}
