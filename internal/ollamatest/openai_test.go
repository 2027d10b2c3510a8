package ollamatest

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/providers/openai"
)

// newOpenAICompat is the OpenAI adapter pointed at Ollama's /v1, the way a
// user configures any OpenAI-compatible server (Ollama ignores the key).
func newOpenAICompat(srv *Server, model string) *openai.Client {
	return openai.New(openai.WithBaseURL(srv.URL+"/v1"), openai.WithModel(model), openai.WithAPIKey("ollama"))
}

func TestOpenAICompatStreamTiny(t *testing.T) {
	srv, model := needTiny(t)
	dumpLogOnFailure(t, srv)
	p := newOpenAICompat(srv, model)
	rec := streamAll(t, p, providers.Request{
		Messages:  []providers.Message{{Role: providers.RoleUser, Content: "hello"}},
		MaxTokens: 24, Temperature: ptr(0.0), Seed: ptr(1),
	})
	checkStreamShape(t, rec, 2)
	// The random model never picks EOS: max_tokens must be what ended it.
	if rec.resp.FinishReason != "length" || rec.resp.Usage.OutputTokens != 24 {
		t.Errorf("finish %q after %d tokens, want length after 24 (max_tokens passed)", rec.resp.FinishReason, rec.resp.Usage.OutputTokens)
	}
}

// newOpenAICompatNonStream is the same adapter with streaming off: one
// plain chat.completion per call.
func newOpenAICompatNonStream(srv *Server, model string) *openai.Client {
	return openai.New(openai.WithBaseURL(srv.URL+"/v1"), openai.WithModel(model), openai.WithAPIKey("ollama"),
		openai.WithStreaming(false))
}

// checkOneShotShape asserts what a non-streaming call delivers: exactly one
// text part holding the whole non-empty answer, then usage, then finish;
// token counts from the engine and a finish reason.
func checkOneShotShape(t *testing.T, rec streamRecord) {
	t.Helper()
	if rec.err != nil {
		t.Fatalf("completion: %v", rec.err)
	}
	kinds := make([]providers.PartKind, len(rec.parts))
	for i, p := range rec.parts {
		kinds[i] = p.Kind
	}
	want := []providers.PartKind{providers.PartText, providers.PartUsage, providers.PartFinish}
	if !slices.Equal(kinds, want) {
		t.Fatalf("part kinds %v, want %v (one text part, usage, finish)", kinds, want)
	}
	if rec.resp.Text == "" || rec.parts[0].Text != rec.resp.Text {
		t.Errorf("text part %q, response text %q: want the same non-empty answer", rec.parts[0].Text, rec.resp.Text)
	}
	if u := rec.resp.Usage; u.InputTokens <= 0 || u.OutputTokens <= 0 || rec.parts[1].Usage != u {
		t.Errorf("usage %+v (part %+v): want input and output tokens > 0", u, rec.parts[1].Usage)
	}
	if f := rec.resp.FinishReason; f == "" || rec.parts[2].FinishReason != f {
		t.Errorf("finish %q (part %q): want a finish reason", f, rec.parts[2].FinishReason)
	}
}

func TestOpenAICompatNonStreamTiny(t *testing.T) {
	srv, model := needTiny(t)
	dumpLogOnFailure(t, srv)
	p := newOpenAICompatNonStream(srv, model)
	if p.Capabilities().Streaming {
		t.Error("capabilities report streaming with streaming off")
	}
	t.Run("text", func(t *testing.T) {
		rec := streamAll(t, p, hello(24))
		checkOneShotShape(t, rec)
		// The random model never picks EOS: max_tokens must be what ended it.
		if rec.resp.FinishReason != "length" || rec.resp.Usage.OutputTokens != 24 {
			t.Errorf("finish %q after %d tokens, want length after 24 (max_tokens passed)", rec.resp.FinishReason, rec.resp.Usage.OutputTokens)
		}
	})
	t.Run("response_format json_schema", func(t *testing.T) {
		req := hello(400)
		req.JSONSchema, req.SchemaName = []byte(pickSchema), "pick"
		rec := streamAll(t, p, req)
		checkOneShotShape(t, rec)
		// Random weights, so only the grammar can make this parse.
		checkMatchesSchema(t, pickSchema, rec.resp.Text)
		if rec.resp.FinishReason != "stop" {
			t.Errorf("finish %q: the grammar should end the answer before max_tokens", rec.resp.FinishReason)
		}
		t.Logf("tiny via /v1 non-streaming with json_schema: %d tokens: %q", rec.resp.Usage.OutputTokens, rec.resp.Text)
	})
}

