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
	rec := streamAll(t, p, providers.Request{Model: "no-such-model",
		Messages: []providers.Message{{Role: providers.RoleUser, Content: "hi"}}})
	if k := providers.KindOf(rec.err); k != providers.KindNotFound {
		t.Fatalf("missing model: kind %v (%v), want not_found", k, rec.err)
	}
	t.Logf("missing model via /v1: %v", rec.err)
	if !strings.Contains(rec.err.Error(), "no-such-model") {
		t.Errorf("error %q does not name the model", rec.err)
	}
}
