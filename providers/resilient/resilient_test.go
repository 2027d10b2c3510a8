package resilient

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/providers/scripted"
)

// sleeper records waits instead of sleeping.
type sleeper struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (s *sleeper) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.waits = append(s.waits, d)
	s.mu.Unlock()
	return ctx.Err()
}

func (s *sleeper) String() string { return fmt.Sprint(s.waits) }

func identity(d time.Duration) time.Duration { return d }

var req = providers.Request{Messages: []providers.Message{{Role: providers.RoleUser, Content: "go"}}}

func fault(k providers.ErrorKind, status int, ra time.Duration) scripted.Turn {
	return scripted.Turn{Err: &scripted.Fault{Kind: k, Status: status, RetryAfter: ra}}
}

func TestRetryMatrix(t *testing.T) {
	t.Parallel()
	ok := scripted.Turn{Text: "fine answer"}
	cases := []struct {
		name      string
		turns     []scripted.Turn
		wantKind  providers.ErrorKind // KindUnknown = success
		wantCalls int
		wantWaits string
	}{
		{"429 honours Retry-After", []scripted.Turn{fault(providers.KindRateLimit, 429, 7*time.Second), ok}, 0, 2, "[7s]"},
		{"500 then success", []scripted.Turn{fault(providers.KindServer, 500, 0), fault(providers.KindServer, 502, 0), ok}, 0, 3, "[1s 2s]"},
		{"reset then success", []scripted.Turn{fault(providers.KindNetwork, 0, 0), ok}, 0, 2, "[1s]"},
		{"503 exhausts retries", []scripted.Turn{fault(providers.KindServer, 503, 0), fault(providers.KindServer, 503, 0), fault(providers.KindServer, 503, 0), fault(providers.KindServer, 503, 0), ok}, providers.KindServer, 4, "[1s 2s 4s]"},
		{"401 not retried", []scripted.Turn{fault(providers.KindAuth, 401, 0), ok}, providers.KindAuth, 1, "[]"},
		{"404 not retried", []scripted.Turn{fault(providers.KindNotFound, 404, 0), ok}, providers.KindNotFound, 1, "[]"},
		{"Retry-After too long", []scripted.Turn{fault(providers.KindRateLimit, 429, time.Hour), ok}, providers.KindRateLimit, 1, "[]"},
		{"bad response not retried", []scripted.Turn{fault(providers.KindBadResponse, 0, 0), ok}, providers.KindBadResponse, 1, "[]"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := &sleeper{}
			inner := scripted.New(tc.turns...)
			var retries int
			p := Wrap(inner, WithSleeper(s.sleep), WithJitter(identity), WithOnRetry(func(int, time.Duration, error) { retries++ }))
			resp, err := p.Stream(context.Background(), req, nil)
			if tc.wantKind == providers.KindUnknown {
				if err != nil || resp.Text != "fine answer" {
					t.Fatalf("got %q, %v", resp.Text, err)
				}
			} else if providers.KindOf(err) != tc.wantKind {
				t.Fatalf("err = %v (kind %v), want kind %v", err, providers.KindOf(err), tc.wantKind)
			}
			if inner.Calls() != tc.wantCalls || s.String() != tc.wantWaits || retries != tc.wantCalls-1 {
				t.Fatalf("calls = %d waits = %s retries = %d, want %d %s", inner.Calls(), s, retries, tc.wantCalls, tc.wantWaits)
			}
		})
	}
}

func TestBackoffCapAndJitter(t *testing.T) {
	t.Parallel()
	p := Wrap(scripted.New(), WithRetries(10), WithBackoff(time.Second, 5*time.Second))
	err := &providers.Error{Kind: providers.KindServer}
	for attempt, max := range []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 5 * time.Second, 5 * time.Second} {
		d, ok := p.backoff(attempt, err)
		if !ok || d < max/2 || d > max {
			t.Errorf("attempt %d: wait %v outside [%v, %v]", attempt, d, max/2, max)
		}
	}
	if _, ok := p.backoff(0, &providers.Error{Kind: providers.KindRateLimit, Permanent: true}); ok {
		t.Error("permanent error retried")
	}
}

func TestNoRetryAfterPartialDelivery(t *testing.T) {
	t.Parallel()
	s := &sleeper{}
	inner := scripted.New(scripted.Turn{Text: "part one part two", Err: &scripted.Fault{Kind: providers.KindNetwork, AfterChunks: 2}}, scripted.Turn{Text: "never"})
	var got strings.Builder
	var lastKind providers.PartKind
	p := Wrap(inner, WithSleeper(s.sleep))
	resp, err := p.Stream(context.Background(), req, func(pt providers.Part) {
		lastKind = pt.Kind
		got.WriteString(pt.Text)
	})
	var si *providers.StreamInterruptedError
	if !errors.As(err, &si) || si.Partial != "part one " || resp.Text != "part one " || got.String() != "part one " {
		t.Fatalf("err = %v partial %q resp %q got %q", err, si.Partial, resp.Text, got.String())
	}
	if providers.KindOf(err) != providers.KindNetwork || inner.Calls() != 1 || len(s.waits) != 0 || lastKind != providers.PartError {
		t.Fatalf("kind %v calls %d waits %v last part %v", providers.KindOf(err), inner.Calls(), s.waits, lastKind)
	}
}

