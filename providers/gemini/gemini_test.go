package gemini

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/providers/internal/wiretest"
	"github.com/dataeng-os/dataeng-os/providers/resilient"
)

const key = "AIzaSyTEST-0123456789abcdefghijSECRETxyz"

const sse = "text/event-stream"

func event(text, finish string, usage bool) string {
	t, _ := json.Marshal(text)
	s := fmt.Sprintf(`data: {"candidates": [{"content": {"parts": [{"text": %s}],"role": "model"}`, t)
	if finish != "" {
		s += `,"finishReason": "` + finish + `"`
	}
	s += `,"index": 0}]`
	if usage {
		s += `,"usageMetadata": {"promptTokenCount": 21,"candidatesTokenCount": 4,"totalTokenCount": 25,"promptTokensDetails": [{"modality": "TEXT","tokenCount": 21}]}`
	}
	return s + `,"modelVersion": "gemini-2.5-flash","responseId": "abc123"}` + "\r\n\r\n"
}

var okStream = wiretest.Write(sse, event("Hel", "", false), event("lo", "", false), event("!", "STOP", true))

func build(base string) providers.Provider {
	return New(WithBaseURL(base), WithAPIKey(key), WithModel("gemini-2.5-flash"))
}

func apiError(code int, status, msg, details string) string {
	return fmt.Sprintf(`{"error": {"code": %d, "message": %q, "status": %q, "details": [%s]}}`, code, msg, status, details)
}

