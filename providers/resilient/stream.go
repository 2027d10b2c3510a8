package resilient

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/dataeng-os/dataeng-os/providers"
)

var (
	errFirstByte = errors.New("no answer started")
	errIdle      = errors.New("stream stalled")
)

// Stream implements providers.Provider. A failure before any text reached
// onPart is retried when its kind allows; after that it ends the call with a
// *providers.StreamInterruptedError carrying the partial text.
func (p *Provider) Stream(ctx context.Context, req providers.Request, onPart func(providers.Part)) (providers.Response, error) {
	fail := func(resp providers.Response, err error) (providers.Response, error) {
		if onPart != nil {
			onPart(providers.Part{Kind: providers.PartError, Err: err})
		}
		resp.FinishReason = "error"
		return resp, err
	}
	for attempt := 0; ; attempt++ {
		resp, err, delivered := p.attempt(ctx, req, onPart)
		if err == nil {
			return resp, nil
		}
		if delivered {
			return fail(resp, err)
		}
		wait, ok := p.backoff(attempt, err)
		if !ok {
			return fail(resp, err)
		}
		if p.o.OnRetry != nil {
			p.o.OnRetry(attempt+1, wait, err)
		}
		if serr := p.o.Sleep(ctx, wait); serr != nil {
			return fail(resp, p.canceled(ctx, err))
		}
	}
}

// gate forwards parts until closed, so a late part from an abandoned
// attempt never reaches the caller; it also keeps the delivered text.
type gate struct {
	mu      sync.Mutex
	closed  bool
	partial strings.Builder
	onPart  func(providers.Part)
	kick    func()
}

func (g *gate) forward(pt providers.Part) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return
	}
	g.kick()
	if pt.Kind == providers.PartError {
		return // the wrapper reports the final error itself
	}
	if pt.Kind == providers.PartText {
		g.partial.WriteString(pt.Text)
	}
	if g.onPart != nil {
		g.onPart(pt)
	}
}

func (g *gate) close() (partial string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.closed = true
	return g.partial.String()
}

type result struct {
	resp providers.Response
	err  error
}

// attempt runs one call under the watchdog; it returns as soon as ctx is
// cancelled, without waiting for the adapter to notice.
func (p *Provider) attempt(ctx context.Context, req providers.Request, onPart func(providers.Part)) (providers.Response, error, bool) {
	actx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	wd := newWatchdog(cancel, p.o.FirstByteTimeout, p.o.IdleTimeout)
	defer wd.stop()
	g := &gate{onPart: onPart, kick: wd.kick}
	ch := make(chan result, 1)
	go func() {
		r, err := p.inner.Stream(actx, req, g.forward)
		ch <- result{r, err}
	}()
	var r result
	select {
	case r = <-ch:
	case <-ctx.Done():
		r.err = ctx.Err()
	}
	partial := g.close()
	delivered := partial != ""
	if r.err == nil {
		return r.resp, nil, false
	}
	r.resp.Text = partial
	err := p.classify(actx, r.err, delivered)
	if delivered {
		err = &providers.StreamInterruptedError{Provider: p.inner.Name(), Partial: partial, Err: unwrapInterrupted(err)}
	}
	return r.resp, providers.RedactError(err, p.o.Secrets...), delivered
}

func unwrapInterrupted(err error) error {
	var si *providers.StreamInterruptedError
	if errors.As(err, &si) {
		return si.Err
	}
	return err
}

// classify turns a raw failure into a typed, redacted error: the watchdog's
// timeouts and the caller's cancellation win over whatever the adapter saw.
func (p *Provider) classify(ctx context.Context, err error, delivered bool) error {
	name := p.inner.Name()
	cause := context.Cause(ctx)
	switch {
	case errors.Is(cause, errFirstByte):
		err = &providers.Error{Kind: providers.KindTimeout, Provider: name, Err: fmt.Errorf("%w within %s", errFirstByte, p.o.FirstByteTimeout),
			Hint: "the model may be loading or overloaded; raise the profile's timeout"}
	case errors.Is(cause, errIdle):
		err = &providers.Error{Kind: providers.KindTimeout, Provider: name, Err: fmt.Errorf("%w: nothing for %s", errIdle, p.o.IdleTimeout)}
	case ctx.Err() != nil && !delivered:
		err = p.canceled(ctx, err)
	case ctx.Err() != nil:
		err = &providers.Error{Kind: providers.KindCanceled, Provider: name, Err: ctx.Err()}
	default:
		var pe *providers.Error
		var si *providers.StreamInterruptedError
		if !errors.As(err, &pe) && !errors.As(err, &si) {
			err = providers.TransportError(name, err)
		}
	}
	return providers.RedactError(err, p.o.Secrets...)
}

// canceled reports the caller's cancellation (or deadline), keeping last as
// context for a cancel that happened while waiting to retry.
func (p *Provider) canceled(ctx context.Context, last error) error {
	k := providers.KindCanceled
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		k = providers.KindTimeout
	}
	e := &providers.Error{Kind: k, Provider: p.inner.Name(), Err: ctx.Err()}
	if pe, ok := asError(last); ok && pe.Kind != k && last != nil {
		e.Err = fmt.Errorf("%w (after: %s)", ctx.Err(), pe.Error())
	}
	return providers.RedactError(e, p.o.Secrets...)
}

func asError(err error) (*providers.Error, bool) {
	var pe *providers.Error
	ok := errors.As(err, &pe)
	return pe, ok
}

// watchdog cancels the attempt when the first part or the next part is late.
type watchdog struct {
	mu      sync.Mutex
	t       *time.Timer
	idle    time.Duration
	started bool
	cancel  context.CancelCauseFunc
}

func newWatchdog(cancel context.CancelCauseFunc, firstByte, idle time.Duration) *watchdog {
	w := &watchdog{idle: idle, cancel: cancel}
	w.t = time.AfterFunc(firstByte, func() { w.fire() })
	return w
}

func (w *watchdog) fire() {
	w.mu.Lock()
	started := w.started
	w.mu.Unlock()
	if started {
		w.cancel(errIdle)
	} else {
		w.cancel(errFirstByte)
	}
}

func (w *watchdog) kick() {
	w.mu.Lock()
	w.started = true
	w.mu.Unlock()
	w.t.Reset(w.idle)
}

func (w *watchdog) stop() { w.t.Stop() }
