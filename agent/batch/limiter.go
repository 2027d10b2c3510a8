package batch

import (
	"context"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/dataeng-os/dataeng-os/providers"
)

// Limiter paces every model call of a batch. It holds an optional
// requests-per-minute budget and one gate shared by all workers: a rate-limit
// answer from the provider closes the gate for the whole pool (honouring
// Retry-After, else exponential backoff with jitter). When the gate reopens,
// a single probe call goes first; the others wait until it succeeds, so a
// provider that is still overloaded is not hit N times at once.
//
// The pause lasts the server's Retry-After when it sent one, else Base
// doubled per consecutive rate-limited pause (capped at Max) plus jitter.
type Limiter struct {
	mu          sync.Mutex
	interval    time.Duration // 0 = no RPM limit
	next        time.Time     // next free RPM slot
	pausedUntil time.Time
	strikes     int  // consecutive rate-limit answers
	probing     bool // a probe call is in flight; others wait
	needProbe   bool // the gate reopened after a pause: next call probes
	changed     chan struct{}

	// Base and Max bound the exponential backoff (defaults 1s and 60s).
	Base, Max time.Duration
	// Jitter returns the random extra added to a backoff of d; the default
	// adds up to 20%.
	Jitter func(d time.Duration) time.Duration

	slots chan struct{} // nil = no cap on concurrent calls

	pauses    int
	pausedFor time.Duration
}

// SetConcurrency caps the calls in flight at once (0 = no cap). Call it
// before the limiter is shared.
func (l *Limiter) SetConcurrency(n int) {
	l.slots = nil
	if n > 0 {
		l.slots = make(chan struct{}, n)
	}
}

// enter takes a concurrency slot; leave gives it back.
func (l *Limiter) enter(ctx context.Context) error {
	if l.slots == nil {
		return ctx.Err()
	}
	select {
	case l.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (l *Limiter) leave() {
	if l.slots != nil {
		<-l.slots
	}
}

// NewLimiter returns a limiter allowing rpm calls per minute (0 = no limit).
func NewLimiter(rpm int) *Limiter {
	l := &Limiter{Base: time.Second, Max: time.Minute, changed: make(chan struct{})}
	if rpm > 0 {
		l.interval = time.Minute / time.Duration(rpm)
	}
	return l
}

// broadcast wakes every waiter; callers hold mu.
func (l *Limiter) broadcast() {
	close(l.changed)
	l.changed = make(chan struct{})
}

// Acquire blocks until the gate is open and an RPM slot is free. probe is
// true when this call is the single probe after a pause; the caller must
// pass it back to Report.
func (l *Limiter) Acquire(ctx context.Context) (probe bool, err error) {
	for {
		l.mu.Lock()
		now := time.Now()
		var wait time.Duration
		switch {
		case now.Before(l.pausedUntil):
			wait = l.pausedUntil.Sub(now)
		case l.probing:
			wait = -1 // until the probe reports
		default:
			probe = l.needProbe
			if probe {
				l.needProbe, l.probing = false, true
			}
			slot := now
			if l.interval > 0 {
				if l.next.After(slot) {
					slot = l.next
				}
				l.next = slot.Add(l.interval)
			}
			l.mu.Unlock()
			if err := providers.Sleep(ctx, slot.Sub(now)); err != nil {
				if probe {
					l.releaseProbe()
				}
				return false, err
			}
			return probe, nil
		}
		ch := l.changed
		l.mu.Unlock()
		if err := waitCtx(ctx, ch, wait); err != nil {
			return false, err
		}
	}
}

// Report tells the limiter how a call acquired with Acquire ended.
// rateLimited closes the gate for everyone for at least retryAfter.
func (l *Limiter) Report(probe, rateLimited bool, retryAfter time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if probe {
		l.probing = false
	}
	if !rateLimited {
		if probe || l.strikes > 0 {
			l.strikes = 0
		}
		l.broadcast()
		return
	}
	now := time.Now()
	already := now.Before(l.pausedUntil)
	if !already {
		l.strikes++ // workers hit by the same storm count once
	}
	// The server's Retry-After wins; without one, back off exponentially.
	d := retryAfter
	if d <= 0 {
		d = l.Base << min(l.strikes-1, 20)
		if d > l.Max || d <= 0 {
			d = l.Max
		}
		d += l.jitter(d)
	}
	if until := now.Add(d); until.After(l.pausedUntil) {
		if !already {
			l.pauses++
		}
		l.pausedFor += until.Sub(maxTime(now, l.pausedUntil))
		l.pausedUntil = until
	}
	l.needProbe = true
	l.broadcast()
}

// releaseProbe gives the probe turn back without a verdict.
func (l *Limiter) releaseProbe() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.probing, l.needProbe = false, true
	l.broadcast()
}

func (l *Limiter) jitter(d time.Duration) time.Duration {
	if l.Jitter != nil {
		return l.Jitter(d)
	}
	if d < 5 {
		return 0
	}
	return rand.N(d / 5)
}

// Stats reports how often and how long the gate was closed.
func (l *Limiter) Stats() (pauses int, paused time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.pauses, l.pausedFor
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// waitCtx waits for ch, d (when d >= 0) or ctx, whichever comes first.
func waitCtx(ctx context.Context, ch <-chan struct{}, d time.Duration) error {
	var tc <-chan time.Time
	if d >= 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		tc = t.C
	}
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-ch:
	case <-tc:
	}
	return nil
}
