package cli

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/cmd/dataeng-os/internal/iostreams"
)

func doctorCLI(t *testing.T, toml string, env map[string]string, args ...string) (int, string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "dataeng-os.toml"), []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, out, errOut := iostreams.Test()
	f := &Factory{IO: ios, Dir: dir, Getenv: func(k string) string { return env[k] }}
	code := RunWith(f, append([]string{"doctor", "--timeout", "2s"}, args...))
	return code, out.String() + errOut.String()
}

func TestDoctorOpenAICompatibleReachable(t *testing.T) {
	t.Parallel()
	const key = "sk-doctor-secret-123"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer "+key {
			w.WriteHeader(http.StatusUnauthorized)
			io.WriteString(w, `{"error":{"message":"bad key `+key+`","type":"invalid_request_error"}}`)
			return
		}
		io.WriteString(w, `{"object":"list","data":[{"id":"m1","object":"model"},{"id":"m2","object":"model"}]}`)
	}))
	defer srv.Close()
	toml := "provider = \"vllm\"\n[providers.vllm]\ntype = \"openai\"\nbase_url = \"" + srv.URL + "/v1\"\nmodel = \"m1\"\napi_key_env = \"VLLM_KEY\"\n"

	code, out := doctorCLI(t, toml, map[string]string{"VLLM_KEY": key})
	if code != ExitOK || !strings.Contains(out, "openai answers, 2 models") {
		t.Fatalf("exit %d, output:\n%s", code, out)
	}
	if !strings.Contains(out, "key from $VLLM_KEY: set") {
		t.Errorf("doctor should say the key variable is set:\n%s", out)
	}

	code, out = doctorCLI(t, toml, map[string]string{"VLLM_KEY": "sk-wrong-" + key})
	if code != ExitFindings || !strings.Contains(out, "FAIL provider") {
		t.Fatalf("a rejected key should fail the doctor; exit %d:\n%s", code, out)
	}
	if strings.Contains(out, key) {
		t.Fatalf("doctor output leaks the API key:\n%s", out)
	}
}

func TestDoctorOllamaVersionAndModels(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/version":
			io.WriteString(w, `{"version":"0.6.5"}`)
		case "/api/tags":
			io.WriteString(w, `{"models":[{"name":"smollm2:latest","size":1}]}`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	host := strings.TrimPrefix(srv.URL, "http://")
	toml := "provider = \"ollama\"\n[providers.ollama]\nmodel = \"smollm2\"\n"
	code, out := doctorCLI(t, toml, map[string]string{"OLLAMA_HOST": host})
	if code != ExitOK || !strings.Contains(out, "ollama 0.6.5 at "+srv.URL+", models: smollm2:latest") {
		t.Fatalf("exit %d, output:\n%s", code, out)
	}
	code, out = doctorCLI(t, toml, map[string]string{"OLLAMA_HOST": host}, "--model", "qwen2.5:7b")
	if code != ExitFindings || !strings.Contains(out, "hint: run: ollama pull qwen2.5:7b") {
		t.Fatalf("a missing model should fail with the pull hint; exit %d:\n%s", code, out)
	}
}