func TestIdleAndFirstByteTimeouts(t *testing.T) {
	t.Parallel()
	stalled := scripted.New(scripted.Turn{Text: "a b c", ChunkDelay: time.Hour})
	p := Wrap(stalled, WithTimeouts(time.Minute, 30*time.Millisecond))
	_, err := p.Stream(context.Background(), req, nil)
	var si *providers.StreamInterruptedError
	if !errors.As(err, &si) || si.Partial != "a " || providers.KindOf(err) != providers.KindTimeout || !strings.Contains(err.Error(), "stream stalled") {
		t.Fatalf("idle: %v", err)
	}
	slow := scripted.New(scripted.Turn{Text: "late", Delay: time.Hour}, scripted.Turn{Text: "unused"})
	p = Wrap(slow, WithTimeouts(30*time.Millisecond, time.Minute))
	_, err = p.Stream(context.Background(), req, nil)
	if providers.KindOf(err) != providers.KindTimeout || errors.As(err, &si) || slow.Calls() != 1 || !strings.Contains(err.Error(), "no answer started") {
		t.Fatalf("first byte: %v calls %d", err, slow.Calls())
	}
}

// deaf ignores its context: the wrapper must still return on cancel.
type deaf struct {
	started chan struct{}
	release chan struct{}
}

func (d *deaf) Name() string                                          { return "deaf" }
func (d *deaf) Capabilities() providers.Capabilities                  { return providers.Capabilities{} }
func (d *deaf) Models(context.Context) ([]providers.ModelInfo, error) { return nil, nil }
func (d *deaf) Stream(_ context.Context, _ providers.Request, on func(providers.Part)) (providers.Response, error) {
	on(providers.Part{Kind: providers.PartText, Text: "early "})
	close(d.started)
	<-d.release
	on(providers.Part{Kind: providers.PartText, Text: "LATE"})
	return providers.Response{Text: "early LATE"}, nil
}

func TestCancelReturnsPromptly(t *testing.T) {
	t.Parallel()
	d := &deaf{started: make(chan struct{}), release: make(chan struct{})}
	defer close(d.release)
	p := Wrap(d)
	ctx, cancel := context.WithCancel(context.Background())
	var mu sync.Mutex
	var got strings.Builder
	done := make(chan error, 1)
	go func() {
		_, err := p.Stream(ctx, req, func(pt providers.Part) { mu.Lock(); got.WriteString(pt.Text); mu.Unlock() })
		done <- err
	}()
	<-d.started
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		t.Logf("returned %v after cancel", time.Since(start))
		var si *providers.StreamInterruptedError
		if !errors.As(err, &si) || si.Partial != "early " || providers.KindOf(err) != providers.KindCanceled {
			t.Fatalf("err = %v", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Stream still running 2s after cancel")
	}
	d.release <- struct{}{}
	mu.Lock()
	defer mu.Unlock()
	if strings.Contains(got.String(), "LATE") {
		t.Fatal("a part arrived after Stream returned")
	}
}

func TestCancelDuringRetryWait(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	inner := scripted.New(fault(providers.KindServer, 500, 0), scripted.Turn{Text: "x"})
	p := Wrap(inner, WithSleeper(func(ctx context.Context, d time.Duration) error { cancel(); return ctx.Err() }))
	_, err := p.Stream(ctx, req, nil)
	if providers.KindOf(err) != providers.KindCanceled || inner.Calls() != 1 || !strings.Contains(err.Error(), "server error") {
		t.Fatalf("err = %v calls %d", err, inner.Calls())
	}
}

func TestSecretsNeverInErrors(t *testing.T) {
	t.Parallel()
	const key = "sk-live-0123456789SECRETKEY"
	inner := scripted.New(
		scripted.Turn{Err: &scripted.Fault{Kind: providers.KindAuth, Status: 401, Message: "Incorrect API key provided: " + key}},
		scripted.Turn{Text: "some text", Err: &scripted.Fault{Kind: providers.KindNetwork, AfterChunks: 1, Message: "reset; Authorization: Bearer " + key}},
	)
	p := Wrap(inner, WithSecrets(key))
	var partErrs []error
	for range 2 {
		_, err := p.Stream(context.Background(), req, func(pt providers.Part) {
			if pt.Err != nil {
				partErrs = append(partErrs, pt.Err)
			}
		})
		for e := err; e != nil; e = errors.Unwrap(e) {
			if strings.Contains(e.Error(), "SECRETKEY") {
				t.Fatalf("key leaked: %v", e)
			}
		}
		if fmt.Sprintf("%v %+v %#v", err, err, err) == "" || strings.Contains(fmt.Sprintf("%v|%+v", err, err), "SECRETKEY") {
			t.Fatalf("key leaked in formatting: %v", err)
		}
	}
	if len(partErrs) != 2 {
		t.Fatalf("in-band errors = %v", partErrs)
	}
	for _, e := range partErrs {
		if strings.Contains(e.Error(), "SECRETKEY") {
			t.Fatalf("in-band error leaks: %v", e)
		}
	}
}

func TestModelsRetries(t *testing.T) {
	t.Parallel()
	s := &sleeper{}
	f := &flaky{fails: 2}
	p := Wrap(f, WithSleeper(s.sleep), WithJitter(identity))
	ms, err := p.Models(context.Background())
	if err != nil || len(ms) != 1 || f.calls != 3 || s.String() != "[1s 2s]" {
		t.Fatalf("models = %v %v calls %d waits %s", ms, err, f.calls, s)
	}
}

type flaky struct {
	scripted.Client
	fails, calls int
}

func (f *flaky) Name() string { return "flaky" }
func (f *flaky) Models(context.Context) ([]providers.ModelInfo, error) {
	f.calls++
	if f.calls <= f.fails {
		return nil, &providers.Error{Kind: providers.KindServer, Status: 500}
	}
	return []providers.ModelInfo{{ID: "m"}}, nil
}
