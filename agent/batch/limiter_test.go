package batch

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/providers/scripted"
)

func noJitter(time.Duration) time.Duration { return 0 }

func TestLimiterRequestsPerMinute(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := NewLimiter(120) // one call every 500ms
		start := time.Now()
		var got []time.Duration
		for range 4 {
			if _, err := l.Acquire(context.Background()); err != nil {
				t.Fatal(err)
			}
			got = append(got, time.Since(start))
		}
		want := []time.Duration{0, 500 * time.Millisecond, time.Second, 1500 * time.Millisecond}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("acquire times = %v, want %v", got, want)
			}
		}
	})
}

func TestLimiterGatePausesWholePoolThenProbes(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := NewLimiter(0)
		l.Jitter = noJitter
		start := time.Now()
		l.Report(false, true, 5*time.Second) // a 429 with Retry-After: 5s
		var mu sync.Mutex
		var times []time.Duration
		var probes atomic.Int32
		var wg sync.WaitGroup
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				probe, err := l.Acquire(context.Background())
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				times = append(times, time.Since(start))
				mu.Unlock()
				if probe {
					probes.Add(1)
					time.Sleep(time.Second) // the probe call takes 1s, then succeeds
					l.Report(true, false, 0)
				}
			}()
		}
		wg.Wait()
		if probes.Load() != 1 {
			t.Fatalf("probes = %d, want 1", probes.Load())
		}
		// One caller goes at 5s (the probe); the rest wait for its success at 6s.
		n5, n6 := 0, 0
		for _, d := range times {
			switch d {
			case 5 * time.Second:
				n5++
			case 6 * time.Second:
				n6++
			}
		}
		if n5 != 1 || n6 != 3 {
			t.Fatalf("acquire times = %v", times)
		}
	})
}

func TestLimiterBackoffGrowsAndStormCountsOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := NewLimiter(0)
		l.Jitter = noJitter
		for range 8 { // eight workers hit by the same storm
			l.Report(false, true, 0)
		}
		if p, d := l.Stats(); p != 1 || d != time.Second {
			t.Fatalf("after storm: pauses=%d paused=%v, want 1 and 1s", p, d)
		}
		time.Sleep(time.Second)
		probe, _ := l.Acquire(context.Background())
		l.Report(probe, true, 0) // still limited: 2s
		time.Sleep(2 * time.Second)
		probe, _ = l.Acquire(context.Background())
		l.Report(probe, true, 0) // 4s
		if p, d := l.Stats(); p != 3 || d != 7*time.Second {
			t.Fatalf("pauses=%d paused=%v, want 3 and 7s", p, d)
		}
		time.Sleep(4 * time.Second)
		probe, _ = l.Acquire(context.Background())
		l.Report(probe, false, 0)
		l.Report(false, true, 0) // strikes were reset by the success: 1s again
		if _, d := l.Stats(); d != 8*time.Second {
			t.Fatalf("paused=%v, want 8s", d)
		}
	})
}

func TestLimiterAcquireHonoursCancel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		l := NewLimiter(0)
		l.Report(false, true, time.Hour)
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		if _, err := l.Acquire(ctx); err == nil {
			t.Fatal("Acquire returned nil while the gate was closed")
		}
	})
}

func classify(err error) (bool, time.Duration) {
	var pe *providers.Error
	if asErr(err, &pe) && pe.Kind == providers.KindRateLimit {
		return true, pe.RetryAfter
	}
	return false, 0
}

func TestLimitedRetries429ThroughGate(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sc := scripted.New(
			scripted.Turn{Err: &scripted.Fault{Kind: providers.KindRateLimit, Status: 429, RetryAfter: 3 * time.Second}},
			scripted.Turn{Text: "ok", Usage: &providers.Usage{InputTokens: 7, OutputTokens: 2}},
		)
		l := NewLimiter(0)
		p := Limited(sc, l, classify, 3)
		m := &Meter{}
		start := time.Now()
		resp, err := p.Stream(WithMeter(context.Background(), m), providers.Request{Messages: []providers.Message{{Role: providers.RoleUser, Content: "hi"}}}, nil)
		if err != nil || resp.Text != "ok" {
			t.Fatalf("Stream = %q, %v", resp.Text, err)
		}
		if time.Since(start) < 3*time.Second || sc.Calls() != 2 || m.Calls() != 2 || m.RateLimited() != 1 || m.Usage().Total() < 9 {
			t.Fatalf("elapsed=%v calls=%d meter=%d/%d usage=%v", time.Since(start), sc.Calls(), m.Calls(), m.RateLimited(), m.Usage())
		}
	})
}

