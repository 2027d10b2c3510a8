package openai

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

const key = "sk-proj-TESTKEY0123456789abcdefSECRET"

func chunk(content, finish string) string {
	f := "null"
	if finish != "" {
		f = `"` + finish + `"`
	}
	c, _ := json.Marshal(content)
	return fmt.Sprintf(`data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"content":%s},"finish_reason":%s}],"usage":null}`+"\n\n", c, f)
}

const (
	roleChunk  = `data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}],"usage":null}` + "\n\n"
	usageChunk = `data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini-2024-07-18","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}}` + "\n\n"
	done       = "data: [DONE]\n\n"
	sse        = "text/event-stream"
)

var okStream = wiretest.Write(sse, roleChunk, chunk("Hel", ""), chunk("lo", ""), chunk("!", ""), chunk("", "stop"), usageChunk, done)

func build(base string) providers.Provider {
	return New(WithBaseURL(base+"/v1"), WithAPIKey(key), WithModel("gpt-4o-mini"))
}

func TestFaultMatrix(t *testing.T) {
	t.Parallel()
	usage := providers.Usage{InputTokens: 12, OutputTokens: 3}
	echoKey := `{"error":{"message":"Incorrect API key provided: ` + key + ` (Authorization: Bearer ` + key + `)","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}`
	cases := []wiretest.Case{
		{Name: "success", Steps: []wiretest.Step{okStream}, Text: "Hello!", Usage: usage, Finish: "stop", Hits: 1},
		{Name: "401 echoing the key", Steps: []wiretest.Step{wiretest.Status(401, echoKey)},
			Kind: providers.KindAuth, Status: 401, Hint: "check OPENAI_API_KEY", Hits: 1},
		{Name: "404 model", Steps: []wiretest.Step{wiretest.Status(404, `{"error":{"message":"The model `+"`gpt-x`"+` does not exist or you do not have access to it.","type":"invalid_request_error","param":null,"code":"model_not_found"}}`)},
			Kind: providers.KindNotFound, Status: 404, Hint: "dataeng-os models --provider openai", Hits: 1},
		{Name: "429 Retry-After then success", Steps: []wiretest.Step{wiretest.Status(429, `{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}`, "Retry-After", "3"), okStream},
			Text: "Hello!", Usage: usage, Hits: 2, Waits: []time.Duration{3 * time.Second}},
		{Name: "429 quota is permanent", Steps: []wiretest.Step{wiretest.Status(429, `{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","code":"insufficient_quota"}}`)},
			Kind: providers.KindRateLimit, Hint: "billing", Hits: 1},
		{Name: "500 then success", Steps: []wiretest.Step{wiretest.Status(500, `{"error":{"message":"The server had an error","type":"server_error"}}`), okStream},
			Text: "Hello!", Usage: usage, Hits: 2, Waits: []time.Duration{time.Second}},
		{Name: "503 four times", Steps: []wiretest.Step{wiretest.Status(503, `upstream unavailable`)},
			Kind: providers.KindServer, Status: 503, Hits: 4, Waits: []time.Duration{time.Second, 2 * time.Second, 4 * time.Second}},
		{Name: "cut mid-stream", Steps: []wiretest.Step{wiretest.Then(wiretest.Write(sse, roleChunk, chunk("Hel", "")), wiretest.Cut())},
			Kind: providers.KindNetwork, Interrupted: true, Partial: "Hel", Hits: 1},
		{Name: "cut before any text is retried", Steps: []wiretest.Step{wiretest.Then(wiretest.Write(sse, roleChunk), wiretest.Cut()), okStream},
			Text: "Hello!", Usage: usage, Hits: 2, Waits: []time.Duration{time.Second}},
		{Name: "clean end without finish", Steps: []wiretest.Step{wiretest.Write(sse, chunk("Hel", ""))},
			Kind: providers.KindNetwork, Interrupted: true, Partial: "Hel", Hits: 1},
		{Name: "malformed chunk", Steps: []wiretest.Step{wiretest.Write(sse, chunk("Hel", ""), "data: {\"id\":\"x\",\"choices\":[{\n\n", done)},
			Kind: providers.KindBadResponse, Interrupted: true, Partial: "Hel", Hits: 1},
		{Name: "in-stream error event", Steps: []wiretest.Step{wiretest.Write(sse, chunk("Hel", ""), `data: {"error":{"message":"The server is overloaded","type":"server_error","param":null,"code":null}}`+"\n\n")},
			Kind: providers.KindServer, Hint: "overloaded", Interrupted: true, Partial: "Hel", Hits: 1},
		{Name: "in-stream error before text is retried", Steps: []wiretest.Step{wiretest.Write(sse, `data: {"error":{"message":"overloaded","type":"server_error"}}`+"\n\n"), okStream},
			Text: "Hello!", Usage: usage, Hits: 2, Waits: []time.Duration{time.Second}},
		{Name: "stalled stream", Steps: []wiretest.Step{wiretest.Then(wiretest.Write(sse, roleChunk, chunk("Hel", "")), wiretest.Stall())}, Idle: 50 * time.Millisecond,
			Kind: providers.KindTimeout, Hint: "stream stalled", Interrupted: true, Partial: "Hel", Hits: 1},
		{Name: "slow first byte within limit", Steps: []wiretest.Step{wiretest.Then(wiretest.Delay(100*time.Millisecond), okStream)},
			Text: "Hello!", Usage: usage, Hits: 1},
		{Name: "first byte too slow", Steps: []wiretest.Step{wiretest.Stall()}, FirstByte: 50 * time.Millisecond,
			Kind: providers.KindTimeout, Hint: "no answer started", Hits: 1},
	}
	wiretest.RunMatrix(t, key, build, cases)
}