func TestOpenAICompatSmolLM2(t *testing.T) {
	srv, model := needSmol(t)
	dumpLogOnFailure(t, srv)
	p := newOpenAICompat(srv, model)
	t.Run("stream", func(t *testing.T) {
		rec := streamAll(t, p, providers.Request{
			System:    "You are a data engineer. Answer in one sentence.",
			Messages:  []providers.Message{{Role: providers.RoleUser, Content: "What is a data contract?"}},
			MaxTokens: 48, Temperature: ptr(0.0), Seed: ptr(7),
		})
		checkStreamShape(t, rec, 3)
		t.Logf("smollm2 via /v1: %d+%d tokens in %s, finish %s: %q", rec.resp.Usage.InputTokens,
			rec.resp.Usage.OutputTokens, rec.elapsed.Round(1e6), rec.resp.FinishReason, rec.resp.Text)
	})
	t.Run("response_format json_schema", func(t *testing.T) {
		rec := streamAll(t, p, providers.Request{
			Messages:   []providers.Message{{Role: providers.RoleUser, Content: pickPrompt}},
			JSONSchema: []byte(pickSchema), SchemaName: "pick",
			MaxTokens: 200, Temperature: ptr(0.0), Seed: ptr(7),
		})
		checkStreamShape(t, rec, 3)
		checkMatchesSchema(t, pickSchema, rec.resp.Text)
		t.Logf("smollm2 via /v1 with json_schema: %d tokens in %s: %s", rec.resp.Usage.OutputTokens, rec.elapsed.Round(1e6), rec.resp.Text)
	})
	t.Run("non-streaming json_schema", func(t *testing.T) {
		rec := streamAll(t, newOpenAICompatNonStream(srv, model), providers.Request{
			Messages:   []providers.Message{{Role: providers.RoleUser, Content: pickPrompt}},
			JSONSchema: []byte(pickSchema), SchemaName: "pick",
			MaxTokens: 200, Temperature: ptr(0.0), Seed: ptr(7),
		})
		checkOneShotShape(t, rec)
		checkMatchesSchema(t, pickSchema, rec.resp.Text)
		t.Logf("smollm2 via /v1 non-streaming with json_schema: %d tokens in %s: %s", rec.resp.Usage.OutputTokens, rec.elapsed.Round(1e6), rec.resp.Text)
	})
}

func TestOpenAICompatModelsAndMissingModel(t *testing.T) {
	srv, model := needTiny(t)
	p := newOpenAICompat(srv, model)
	ms, err := p.Models(context.Background())
	if err != nil {
		t.Fatalf("models: %v", err)
	}
	ids := make([]string, 0, len(ms))
	for _, m := range ms {
		ids = append(ids, m.ID)
	}
	if !slices.Contains(ids, "tiny:latest") {
		t.Errorf("/v1/models lists %v, want tiny:latest", ids)
	}
	for _, p := range []*openai.Client{p, newOpenAICompatNonStream(srv, model)} {
		rec := streamAll(t, p, providers.Request{Model: "no-such-model",
			Messages: []providers.Message{{Role: providers.RoleUser, Content: "hi"}}})
		if k := providers.KindOf(rec.err); k != providers.KindNotFound {
			t.Fatalf("missing model (streaming %v): kind %v (%v), want not_found", p.Capabilities().Streaming, k, rec.err)
		}
		t.Logf("missing model via /v1 (streaming %v): %v", p.Capabilities().Streaming, rec.err)
		if !strings.Contains(rec.err.Error(), "no-such-model") {
			t.Errorf("error %q does not name the model", rec.err)
		}
	}
}
