package openai

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

// countingTransport counts the requests that go through it.
type countingTransport struct{ n atomic.Int32 }

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return http.DefaultTransport.RoundTrip(r)
}

// TestWithHTTPClient: every request goes through the client the caller
// gives (a proxy, custom TLS, a test transport).
func TestWithHTTPClient(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"models":[],"data":[]}`))
	}))
	defer srv.Close()
	tr := &countingTransport{}
	c := New(WithBaseURL(srv.URL+"/v1"), WithAPIKey("k"), WithHTTPClient(&http.Client{Transport: tr}))
	_, _ = c.Models(context.Background())
	if tr.n.Load() == 0 {
		t.Fatal("the request did not use the given *http.Client")
	}
}