func TestFaultMatrix(t *testing.T) {
	t.Parallel()
	usage := providers.Usage{InputTokens: 21, OutputTokens: 4}
	badKey := apiError(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key. key="+key,
		`{"@type": "type.googleapis.com/google.rpc.ErrorInfo","reason": "API_KEY_INVALID","domain": "googleapis.com"}`)
	quota := apiError(429, "RESOURCE_EXHAUSTED", "You exceeded your current quota.",
		`{"@type": "type.googleapis.com/google.rpc.RetryInfo","retryDelay": "37s"}`)
	cases := []wiretest.Case{
		{Name: "success", Steps: []wiretest.Step{okStream}, Text: "Hello!", Usage: usage, Finish: "stop", Hits: 1},
		{Name: "400 invalid key echoing it", Steps: []wiretest.Step{wiretest.Status(400, badKey)},
			Kind: providers.KindAuth, Status: 400, Hint: "check GEMINI_API_KEY", Hits: 1},
		{Name: "401", Steps: []wiretest.Step{wiretest.Status(401, apiError(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.", ""))},
			Kind: providers.KindAuth, Status: 401, Hits: 1},
		{Name: "404 model", Steps: []wiretest.Step{wiretest.Status(404, apiError(404, "NOT_FOUND", "models/gemini-x is not found for API version v1beta, or is not supported for generateContent.", ""))},
			Kind: providers.KindNotFound, Status: 404, Hint: "dataeng-os models --provider gemini", Hits: 1},
		{Name: "429 RetryInfo then success", Steps: []wiretest.Step{wiretest.Status(429, quota), okStream},
			Text: "Hello!", Usage: usage, Hits: 2, Waits: []time.Duration{37 * time.Second}},
		{Name: "429 Retry-After header then success", Steps: []wiretest.Step{wiretest.Status(429, apiError(429, "RESOURCE_EXHAUSTED", "slow down", ""), "Retry-After", "4"), okStream},
			Text: "Hello!", Usage: usage, Hits: 2, Waits: []time.Duration{4 * time.Second}},
		{Name: "500 then success", Steps: []wiretest.Step{wiretest.Status(500, apiError(500, "INTERNAL", "An internal error has occurred.", "")), okStream},
			Text: "Hello!", Usage: usage, Hits: 2, Waits: []time.Duration{time.Second}},
		{Name: "cut mid-stream", Steps: []wiretest.Step{wiretest.Then(wiretest.Write(sse, event("Hel", "", false)), wiretest.Cut())},
			Kind: providers.KindNetwork, Interrupted: true, Partial: "Hel", Hits: 1},
		{Name: "clean end without finish", Steps: []wiretest.Step{wiretest.Write(sse, event("Hel", "", false))},
			Kind: providers.KindNetwork, Interrupted: true, Partial: "Hel", Hits: 1},
		{Name: "malformed chunk", Steps: []wiretest.Step{wiretest.Write(sse, event("Hel", "", false), `data: {"candidates": [{"content": `+"\r\n\r\n")},
			Kind: providers.KindBadResponse, Interrupted: true, Partial: "Hel", Hits: 1},
		{Name: "in-stream error", Steps: []wiretest.Step{wiretest.Write(sse, event("Hel", "", false), `data: {"error": {"code": 503, "message": "The model is overloaded. Please try again later.", "status": "UNAVAILABLE"}}`+"\r\n\r\n")},
			Kind: providers.KindServer, Hint: "overloaded", Interrupted: true, Partial: "Hel", Hits: 1},
		{Name: "stalled stream", Steps: []wiretest.Step{wiretest.Then(wiretest.Write(sse, event("Hel", "", false)), wiretest.Stall())}, Idle: 50 * time.Millisecond,
			Kind: providers.KindTimeout, Interrupted: true, Partial: "Hel", Hits: 1},
		{Name: "slow first byte within limit", Steps: []wiretest.Step{wiretest.Then(wiretest.Delay(100*time.Millisecond), okStream)},
			Text: "Hello!", Usage: usage, Hits: 1},
		{Name: "first byte too slow", Steps: []wiretest.Step{wiretest.Stall()}, FirstByte: 50 * time.Millisecond,
			Kind: providers.KindTimeout, Hits: 1},
	}
	wiretest.RunMatrix(t, key, build, cases)
}

func TestRequestBody(t *testing.T) {
	t.Parallel()
	srv := wiretest.New(t, okStream)
	temp, seed := 0.0, 3
	schema := json.RawMessage(`{"type":"object","properties":{"kind":{"const":"DataContract"}}}`)
	_, err := build(srv.URL).Stream(context.Background(), providers.Request{System: "be brief", Temperature: &temp, Seed: &seed, MaxTokens: 256, JSONSchema: schema,
		Messages: []providers.Message{{Role: providers.RoleUser, Content: "hi"}, {Role: providers.RoleAssistant, Content: "yes?"}, {Role: providers.RoleUser, Content: "draft"}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := srv.Path(0); got != "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse" {
		t.Fatalf("path = %s", got)
	}
	if srv.Header(0).Get("x-goog-api-key") != key {
		t.Fatal("key header missing")
	}
	var body struct {
		Contents []struct {
			Role  string
			Parts []struct{ Text string }
		}
		SystemInstruction struct{ Parts []struct{ Text string } }
		GenerationConfig  struct {
			Temperature        *float64
			Seed               int
			MaxOutputTokens    int
			ResponseMimeType   string
			ResponseJsonSchema json.RawMessage
		}
	}
	if err := json.Unmarshal(srv.Body(0), &body); err != nil {
		t.Fatal(err)
	}
	g := body.GenerationConfig
	if g.Temperature == nil || *g.Temperature != 0 || g.Seed != 3 || g.MaxOutputTokens != 256 || g.ResponseMimeType != "application/json" || !sameJSON(g.ResponseJsonSchema, schema) {
		t.Fatalf("generationConfig = %s", srv.Body(0))
	}
	if len(body.Contents) != 3 || body.Contents[1].Role != "model" || body.SystemInstruction.Parts[0].Text != "be brief" {
		t.Fatalf("contents = %s", srv.Body(0))
	}
}

func TestModelsPages(t *testing.T) {
	t.Parallel()
	srv := wiretest.New(t,
		wiretest.Status(200, `{"models": [{"name": "models/gemini-2.5-flash","displayName": "Gemini 2.5 Flash","inputTokenLimit": 1048576,"supportedGenerationMethods": ["generateContent"]}],"nextPageToken": "p2"}`),
		wiretest.Status(200, `{"models": [{"name": "models/gemini-2.5-pro"}]}`))
	ms, err := build(srv.URL).Models(context.Background())
	if err != nil || len(ms) != 2 || ms[0].ID != "gemini-2.5-flash" || ms[1].ID != "gemini-2.5-pro" {
		t.Fatalf("models = %+v %v", ms, err)
	}
	if !strings.HasPrefix(srv.Path(0), "/v1beta/models?") || !strings.Contains(srv.Path(1), "pageToken=p2") {
		t.Fatalf("paths = %s %s", srv.Path(0), srv.Path(1))
	}
}

func TestMissingKey(t *testing.T) {
	t.Parallel()
	c := New(WithAPIKeyEnv("GOOGLE_API_KEY"))
	_, err := c.Stream(context.Background(), providers.Request{}, nil)
	if providers.KindOf(err) != providers.KindAuth || !strings.Contains(err.Error(), "set GOOGLE_API_KEY") || c.Err() == nil {
		t.Fatalf("err = %v", err)
	}
	key, name := KeyFromEnv(func(k string) string {
		if k == "GOOGLE_API_KEY" {
			return "g"
		}
		return ""
	})
	if key != "g" || name != "GOOGLE_API_KEY" {
		t.Fatalf("KeyFromEnv = %q %q", key, name)
	}
}

func TestCancelWithin(t *testing.T) {
	t.Parallel()
	srv := wiretest.New(t, wiretest.Then(wiretest.Write(sse, event("Hel", "", false)), wiretest.Stall()))
	wiretest.CancelWithin(t, resilient.Wrap(build(srv.URL)))
	wiretest.CancelWithin(t, build(srv.URL))
}

func sameJSON(a, b []byte) bool {
	var x, y any
	return json.Unmarshal(a, &x) == nil && json.Unmarshal(b, &y) == nil && reflect.DeepEqual(x, y)
}
