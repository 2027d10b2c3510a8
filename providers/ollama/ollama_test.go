package ollama

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/providers/internal/wiretest"
	"github.com/dataeng-os/dataeng-os/providers/resilient"
)

const ndjson = "application/x-ndjson"

func line(content string) string {
	c, _ := json.Marshal(content)
	return fmt.Sprintf(`{"model":"qwen2.5:7b","created_at":"2026-01-01T10:00:00.123Z","message":{"role":"assistant","content":%s},"done":false}`+"\n", c)
}

const doneLine = `{"model":"qwen2.5:7b","created_at":"2026-01-01T10:00:01Z","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","total_duration":5191566416,"load_duration":2154458,"prompt_eval_count":26,"prompt_eval_duration":383809000,"eval_count":3,"eval_duration":4799921000}` + "\n"

var okStream = wiretest.Write(ndjson, line("Hel"), line("lo"), line("!"), doneLine)

func build(base string) providers.Provider { return New(WithBaseURL(base), WithModel("qwen2.5:7b")) }

func TestFaultMatrix(t *testing.T) {
	t.Parallel()
	usage := providers.Usage{InputTokens: 26, OutputTokens: 3}
	cases := []wiretest.Case{
		{Name: "success", Steps: []wiretest.Step{okStream}, Text: "Hello!", Usage: usage, Finish: "stop", Hits: 1},
		{Name: "401", Steps: []wiretest.Step{wiretest.Status(401, `{"error":"unauthorized","signin_url":"https://ollama.com/connect"}`)},
			Kind: providers.KindAuth, Status: 401, Hits: 1},
		{Name: "404 model not pulled", Steps: []wiretest.Step{wiretest.Status(404, `{"error":"model \"qwen2.5:7b\" not found, try pulling it first"}`)},
			Kind: providers.KindNotFound, Status: 404, Hint: "run: ollama pull qwen2.5:7b", Hits: 1},
		{Name: "429 Retry-After then success", Steps: []wiretest.Step{wiretest.Status(429, `{"error":"server busy"}`, "Retry-After", "2"), okStream},
			Text: "Hello!", Usage: usage, Hits: 2, Waits: []time.Duration{2 * time.Second}},
		{Name: "500 then success", Steps: []wiretest.Step{wiretest.Status(500, `{"error":"llama runner process has terminated"}`), okStream},
			Text: "Hello!", Usage: usage, Hits: 2, Waits: []time.Duration{time.Second}},
		{Name: "cut mid-stream", Steps: []wiretest.Step{wiretest.Then(wiretest.Write(ndjson, line("Hel")), wiretest.Cut())},
			Kind: providers.KindNetwork, Interrupted: true, Partial: "Hel", Hits: 1},
		{Name: "clean end without done", Steps: []wiretest.Step{wiretest.Write(ndjson, line("Hel"))},
			Kind: providers.KindNetwork, Hint: `"done":true`, Interrupted: true, Partial: "Hel", Hits: 1},
		{Name: "malformed line", Steps: []wiretest.Step{wiretest.Write(ndjson, line("Hel"), `{"model":"qwen2.5:7b","message":{"content":`+"\n")},
			Kind: providers.KindBadResponse, Interrupted: true, Partial: "Hel", Hits: 1},
		{Name: "in-stream error", Steps: []wiretest.Step{wiretest.Write(ndjson, line("Hel"), `{"error":"an error was encountered while running the model: CUDA out of memory"}`+"\n")},
			Kind: providers.KindServer, Hint: "CUDA out of memory", Interrupted: true, Partial: "Hel", Hits: 1},
		{Name: "stalled stream", Steps: []wiretest.Step{wiretest.Then(wiretest.Write(ndjson, line("Hel")), wiretest.Stall())}, Idle: 50 * time.Millisecond,
			Kind: providers.KindTimeout, Interrupted: true, Partial: "Hel", Hits: 1},
		{Name: "slow first byte (model loading)", Steps: []wiretest.Step{wiretest.Then(wiretest.Delay(100*time.Millisecond), okStream)},
			Text: "Hello!", Usage: usage, Hits: 1},
		{Name: "first byte too slow", Steps: []wiretest.Step{wiretest.Stall()}, FirstByte: 50 * time.Millisecond,
			Kind: providers.KindTimeout, Hits: 1},
	}
	wiretest.RunMatrix(t, "", build, cases)
}

func TestRequestBody(t *testing.T) {
	t.Parallel()
	srv := wiretest.New(t, okStream)
	temp, seed := 0.2, 7
	schema := json.RawMessage(`{"type":"object","properties":{"name":{"type":"string"}}}`)
	c := New(WithBaseURL(srv.URL), WithModel("llama3.2"), WithNumCtx(16384))
	resp, err := c.Stream(context.Background(), providers.Request{System: "sys", Temperature: &temp, Seed: &seed, MaxTokens: 500,
		JSONSchema: schema, Messages: []providers.Message{{Role: providers.RoleUser, Content: "hi"}}}, nil)
	if err != nil || len(resp.Warnings) != 0 {
		t.Fatal(err, resp.Warnings)
	}
	if srv.Path(0) != "/api/chat" {
		t.Fatalf("path = %s", srv.Path(0))
	}
	var body struct {
		Model    string                           `json:"model"`
		Stream   bool                             `json:"stream"`
		Format   json.RawMessage                  `json:"format"`
		Options  map[string]float64               `json:"options"`
		Messages []struct{ Role, Content string } `json:"messages"`
	}
	if err := json.Unmarshal(srv.Body(0), &body); err != nil {
		t.Fatal(err)
	}
	o := body.Options
	if body.Model != "llama3.2" || !body.Stream || string(body.Format) != string(schema) ||
		o["num_ctx"] != 16384 || o["temperature"] != 0.2 || o["seed"] != 7 || o["num_predict"] != 500 {
		t.Fatalf("body = %s", srv.Body(0))
	}
	if len(body.Messages) != 2 || body.Messages[0].Role != "system" {
		t.Fatalf("messages = %+v", body.Messages)
	}
	if c.Capabilities().ContextTokens != 16384 {
		t.Fatal("capabilities ignore num_ctx")
	}
}