func TestRequestBody(t *testing.T) {
	t.Parallel()
	srv := wiretest.New(t, okStream)
	temp, seed := 0.0, 42
	schema := json.RawMessage(`{"type":"object","properties":{"apiVersion":{"type":"string"}},"required":["apiVersion"]}`)
	c := New(WithBaseURL(srv.URL+"/v1"), WithAPIKey(key), WithModel("llama-3"))
	_, err := c.Stream(context.Background(), providers.Request{System: "be brief", Temperature: &temp, Seed: &seed, MaxTokens: 99,
		JSONSchema: schema, SchemaName: "odcs", Messages: []providers.Message{{Role: providers.RoleUser, Content: "hi"}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := srv.Path(0); got != "/v1/chat/completions" {
		t.Fatalf("path = %s", got)
	}
	if got := srv.Header(0).Get("Authorization"); got != "Bearer "+key {
		t.Fatalf("authorization header = %q", got)
	}
	var body struct {
		Model         string  `json:"model"`
		Stream        bool    `json:"stream"`
		Temperature   float64 `json:"temperature"`
		Seed          int     `json:"seed"`
		MaxTokens     int     `json:"max_tokens"`
		StreamOptions struct {
			IncludeUsage bool `json:"include_usage"`
		} `json:"stream_options"`
		ResponseFormat struct {
			Type       string `json:"type"`
			JSONSchema struct {
				Name   string          `json:"name"`
				Strict *bool           `json:"strict"`
				Schema json.RawMessage `json:"schema"`
			} `json:"json_schema"`
		} `json:"response_format"`
		Messages []struct{ Role, Content string } `json:"messages"`
	}
	raw := srv.Body(0)
	if err := json.Unmarshal(raw, &body); err != nil {
		t.Fatal(err)
	}
	if body.Model != "llama-3" || !body.Stream || !body.StreamOptions.IncludeUsage || body.Seed != 42 || body.MaxTokens != 99 || !strings.Contains(string(raw), `"temperature"`) {
		t.Fatalf("body = %s", raw)
	}
	rf := body.ResponseFormat
	if rf.Type != "json_schema" || rf.JSONSchema.Name != "odcs" || rf.JSONSchema.Strict == nil || *rf.JSONSchema.Strict || string(rf.JSONSchema.Schema) != string(schema) {
		t.Fatalf("response_format = %+v", rf)
	}
	if len(body.Messages) != 2 || body.Messages[0].Role != "system" || body.Messages[1].Content != "hi" {
		t.Fatalf("messages = %+v", body.Messages)
	}
}

func TestModels(t *testing.T) {
	t.Parallel()
	srv := wiretest.New(t, wiretest.Status(200, `{"object":"list","data":[{"id":"gpt-4o-mini","object":"model","created":1,"owned_by":"openai"},{"id":"gpt-4.1","object":"model","created":2,"owned_by":"openai"}]}`))
	ms, err := New(WithBaseURL(srv.URL+"/v1"), WithAPIKey(key)).Models(context.Background())
	if err != nil || len(ms) != 2 || ms[0].ID != "gpt-4.1" || srv.Path(0) != "/v1/models" {
		t.Fatalf("models = %v %v (path %s)", ms, err, srv.Path(0))
	}
	srv = wiretest.New(t, wiretest.Status(401, `{"error":{"message":"bad key `+key+`","type":"invalid_request_error"}}`))
	_, err = New(WithBaseURL(srv.URL+"/v1"), WithAPIKey(key)).Models(context.Background())
	if providers.KindOf(err) != providers.KindAuth || strings.Contains(err.Error(), key) {
		t.Fatalf("err = %v", err)
	}
}

func TestCancelWithin(t *testing.T) {
	t.Parallel()
	srv := wiretest.New(t, wiretest.Then(wiretest.Write(sse, chunk("Hel", "")), wiretest.Stall()))
	wiretest.CancelWithin(t, resilient.Wrap(build(srv.URL)))
	// The bare adapter stops too: the HTTP body read aborts on cancel.
	wiretest.CancelWithin(t, build(srv.URL))
}

func TestUnreachable(t *testing.T) {
	t.Parallel()
	srv := wiretest.New(t, okStream)
	base := srv.URL
	srv.Close()
	_, err := New(WithBaseURL(base+"/v1"), WithAPIKey(key)).Stream(context.Background(), providers.Request{}, nil)
	if providers.KindOf(err) != providers.KindUnreachable || !strings.Contains(err.Error(), "running?") {
		t.Fatalf("err = %v", err)
	}
}

func TestWrongBaseURLHint(t *testing.T) {
	t.Parallel()
	srv := wiretest.New(t, wiretest.Status(404, `404 page not found`))
	_, err := New(WithBaseURL(srv.URL), WithAPIKey(key)).Stream(context.Background(), providers.Request{}, nil)
	if providers.KindOf(err) != providers.KindNotFound || !strings.Contains(err.Error(), "check base_url") {
		t.Fatalf("err = %v", err)
	}
}