func TestLimitedServerErrorIsNotRetried(t *testing.T) {
	sc := scripted.New(scripted.Turn{Err: &scripted.Fault{Kind: providers.KindServer, Status: 500}}, scripted.Turn{Text: "late"})
	p := Limited(sc, NewLimiter(0), classify, 3)
	if _, err := p.Stream(context.Background(), providers.Request{}, nil); providers.KindOf(err) != providers.KindServer || sc.Calls() != 1 {
		t.Fatalf("err=%v calls=%d", err, sc.Calls())
	}
}

// storm rate-limits every call until a point in time.
type storm struct {
	until    time.Time
	limited  atomic.Int32
	ok       atomic.Int32
	inflight atomic.Int32
}

func (s *storm) Name() string                                          { return "storm" }
func (s *storm) Capabilities() providers.Capabilities                  { return providers.Capabilities{} }
func (s *storm) Models(context.Context) ([]providers.ModelInfo, error) { return nil, nil }
func (s *storm) Stream(ctx context.Context, _ providers.Request, _ func(providers.Part)) (providers.Response, error) {
	time.Sleep(100 * time.Millisecond)
	if time.Now().Before(s.until) {
		s.limited.Add(1)
		return providers.Response{}, &providers.Error{Kind: providers.KindRateLimit, Status: 429}
	}
	s.ok.Add(1)
	return providers.Response{Text: "ok"}, nil
}

// TestStormIsNotHammered: eight workers against a provider that answers 429
// for 10 seconds. With the shared gate and a single probe, the provider sees
// the first wave plus about one call per backoff, not eight per round.
func TestStormIsNotHammered(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := &storm{until: time.Now().Add(10 * time.Second)}
		l := NewLimiter(0)
		l.Jitter = noJitter
		p := Limited(s, l, classify, 10)
		var wg sync.WaitGroup
		for range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := p.Stream(context.Background(), providers.Request{}, nil); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		t.Logf("429s served: %d, pauses: %d", s.limited.Load(), func() int { p, _ := l.Stats(); return p }())
		// First wave 8, then probes after 1s, 2s, 4s, 8s backoffs (t≈15s > 10s).
		if s.limited.Load() > 8+4 || s.ok.Load() != 8 {
			t.Fatalf("429s served = %d (want <= 12), ok = %d", s.limited.Load(), s.ok.Load())
		}
		if pauses, _ := l.Stats(); pauses > 5 {
			t.Fatalf("pauses = %d", pauses)
		}
	})
}

// slowProvider counts how many calls run at once.
type slowProvider struct{ now, peak atomic.Int32 }

func (s *slowProvider) Name() string                                          { return "slow" }
func (s *slowProvider) Capabilities() providers.Capabilities                  { return providers.Capabilities{} }
func (s *slowProvider) Models(context.Context) ([]providers.ModelInfo, error) { return nil, nil }
func (s *slowProvider) Stream(ctx context.Context, _ providers.Request, _ func(providers.Part)) (providers.Response, error) {
	n := s.now.Add(1)
	for {
		p := s.peak.Load()
		if n <= p || s.peak.CompareAndSwap(p, n) {
			break
		}
	}
	time.Sleep(time.Second)
	s.now.Add(-1)
	return providers.Response{Text: "ok"}, nil
}

func TestLimiterConcurrencyCap(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := &slowProvider{}
		l := NewLimiter(0)
		l.SetConcurrency(3)
		p := Limited(s, l, classify, 0)
		var wg sync.WaitGroup
		start := time.Now()
		for range 9 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				p.Stream(context.Background(), providers.Request{}, nil)
			}()
		}
		wg.Wait()
		if s.peak.Load() != 3 || time.Since(start) != 3*time.Second {
			t.Fatalf("peak = %d, elapsed = %v; want 3 and 3s", s.peak.Load(), time.Since(start))
		}
	})
}
