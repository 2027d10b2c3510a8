package providers

import (
	"context"
	"net"
	"net/http"
	"testing"
	"time"
)

// TestConnectTimeout: a loopback listener that accepts but never answers
// the TLS handshake; the client gives up after its connect timeout.
func TestConnectTimeout(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	hc := NewHTTPClient(50 * time.Millisecond)
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, "https://"+ln.Addr().String()+"/", nil)
	done := make(chan error, 1)
	start := time.Now()
	go func() {
		resp, err := hc.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		t.Logf("gave up after %v: %v", time.Since(start), err)
		if k := TransportError("x", err).Kind; k != KindTimeout {
			t.Fatalf("kind = %v for %v", k, err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("connect timeout not applied")
	}
}

func TestCapturingClient(t *testing.T) {
	t.Parallel()
	rt := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		h := http.Header{}
		h.Set("Retry-After", "9")
		return &http.Response{StatusCode: 429, Header: h, Body: http.NoBody, Request: r}, nil
	})
	hc := CapturingClient(&http.Client{Transport: rt})
	if ct, ok := CapturingClient(hc).Transport.(captureTransport); !ok {
		t.Fatal("not a capture transport")
	} else if _, twice := ct.base.(captureTransport); twice {
		t.Fatal("capture transport wrapped twice")
	}
	ctx, capt := WithResponseCapture(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://example.invalid/", nil)
	resp, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if st, _ := capt.Last(); st != 429 || capt.RetryAfter(time.Now()) != 9*time.Second {
		t.Fatalf("captured %d %v", st, capt.RetryAfter(time.Now()))
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