func TestNumCtxAlwaysSentAndWarning(t *testing.T) {
	t.Parallel()
	srv := wiretest.New(t, okStream)
	c := New(WithBaseURL(srv.URL), WithNumCtx(0))
	long := strings.Repeat("word ", 40000) // ~50k tokens by estimate
	resp, err := c.Stream(context.Background(), providers.Request{Messages: []providers.Message{{Role: providers.RoleUser, Content: long}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(srv.Body(0)), `"num_ctx":8192`) {
		t.Fatalf("num_ctx not sent: %.200s", srv.Body(0))
	}
	if !strings.Contains(string(srv.Body(0)), `"keep_alive":"30m0s"`) {
		t.Fatalf("keep_alive (default 30m) not sent: %.300s", srv.Body(0))
	}
	if len(resp.Warnings) != 1 || !strings.Contains(resp.Warnings[0], "num_ctx 8192") {
		t.Fatalf("warnings = %v", resp.Warnings)
	}
}

// TestKeepAliveOption: a profile's keep_alive reaches the wire, and a
// negative one (keep loaded) is sent as Ollama's -1.
func TestKeepAliveOption(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{{2 * time.Hour, `"keep_alive":"2h0m0s"`}, {-1, `"keep_alive":-1`}} {
		srv := wiretest.New(t, okStream)
		c := New(WithBaseURL(srv.URL), WithKeepAlive(tc.d))
		if _, err := c.Stream(context.Background(), providers.Request{Messages: []providers.Message{{Role: providers.RoleUser, Content: "hi"}}}, nil); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(srv.Body(0)), tc.want) {
			t.Errorf("keep_alive %v: want %s in %.300s", tc.d, tc.want, srv.Body(0))
		}
	}
}

func TestModelsAndVersion(t *testing.T) {
	t.Parallel()
	tags := `{"models":[{"name":"qwen2.5:7b","model":"qwen2.5:7b","modified_at":"2025-01-01T00:00:00Z","size":4683087332,"digest":"845dbda0ea48","details":{"format":"gguf","family":"qwen2","parameter_size":"7.6B","quantization_level":"Q4_K_M"}},{"name":"llama3.2:latest","model":"llama3.2:latest","size":2019393189,"digest":"a80c4f17acd5"}]}`
	srv := wiretest.New(t, wiretest.Status(200, tags), wiretest.Status(200, `{"version":"0.12.3"}`))
	c := New(WithBaseURL(srv.URL))
	ms, err := c.Models(context.Background())
	if err != nil || len(ms) != 2 || ms[0].ID != "llama3.2:latest" || ms[1].Size != 4683087332 || srv.Path(0) != "/api/tags" {
		t.Fatalf("models = %+v %v", ms, err)
	}
	v, err := c.Version(context.Background())
	if err != nil || v != "0.12.3" || srv.Path(1) != "/api/version" {
		t.Fatalf("version = %q %v", v, err)
	}
}

func TestUnreachableHint(t *testing.T) {
	t.Parallel()
	srv := wiretest.New(t, okStream)
	base := srv.URL
	srv.Close()
	_, err := New(WithBaseURL(base)).Version(context.Background())
	if providers.KindOf(err) != providers.KindUnreachable || !strings.Contains(err.Error(), "ollama serve") {
		t.Fatalf("err = %v", err)
	}
}

func TestParseHost(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"":                          DefaultHost,
		"127.0.0.1":                 "http://127.0.0.1:11434",
		"0.0.0.0:1234":              "http://127.0.0.1:1234",
		":11435":                    "http://127.0.0.1:11435",
		"gpu-box":                   "http://gpu-box:11434",
		"http://gpu-box":            "http://gpu-box:80",
		"https://ollama.example/x/": "https://ollama.example:443/x",
		"http://[::1]:9000":         "http://[::1]:9000",
	}
	for in, want := range cases {
		if got := ParseHost(in); got != want {
			t.Errorf("ParseHost(%q) = %q, want %q", in, got, want)
		}
	}
	env := func(k string) string {
		if k == "OLLAMA_HOST" {
			return "10.0.0.5:11434"
		}
		return ""
	}
	if got := HostFromEnv(env); got != "http://10.0.0.5:11434" {
		t.Errorf("HostFromEnv = %q", got)
	}
}

func TestCancelWithin(t *testing.T) {
	t.Parallel()
	srv := wiretest.New(t, wiretest.Then(wiretest.Write(ndjson, line("Hel")), wiretest.Stall()))
	wiretest.CancelWithin(t, resilient.Wrap(build(srv.URL)))
	wiretest.CancelWithin(t, build(srv.URL))
}
