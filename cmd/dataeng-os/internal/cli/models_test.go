package cli

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/cmd/dataeng-os/internal/iostreams"
)

func modelsCLI(t *testing.T, toml string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "dataeng-os.toml"), []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, out, errOut := iostreams.Test()
	f := &Factory{IO: ios, Dir: dir, Getenv: func(k string) string {
		if k == "XDG_CONFIG_HOME" {
			return filepath.Join(dir, ".xdg")
		}
		return env[k]
	}}
	code := RunWith(f, append([]string{"models"}, args...))
	return code, out.String(), errOut.String()
}

func TestModelsOllama(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/tags" {
			http.NotFound(w, r)
			return
		}
		io.WriteString(w, `{"models":[{"name":"llama3.2:latest","model":"llama3.2:latest","size":2019393189},{"name":"qwen2.5-coder:7b","size":4683087332}]}`)
	}))
	defer srv.Close()
	toml := "[providers.local]\ntype = \"ollama\"\nmodel = \"qwen2.5:7b\"\nbase_url = \"" + srv.URL + "\"\n"
	code, out, errOut := modelsCLI(t, toml, nil, "--provider", "local")
	if code != 0 || strings.Join(strings.Fields(out), " ") != "llama3.2:latest 2.0 GB qwen2.5-coder:7b 4.7 GB" {
		t.Fatalf("code %d out %q err %q", code, out, errOut)
	}
	if !strings.Contains(errOut, "run: ollama pull qwen2.5:7b") {
		t.Fatalf("no pull hint: %q", errOut)
	}
	code, out, errOut = modelsCLI(t, strings.Replace(toml, "qwen2.5:7b", "llama3.2", 1), nil, "--provider", "local")
	if code != 0 || !strings.HasPrefix(strings.Join(strings.Fields(out), " "), "llama3.2:latest 2.0 GB (default) qwen") || errOut != "" {
		t.Fatalf("default mark: %d %q %q", code, out, errOut)
	}
	code, out, _ = modelsCLI(t, toml, nil, "--provider", "local", "--json")
	var rep modelsReport
	if code != 0 || json.Unmarshal([]byte(out), &rep) != nil || len(rep.Models) != 2 || rep.Models[1].Size != 4683087332 {
		t.Fatalf("json: %d %q", code, out)
	}
}

func TestModelsOpenAIKeyNeverPrinted(t *testing.T) {
	t.Parallel()
	const key = "sk-cli-test-SECRET-abcdef012345"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "Bearer "+key && r.URL.Path == "/v1/models" && r.URL.Query().Get("bad") == "" {
			w.WriteHeader(http.StatusUnauthorized)
			io.WriteString(w, `{"error":{"message":"Incorrect API key provided: `+key+`. Header was: Bearer `+key+`","type":"invalid_request_error","code":"invalid_api_key"}}`)
			return
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()
	toml := "[providers.work]\ntype = \"openai\"\napi_key_env = \"WORK_OPENAI_KEY\"\nbase_url = \"" + srv.URL + "/v1\"\n"
	code, out, errOut := modelsCLI(t, toml, map[string]string{"WORK_OPENAI_KEY": key}, "--provider", "work")
	if code != 2 || out != "" || !strings.Contains(errOut, "401 unauthorized") || !strings.Contains(errOut, "check WORK_OPENAI_KEY") {
		t.Fatalf("code %d out %q err %q", code, out, errOut)
	}
	if strings.Contains(errOut, "SECRET") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Fatalf("stderr leaks the key or is not one line: %q", errOut)
	}
}
