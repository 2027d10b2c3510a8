package cli

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/cmd/dataeng-os/internal/iostreams"
)

// echoKey is a key with no well-known shape: only the configured-secret
// redaction can catch it.
const echoKey = "k3y-ECHOED-0123456789abcdef"

// echoServer speaks the OpenAI wire protocol and puts the caller's key into
// everything it answers: model ids, and a streamed reply that splits the
// key across two deltas.
func echoServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		switch r.URL.Path {
		case "/v1/models":
			fmt.Fprintf(w, `{"object":"list","data":[{"id":"echo-%s","object":"model","owned_by":"%s"}]}`, key, key)
		case "/v1/chat/completions":
			w.Header().Set("Content-Type", "text/event-stream")
			half := len(key) / 2
			for _, c := range []string{"Your key is " + key[:half], key[half:] + ". Which team owns the orders data?"} {
				fmt.Fprintf(w, `data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":%q},"finish_reason":null}]}`+"\n\n", c)
			}
			io.WriteString(w, `data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":9,"total_tokens":14}}`+"\n\ndata: [DONE]\n\n")
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func echoCLI(t *testing.T, dir, stdin string, args ...string) (int, string, string) {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(stdin)
	f := &Factory{IO: ios, Dir: dir, Getenv: func(k string) string {
		switch k {
		case "XDG_CONFIG_HOME":
			return filepath.Join(dir, ".xdg")
		case "ECHO_KEY":
			return echoKey
		}
		return ""
	}}
	code := RunWith(f, args)
	return code, out.String(), errOut.String()
}

// TestEchoedKeyNeverPrintedOrStored: a server that echoes the API key must
// not put it into the terminal, the session journal, sessions show/export
// or the models list.
func TestEchoedKeyNeverPrintedOrStored(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	toml := "provider = \"work\"\n[providers.work]\ntype = \"openai\"\nmodel = \"m\"\napi_key_env = \"ECHO_KEY\"\nbase_url = \"" + echoServer(t).URL + "/v1\"\n"
	if err := os.WriteFile(filepath.Join(dir, "dataeng-os.toml"), []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	run := func(stdin string, args ...string) string {
		code, out, errOut := echoCLI(t, dir, stdin, args...)
		all.WriteString(out + errOut)
		if code == 2 {
			t.Fatalf("%v: exit 2\n%s%s", args, out, errOut)
		}
		return out + errOut
	}
	if got := run("We need the orders data for the checkout team.\n", "chat"); !strings.Contains(got, "Which team owns the orders data?") {
		t.Fatalf("chat did not show the reply:\n%s", got)
	}
	for _, args := range [][]string{{"sessions", "show", "last"}, {"sessions", "export", "last", "--format", "jsonl"},
		{"sessions", "export", "last", "--format", "md"}, {"models"}, {"models", "--json"}} {
		run("", args...)
	}
	journals, _ := filepath.Glob(filepath.Join(dir, ".dataeng-os", "sessions", "*.jsonl"))
	if len(journals) != 1 {
		t.Fatalf("want one session journal, got %v", journals)
	}
	data, err := os.ReadFile(journals[0])
	if err != nil {
		t.Fatal(err)
	}
	all.Write(data)
	if !strings.Contains(all.String(), "echo-[REDACTED]") || !strings.Contains(string(data), "Your key is [REDACTED]") {
		t.Fatalf("the echoed text is missing (the test would prove nothing):\n%s", all.String())
	}
	if strings.Contains(all.String(), echoKey) || strings.Contains(all.String(), echoKey[:len(echoKey)/2]+"\n") {
		t.Fatalf("the key leaked:\n%s", all.String())
	}
}

// TestSessionsShowRedactsOldJournals: a journal written before redaction
// existed is scrubbed when shown or exported.
func TestSessionsShowRedactsOldJournals(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "dataeng-os.toml"), []byte("[providers.work]\ntype = \"openai\"\napi_key_env = \"ECHO_KEY\"\n"), 0o644)
	sess := filepath.Join(dir, ".dataeng-os", "sessions")
	os.MkdirAll(sess, 0o755)
	line := `{"type":"session","session":"s1","mode":"model"}` + "\n" + `{"type":"user","session":"s1","text":"my key is ` + echoKey + `"}` + "\n"
	if err := os.WriteFile(filepath.Join(sess, "s1.jsonl"), []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"sessions", "show", "s1"}, {"sessions", "export", "s1", "--format", "json"}} {
		code, out, errOut := echoCLI(t, dir, "", args...)
		if code != 0 || !strings.Contains(out, "my key is [REDACTED]") || strings.Contains(out+errOut, echoKey) {
			t.Fatalf("%v: code %d\n%s%s", args, code, out, errOut)
		}
	}
}

// TestSessionsShowKeepsCancelledPartial: a reply cut off by Ctrl-C is kept
// in the transcript, marked as cut off.
func TestSessionsShowKeepsCancelledPartial(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "dataeng-os.toml"), []byte("provider = \"guided\"\n"), 0o644)
	sess := filepath.Join(dir, ".dataeng-os", "sessions")
	os.MkdirAll(sess, 0o755)
	lines := `{"type":"session","session":"s2","mode":"model"}` + "\n" + `{"type":"user","session":"s2","text":"orders please"}` + "\n" +
		`{"type":"cancelled","session":"s2","phase":"interview","text":"Which team owns the"}` + "\n"
	if err := os.WriteFile(filepath.Join(sess, "s2.jsonl"), []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := echoCLI(t, dir, "", "sessions", "show", "s2")
	if code != 0 || !strings.Contains(out, "architect> Which team owns the …") || !strings.Contains(out, "[cancelled: the answer above was cut off]") {
		t.Fatalf("code %d\n%s%s", code, out, errOut)
	}
}
