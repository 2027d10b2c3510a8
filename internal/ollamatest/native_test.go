package ollamatest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/providers"
	"github.com/dataeng-os/dataeng-os/providers/ollama"
)

// newNative is the native adapter as the CLI builds it from a profile.
func newNative(srv *Server, model string, numCtx int) *ollama.Client {
	return ollama.New(ollama.WithBaseURL(srv.Host), ollama.WithModel(model), ollama.WithNumCtx(numCtx))
}

// Each model keeps one num_ctx across tests: a new num_ctx reloads it.
const (
	tinyCtx = 2048
	smolCtx = 4096
)

func hello(maxTokens int) providers.Request {
	return providers.Request{Messages: []providers.Message{{Role: providers.RoleUser, Content: "hello"}},
		MaxTokens: maxTokens, Temperature: ptr(0.0), Seed: ptr(1)}
}

func TestNativeStreamTiny(t *testing.T) {
	srv, model := needTiny(t)
	dumpLogOnFailure(t, srv)
	rec := streamAll(t, newNative(srv, model, tinyCtx), hello(24))
	checkStreamShape(t, rec, 2)
	// The random model never picks EOS: num_predict must be what ended it.
	if rec.resp.FinishReason != "length" || rec.resp.Usage.OutputTokens != 24 {
		t.Errorf("finish %q after %d tokens, want length after 24 (num_predict passed)", rec.resp.FinishReason, rec.resp.Usage.OutputTokens)
	}
}

func TestNativeFormatTiny(t *testing.T) {
	srv, model := needTiny(t)
	dumpLogOnFailure(t, srv)
	req := hello(400)
	req.JSONSchema = []byte(pickSchema)
	rec := streamAll(t, newNative(srv, model, tinyCtx), req)
	checkStreamShape(t, rec, 2)
	// Random weights, so only the grammar can make this parse.
	checkMatchesSchema(t, pickSchema, rec.resp.Text)
	if rec.resp.FinishReason != "stop" {
		t.Errorf("finish %q: the grammar should end the answer before num_predict", rec.resp.FinishReason)
	}
}

func TestNativeSmolLM2(t *testing.T) {
	srv, model := needSmol(t)
	dumpLogOnFailure(t, srv)
	p := newNative(srv, model, smolCtx)
	t.Run("stream", func(t *testing.T) {
		rec := streamAll(t, p, providers.Request{
			System:    "You are a data engineer. Answer in one sentence.",
			Messages:  []providers.Message{{Role: providers.RoleUser, Content: "What is a primary key?"}},
			MaxTokens: 48, Temperature: ptr(0.0), Seed: ptr(7),
		})
		checkStreamShape(t, rec, 3)
		t.Logf("smollm2 native: %d+%d tokens in %s (%.1f tok/s overall), finish %s: %q",
			rec.resp.Usage.InputTokens, rec.resp.Usage.OutputTokens, rec.elapsed.Round(time.Millisecond),
			float64(rec.resp.Usage.OutputTokens)/rec.elapsed.Seconds(), rec.resp.FinishReason, rec.resp.Text)
	})
	t.Run("format schema", func(t *testing.T) {
		rec := streamAll(t, p, providers.Request{
			Messages:   []providers.Message{{Role: providers.RoleUser, Content: pickPrompt}},
			JSONSchema: []byte(pickSchema), MaxTokens: 200, Temperature: ptr(0.0), Seed: ptr(7),
		})
		checkStreamShape(t, rec, 3)
		checkMatchesSchema(t, pickSchema, rec.resp.Text)
		t.Logf("smollm2 native with format: %d tokens in %s: %s", rec.resp.Usage.OutputTokens, rec.elapsed.Round(time.Millisecond), rec.resp.Text)
	})
	t.Run("num_ctx", func(t *testing.T) {
		// Only smollm2 runs with smolCtx; the runner's command line shows it.
		if countLines(srv.Log(), "starting llama server", fmt.Sprintf("--ctx-size %d ", smolCtx)) == 0 {
			t.Errorf("no runner started with --ctx-size %d: num_ctx not passed", smolCtx)
		}
	})
}

// TestNativeNumCtx proves num_ctx reaches the engine: Ollama starts its
// runner with --ctx-size num_ctx × OLLAMA_NUM_PARALLEL (1 here).
func TestNativeNumCtx(t *testing.T) {
	srv, model := needTiny(t)
	dumpLogOnFailure(t, srv)
	const numCtx = 3072
	want := fmt.Sprintf("--ctx-size %d ", numCtx)
	if n := countLines(srv.Log(), "starting llama server", want); n != 0 {
		t.Fatalf("log already has %d runners with %s", n, want)
	}
	p := newNative(srv, model, numCtx)
	if got := p.Capabilities().ContextTokens; got != numCtx {
		t.Errorf("capabilities report %d context tokens, want %d", got, numCtx)
	}
	checkStreamShape(t, streamAll(t, p, hello(4)), 1)
	if n := countLines(srv.Log(), "starting llama server", want); n != 1 {
		t.Errorf("%d runners started with %q, want 1", n, strings.TrimSpace(want))
	}
}

func TestNativeModelsAndVersion(t *testing.T) {
	srv, model := needTiny(t)
	p := newNative(srv, model, tinyCtx)
	ms, err := p.Models(context.Background())
	if err != nil {
		t.Fatalf("models: %v", err)
	}
	var raw struct{ Models []struct{ Name string } }
	if err := srv.getJSON(context.Background(), "/api/tags", &raw); err != nil {
		t.Fatal(err)
	}
	var ids, tags []string
	for _, m := range ms {
		ids = append(ids, m.ID)
		if m.Size <= 0 {
			t.Errorf("model %s has size %d", m.ID, m.Size)
		}
	}
	for _, m := range raw.Models {
		tags = append(tags, m.Name)
	}
	slices.Sort(tags)
	if !slices.Contains(ids, "tiny:latest") || !slices.Equal(ids, tags) {
		t.Errorf("Models() = %v, /api/tags = %v; want the same list with tiny:latest", ids, tags)
	}
	v, err := p.Version(context.Background())
	if err != nil || v != "0.6.5" {
		t.Errorf("version %q, %v; want 0.6.5", v, err)
	}
}

func TestNativeMissingModel(t *testing.T) {
	srv, _ := needTiny(t)
	rec := streamAll(t, newNative(srv, "no-such-model", tinyCtx), hello(4))
	var pe *providers.Error
	if !errors.As(rec.err, &pe) || pe.Kind != providers.KindNotFound || pe.Status != 404 {
		t.Fatalf("missing model: %v, want a 404 not_found *providers.Error", rec.err)
	}
	if msg := rec.err.Error(); !strings.Contains(msg, "run: ollama pull no-such-model") || strings.Contains(msg, "\n") {
		t.Errorf("error %q: want one line with the pull hint", msg)
	}
	if len(rec.parts) != 1 || rec.parts[0].Kind != providers.PartError {
		t.Errorf("parts %+v: want a single error part", rec.parts)
	}
	t.Logf("missing model: %v", rec.err)
}

// TestSmolModelfileBounds: the registered model carries the num_predict
// bound; without it a rambling small model never ends (see SmolLM2).
func TestSmolModelfileBounds(t *testing.T) {
	srv, model := needSmol(t)
	var show struct{ Parameters string }
	if err := postJSON(srv.URL+"/api/show", map[string]any{"model": model}, &show); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"num_predict", "seed", "<|im_end|>"} {
		if !strings.Contains(show.Parameters, want) {
			t.Errorf("parameters %q lack %s", show.Parameters, want)
		}
	}
}
