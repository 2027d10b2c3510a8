package wiretest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/dataeng-os/dataeng-os/providers"
)

// countingTransport counts the requests that go through it.
type countingTransport struct{ n atomic.Int32 }

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return http.DefaultTransport.RoundTrip(r)
}

// AssertUsesClient checks that an adapter sends its requests through the
// *http.Client it is given (a proxy, custom TLS, a test transport): build
// makes the adapter for a base URL and a client; its Models call must go
// through that client.
func AssertUsesClient(t *testing.T, build func(baseURL string, hc *http.Client) providers.Provider) {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"models":[],"data":[]}`))
	}))
	defer srv.Close()
	tr := &countingTransport{}
	_, _ = build(srv.URL, &http.Client{Transport: tr}).Models(context.Background())
	if tr.n.Load() == 0 {
		t.Fatal("the request did not use the given *http.Client")
	}
}
