package openai

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/providers/internal/wiretest"
)

// completion is a non-streaming chat.completion body as OpenAI sends it.
func completion(content, finish string) string {
	c, _ := json.Marshal(content)
	return `{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini-2024-07-18",` +
		`"choices":[{"index":0,"message":{"role":"assistant","content":` + string(c) + `,"refusal":null},"logprobs":null,"finish_reason":"` + finish + `"}],` +
		`"usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15},"system_fingerprint":"fp_1"}`
}

var okCompletion = wiretest.Status(200, completion("Hello!", "stop"))

func buildNonStream(base string) providers.Provider {
	return New(WithBaseURL(base+"/v1"), WithAPIKey(key), WithModel("gpt-4o-mini"), WithStreaming(false))
}

func TestNonStreamFaultMatrix(t *testing.T) {
	t.Parallel()
	usage := providers.Usage{InputTokens: 12, OutputTokens: 3}
	echoKey := `{"error":{"message":"Incorrect API key provided: ` + key + `","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}`
	cases := []wiretest.Case{
		{Name: "success", Steps: []wiretest.Step{okCompletion}, Text: "Hello!", Usage: usage, Finish: "stop", Hits: 1},
		{Name: "length", Steps: []wiretest.Step{wiretest.Status(200, completion("Hel", "length"))}, Text: "Hel", Usage: usage, Finish: "length", Hits: 1},
		{Name: "401 echoing the key", Steps: []wiretest.Step{wiretest.Status(401, echoKey)},
			Kind: providers.KindAuth, Status: 401, Hint: "check OPENAI_API_KEY", Hits: 1},
		{Name: "404 model", Steps: []wiretest.Step{wiretest.Status(404, `{"error":{"message":"The model `+"`gpt-x`"+` does not exist","type":"invalid_request_error","code":"model_not_found"}}`)},
			Kind: providers.KindNotFound, Status: 404, Hint: "dataeng-os models --provider openai", Hits: 1},
		{Name: "429 Retry-After then success", Steps: []wiretest.Step{wiretest.Status(429, `{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}`, "Retry-After", "3"), okCompletion},
			Text: "Hello!", Usage: usage, Hits: 2, Waits: []time.Duration{3 * time.Second}},
		{Name: "500 then success", Steps: []wiretest.Step{wiretest.Status(500, `{"error":{"message":"The server had an error","type":"server_error"}}`), okCompletion},
			Text: "Hello!", Usage: usage, Hits: 2, Waits: []time.Duration{time.Second}},
		{Name: "503 four times", Steps: []wiretest.Step{wiretest.Status(503, `upstream unavailable`)},
			Kind: providers.KindServer, Status: 503, Hits: 4, Waits: []time.Duration{time.Second, 2 * time.Second, 4 * time.Second}},
		{Name: "malformed body", Steps: []wiretest.Step{wiretest.Status(200, `{"id":"chatcmpl-1","choices":[{"message":`)},
			Kind: providers.KindBadResponse, Hint: "malformed response body", Hits: 1},
		{Name: "html instead of json", Steps: []wiretest.Step{wiretest.Status(200, `<html>proxy login</html>`)},
			Kind: providers.KindBadResponse, Hint: "malformed response body", Hits: 1},
		{Name: "empty body", Steps: []wiretest.Step{wiretest.Status(200, ``)},
			Kind: providers.KindBadResponse, Hint: "malformed response body", Hits: 1},
		{Name: "no choices", Steps: []wiretest.Step{wiretest.Status(200, `{"id":"chatcmpl-1","object":"chat.completion","choices":[]}`)},
			Kind: providers.KindBadResponse, Hint: "no choices", Hits: 1},
		{Name: "body cut then success", Steps: []wiretest.Step{wiretest.Then(wiretest.Write("application/json", `{"id":"chatcmpl-1","choices":[`), wiretest.Cut()), okCompletion},
			Text: "Hello!", Usage: usage, Hits: 2, Waits: []time.Duration{time.Second}},
		{Name: "answer too slow", Steps: []wiretest.Step{wiretest.Stall()}, FirstByte: 50 * time.Millisecond,
			Kind: providers.KindTimeout, Hint: "no answer started", Hits: 1},
	}
	wiretest.RunMatrix(t, key, buildNonStream, cases)
}

