package web

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestCancelledRequestsStop: a preview, validation or catalog scan whose
// client has gone does no more work and writes nothing; the same request
// still live gets its answer.
func TestCancelledRequestsStop(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	form := mustJSON(t, previewRequest{Form: FormFromContractYAML(t, readFile(t, "testdata/orders.yaml"))})
	cases := []struct {
		name, path, body string
	}{
		{"preview", "/api/preview", form},
		{"validate", "/api/validate", readFile(t, "testdata/orders.yaml")},
		{"parse", "/api/parse", `{"yaml": "id: x"}`},
		{"contracts", "/api/contracts", ""},
	}
	routes := map[string]func(*httptest.ResponseRecorder, *http.Request){
		"/api/preview":   func(w *httptest.ResponseRecorder, r *http.Request) { ts.s.apiPreview(w, r) },
		"/api/validate":  func(w *httptest.ResponseRecorder, r *http.Request) { ts.s.apiValidate(w, r) },
		"/api/parse":     func(w *httptest.ResponseRecorder, r *http.Request) { ts.s.apiParse(w, r) },
		"/api/contracts": func(w *httptest.ResponseRecorder, r *http.Request) { ts.s.apiContracts(w, r) },
	}
	for _, tc := range cases {
		for _, cancelled := range []bool{false, true} {
			ctx, cancel := context.WithCancel(context.Background())
			if cancelled {
				cancel()
			}
			r := httptest.NewRequest("POST", tc.path, strings.NewReader(tc.body)).WithContext(ctx)
			w := httptest.NewRecorder()
			routes[tc.path](w, r)
			cancel()
			if got := w.Body.Len() > 0; got == cancelled {
				t.Errorf("%s cancelled=%v: wrote %d bytes: %.80s", tc.name, cancelled, w.Body.Len(), w.Body.String())
			}
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ts.s.catalogCtx(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("catalog scan with a cancelled context: %v", err)
	}
}
