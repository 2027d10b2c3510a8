package factory

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/providers/gemini"
	"github.com/dataeng-os/dataeng-os/providers/internal/wiretest"
	"github.com/dataeng-os/dataeng-os/providers/ollama"
	"github.com/dataeng-os/dataeng-os/providers/openai"
	"github.com/dataeng-os/dataeng-os/providers/resilient"
	"github.com/dataeng-os/dataeng-os/providers/scripted"
)

func env(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

func TestSelection(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	script := filepath.Join(dir, "s.yaml")
	if err := os.WriteFile(script, []byte("- text: hi\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		p    Profile
		env  func(string) string
		want any
	}{
		{Profile{Type: "openai"}, env("OPENAI_API_KEY", "sk-x"), &openai.Client{}},
		{Profile{Type: "openai", APIKeyEnv: "MY_KEY"}, env("MY_KEY", "sk-x"), &openai.Client{}},
		{Profile{Type: "openai", BaseURL: "http://127.0.0.1:8081/v1"}, env(), &openai.Client{}},
		{Profile{Type: "gemini"}, env("GOOGLE_API_KEY", "g"), &gemini.Client{}},
		{Profile{Type: "ollama", NumCtx: 4096}, env("OLLAMA_HOST", "10.1.1.1:1234"), &ollama.Client{}},
		{Profile{Type: "scripted", Script: script}, env(), &scripted.Client{}},
	}
	for _, tc := range cases {
		p, err := New(tc.p, tc.env)
		if err != nil {
			t.Fatalf("%+v: %v", tc.p, err)
		}
		rp, ok := p.(*resilient.Provider)
		if !ok {
			t.Fatalf("%+v: not wrapped: %T", tc.p, p)
		}
		inner := rp.Unwrap()
		if got, want := fmtType(inner), fmtType(tc.want); got != want {
			t.Fatalf("%+v: built %s, want %s", tc.p, got, want)
		}
		if inner.Name() != tc.p.Type {
			t.Fatalf("name = %s", inner.Name())
		}
	}
	for _, noStream := range []bool{false, true} {
		p, _ := Raw(Profile{Type: "openai", BaseURL: "http://127.0.0.1:8081/v1", NoStream: noStream}, env())
		if got := p.Capabilities().Streaming; got == noStream {
			t.Fatalf("NoStream=%v: Capabilities().Streaming = %v", noStream, got)
		}
	}
	p, _ := Raw(Profile{Type: "ollama", NumCtx: 4096}, env("OLLAMA_HOST", "10.1.1.1:1234"))
	if oc := p.(*ollama.Client); oc.BaseURL() != "http://10.1.1.1:1234" || oc.Capabilities().ContextTokens != 4096 {
		t.Fatalf("ollama = %s %+v", oc.BaseURL(), oc.Capabilities())
	}
}

func fmtType(v any) string {
	switch v.(type) {
	case *openai.Client:
		return "openai"
	case *gemini.Client:
		return "gemini"
	case *ollama.Client:
		return "ollama"
	case *scripted.Client:
		return "scripted"
	}
	return "other"
}

func TestSelectionErrors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		p    Profile
		want string
	}{
		{Profile{Type: "openai"}, "set OPENAI_API_KEY"},
		{Profile{Name: "work", Type: "openai", APIKeyEnv: "WORK_KEY"}, "provider work: no API key: set WORK_KEY"},
		{Profile{Type: "gemini"}, "set GEMINI_API_KEY (or GOOGLE_API_KEY)"},
		{Profile{Type: "scripted"}, "needs a script"},
		{Profile{Type: "scripted", Script: "/nonexistent/s.yaml"}, "load script"},
		{Profile{Type: "claude"}, `unknown type "claude"`},
	}
	for _, tc := range cases {
		_, err := New(tc.p, env())
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: err = %v, want %q", tc.p, err, tc.want)
		}
	}
	if _, err := New(Profile{Type: "openai"}, env()); !errors.Is(err, ErrMissingKey) {
		t.Error("ErrMissingKey not wrapped")
	}
	if _, err := New(Profile{Type: "guided"}, env()); !errors.Is(err, providers.ErrNoModel) {
		t.Errorf("guided: %v", err)
	}
}

func TestTimeoutsFromProfile(t *testing.T) {
	t.Parallel()
	p, err := New(Profile{Type: "ollama"}, env())
	if err != nil {
		t.Fatal(err)
	}
	o := p.(*resilient.Provider).Options()
	if o.FirstByteTimeout != 300*time.Second || o.IdleTimeout != 60*time.Second {
		t.Fatalf("ollama timeouts = %v %v", o.FirstByteTimeout, o.IdleTimeout)
	}
	p, _ = New(Profile{Type: "openai", Timeout: 20 * time.Second}, env("OPENAI_API_KEY", "sk-abcdefgh"))
	o = p.(*resilient.Provider).Options()
	if o.FirstByteTimeout != 20*time.Second || o.IdleTimeout != 20*time.Second || len(o.Secrets) != 1 || o.Secrets[0] != "sk-abcdefgh" {
		t.Fatalf("openai options = %+v", o)
	}
}

func TestKeyNeverInErrors(t *testing.T) {
	t.Parallel()
	const key = "sk-factory-SECRET-0123456789"
	srv := wiretest.New(t, wiretest.Status(401, `{"error":{"message":"bad key `+key+`","type":"invalid_request_error"}}`))
	p, err := New(Profile{Type: "openai", BaseURL: srv.URL + "/v1"}, env("OPENAI_API_KEY", key))
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.Stream(context.Background(), providers.Request{}, nil)
	if err == nil || strings.Contains(err.Error(), "SECRET") || !strings.Contains(err.Error(), "check OPENAI_API_KEY") {
		t.Fatalf("err = %v", err)
	}
	_, err = p.Models(context.Background())
	if err == nil || strings.Contains(err.Error(), "SECRET") {
		t.Fatalf("ping err = %v", err)
	}
}