// TestNonStreamParts checks the bare adapter: one text part with the whole
// answer, then usage, then finish; the model the server named.
func TestNonStreamParts(t *testing.T) {
	t.Parallel()
	srv := wiretest.New(t, wiretest.Status(200, completion("Hello, world!", "length")))
	c := New(WithBaseURL(srv.URL+"/v1"), WithAPIKey(key), WithStreaming(false))
	var parts []providers.Part
	resp, err := c.Stream(context.Background(), providers.Request{Messages: []providers.Message{{Role: providers.RoleUser, Content: "hi"}}},
		func(p providers.Part) { parts = append(parts, p) })
	if err != nil {
		t.Fatal(err)
	}
	want := []providers.Part{{Kind: providers.PartText, Text: "Hello, world!"},
		{Kind: providers.PartUsage, Usage: providers.Usage{InputTokens: 12, OutputTokens: 3}},
		{Kind: providers.PartFinish, FinishReason: "length"}}
	if len(parts) != len(want) {
		t.Fatalf("parts = %+v, want %+v", parts, want)
	}
	for i := range want {
		if parts[i] != want[i] {
			t.Errorf("part %d = %+v, want %+v", i, parts[i], want[i])
		}
	}
	if resp.Text != "Hello, world!" || resp.FinishReason != "length" || resp.Model != "gpt-4o-mini-2024-07-18" || resp.Usage.Total() != 15 {
		t.Errorf("resp = %+v", resp)
	}
	if c.Capabilities().Streaming || !New().Capabilities().Streaming || !New(WithStreaming(true)).Capabilities().Streaming {
		t.Error("Capabilities().Streaming must follow WithStreaming")
	}
}

// TestNonStreamRateLimit checks the bare adapter's typed 429: status,
// Retry-After and hint, and no key in the message.
func TestNonStreamRateLimit(t *testing.T) {
	t.Parallel()
	srv := wiretest.New(t, wiretest.Status(429, `{"error":{"message":"Rate limit reached for `+key+`","type":"requests","code":"rate_limit_exceeded"}}`, "Retry-After", "7"))
	_, err := buildNonStream(srv.URL).Stream(context.Background(), providers.Request{}, nil)
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Kind != providers.KindRateLimit || pe.Status != 429 || pe.RetryAfter != 7*time.Second {
		t.Fatalf("err = %v (%+v)", err, pe)
	}
	if !strings.Contains(err.Error(), "requests_per_minute") || strings.Contains(err.Error(), key) {
		t.Errorf("err = %v", err)
	}
}

// TestNonStreamRequestBody checks that both modes send the same request,
// except that the non-streaming one asks for no stream.
func TestNonStreamRequestBody(t *testing.T) {
	t.Parallel()
	temp, seed := 0.0, 42
	schema := json.RawMessage(`{"type":"object","properties":{"apiVersion":{"type":"string"}},"required":["apiVersion"]}`)
	req := providers.Request{System: "be brief", Temperature: &temp, Seed: &seed, MaxTokens: 99,
		JSONSchema: schema, SchemaName: "odcs", Messages: []providers.Message{{Role: providers.RoleUser, Content: "hi"}}}
	bodies := map[bool]map[string]json.RawMessage{}
	for _, stream := range []bool{true, false} {
		srv := wiretest.New(t, okStream)
		if !stream {
			srv = wiretest.New(t, okCompletion)
		}
		c := New(WithBaseURL(srv.URL+"/v1"), WithAPIKey(key), WithModel("llama-3"), WithStreaming(stream))
		if _, err := c.Stream(context.Background(), req, nil); err != nil {
			t.Fatalf("stream=%v: %v", stream, err)
		}
		if srv.Path(0) != "/v1/chat/completions" || srv.Header(0).Get("Authorization") != "Bearer "+key {
			t.Fatalf("stream=%v: path %s", stream, srv.Path(0))
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(srv.Body(0), &m); err != nil {
			t.Fatal(err)
		}
		bodies[stream] = m
	}
	ns := bodies[false]
	if _, ok := ns["stream_options"]; ok || (ns["stream"] != nil && string(ns["stream"]) != "false") {
		t.Errorf("non-streaming body asks for a stream: %s %s", ns["stream"], ns["stream_options"])
	}
	for _, k := range []string{"model", "messages", "temperature", "seed", "max_tokens", "response_format"} {
		if ns[k] == nil || string(ns[k]) != string(bodies[true][k]) {
			t.Errorf("%s: non-streaming %s, streaming %s", k, ns[k], bodies[true][k])
		}
	}
	if !strings.Contains(string(ns["response_format"]), `"json_schema"`) {
		t.Errorf("response_format = %s", ns["response_format"])
	}
}

// TestNonStreamCancel checks that cancelling a pending completion returns
// promptly with a canceled error.
func TestNonStreamCancel(t *testing.T) {
	t.Parallel()
	srv := wiretest.New(t, wiretest.Stall())
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	done := make(chan error, 1)
	go func() {
		_, err := buildNonStream(srv.URL).Stream(ctx, providers.Request{}, nil)
		done <- err
	}()
	select {
	case err := <-done:
		if providers.KindOf(err) != providers.KindCanceled {
			t.Fatalf("err = %v, want canceled", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Stream still running 2 s after cancel")
	}
}
