package gemini

import (
	"net/http"
	"testing"

	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/providers/internal/wiretest"
)

// TestWithHTTPClient: every request goes through the client the caller
// gives.
func TestWithHTTPClient(t *testing.T) {
	t.Parallel()
	wiretest.AssertUsesClient(t, func(u string, hc *http.Client) providers.Provider {
		return New(WithBaseURL(u), WithAPIKey("k"), WithHTTPClient(hc))
	})
}
