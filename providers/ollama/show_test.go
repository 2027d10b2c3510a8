package ollama

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestParseParameterSize(t *testing.T) {
	for in, want := range map[string]float64{"270.36M": 270.36e6, "7.6B": 7.6e9, "1.5b": 1.5e9, "500K": 500e3, "": 0, "big": 0, "12": 12} {
		if got := ParseParameterSize(in); got < want*0.999 || got > want*1.001 {
			t.Errorf("ParseParameterSize(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestParameterCountAsksShow(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/show" {
			http.NotFound(w, r)
			return
		}
		body, _ := io.ReadAll(r.Body)
		if !strings.Contains(string(body), "gemma3:270m") {
			t.Errorf("show request %s", body)
		}
		_, _ = w.Write([]byte(`{"details":{"parameter_size":"268.10M"}}`))
	}))
	defer srv.Close()
	n, err := New(WithBaseURL(srv.URL), WithModel("gemma3:270m")).ParameterCount(context.Background(), "")
	if err != nil || n < 268e6 || n > 269e6 {
		t.Fatalf("n=%v err=%v", n, err)
	}
}
