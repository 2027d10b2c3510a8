package wiretest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/providers/resilient"
)

// Case is one row of an adapter's fault matrix.
type Case struct {
	Name  string
	Steps []Step
	// Success expectations.
	Text   string
	Usage  providers.Usage
	Finish string
	// Failure expectations: Kind != KindUnknown means an error is wanted.
	Kind        providers.ErrorKind
	Status      int
	Hint        string // substring of the error message
	Interrupted bool   // a *StreamInterruptedError with Partial
	Partial     string
	// Hits is the number of requests the server must see; Waits the retry waits.
	Hits  int
	Waits []time.Duration
	// FirstByte and Idle override the wrapper's timeouts (0 = 5 s each).
	FirstByte, Idle time.Duration
}

// RunMatrix runs each case against a fresh server, through the resilience
// wrapper with a recording sleeper and no jitter, and checks that the key
// never appears in the error.
func RunMatrix(t *testing.T, key string, build func(baseURL string) providers.Provider, cases []Case) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			t.Parallel()
			srv := New(t, tc.Steps...)
			sl := &Sleeper{}
			fb, idle := tc.FirstByte, tc.Idle
			if fb == 0 {
				fb = 5 * time.Second
			}
			if idle == 0 {
				idle = 5 * time.Second
			}
			p := resilient.Wrap(build(srv.URL), resilient.WithSleeper(sl.Sleep), resilient.WithSecrets(key),
				resilient.WithJitter(func(d time.Duration) time.Duration { return d }), resilient.WithTimeouts(fb, idle))
			var streamed strings.Builder
			resp, err := p.Stream(context.Background(), providers.Request{System: "sys",
				Messages: []providers.Message{{Role: providers.RoleUser, Content: "hello"}}},
				func(pt providers.Part) { streamed.WriteString(pt.Text) })
			check(t, tc, resp, err, streamed.String())
			if key != "" && err != nil && strings.Contains(fmt.Sprintf("%v %+v", err, err), key) {
				t.Errorf("error leaks the key: %v", err)
			}
			if srv.Hits() != tc.Hits {
				t.Errorf("server hits = %d, want %d", srv.Hits(), tc.Hits)
			}
			if got := sl.Recorded(); fmt.Sprint(got) != fmt.Sprint(nonNil(tc.Waits)) {
				t.Errorf("retry waits = %v, want %v", got, tc.Waits)
			}
		})
	}
}

func nonNil(w []time.Duration) []time.Duration {
	if w == nil {
		return []time.Duration{}
	}
	return w
}

func check(t *testing.T, tc Case, resp providers.Response, err error, streamed string) {
	t.Helper()
	if tc.Kind == providers.KindUnknown {
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		if resp.Text != tc.Text || streamed != tc.Text || resp.Usage != tc.Usage || (tc.Finish != "" && resp.FinishReason != tc.Finish) {
			t.Fatalf("resp = %+v (streamed %q), want text %q usage %+v finish %q", resp, streamed, tc.Text, tc.Usage, tc.Finish)
		}
		return
	}
	if err == nil {
		t.Fatalf("no error; resp = %+v", resp)
	}
	t.Logf("error: %v", err)
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("error is not one line: %q", err)
	}
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Kind != tc.Kind || (tc.Status != 0 && pe.Status != tc.Status) {
		t.Fatalf("error %v: kind %v, want %v status %d", err, providers.KindOf(err), tc.Kind, tc.Status)
	}
	if tc.Hint != "" && !strings.Contains(err.Error(), tc.Hint) {
		t.Errorf("error %q lacks hint %q", err, tc.Hint)
	}
	var si *providers.StreamInterruptedError
	if got := errors.As(err, &si); got != tc.Interrupted {
		t.Fatalf("interrupted = %v, want %v (%v)", got, tc.Interrupted, err)
	}
	if tc.Interrupted && (si.Partial != tc.Partial || resp.Text != tc.Partial || streamed != tc.Partial) {
		t.Fatalf("partial = %q resp %q streamed %q, want %q", si.Partial, resp.Text, streamed, tc.Partial)
	}
}

// CancelWithin starts a stream against a server that sends first and then
// stalls, cancels once the first text arrives, and fails if Stream has not
// returned 2 s later. It logs the measured delay.
func CancelWithin(t *testing.T, p providers.Provider) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	first := make(chan struct{})
	var once bool
	done := make(chan error, 1)
	go func() {
		_, err := p.Stream(ctx, providers.Request{Messages: []providers.Message{{Role: providers.RoleUser, Content: "x"}}},
			func(pt providers.Part) {
				if pt.Kind == providers.PartText && !once {
					once = true
					close(first)
				}
			})
		done <- err
	}()
	select {
	case <-first:
	case err := <-done:
		t.Fatalf("stream ended before any text: %v", err)
	}
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		t.Logf("Stream returned %v after cancel", time.Since(start))
		if providers.KindOf(err) != providers.KindCanceled {
			t.Fatalf("err = %v, want canceled", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Stream still running 2 s after cancel")
	}
}
