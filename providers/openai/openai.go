// Package openai is the OpenAI chat-completions adapter, built on
// github.com/sashabaranov/go-openai. With a base URL it also drives any
// OpenAI-compatible server: llama.cpp llama-server, vLLM, LM Studio and
// Ollama's /v1.
package openai

import (
	"context"
	"math"
	"net/http"
	"sort"
	"strings"
	"time"

	oai "github.com/sashabaranov/go-openai"

	"github.com/dataeng-os/dataeng-os/providers"
)

// Name is the provider type.
const Name = "openai"

// DefaultBaseURL is OpenAI's API.
const DefaultBaseURL = "https://api.openai.com/v1"

// Client talks to an OpenAI-compatible chat-completions API.
type Client struct {
	api      *oai.Client
	model    string
	key      string
	keyEnv   string
	baseURL  string
	hc       *http.Client
	timeout  time.Duration
	ctxToks  int
	official bool
	noStream bool
}

var _ providers.Provider = (*Client)(nil)

// Option configures a Client.
type Option func(*Client)

// WithBaseURL points the client at another server (".../v1").
func WithBaseURL(u string) Option { return func(c *Client) { c.baseURL = strings.TrimRight(u, "/") } }

// WithHTTPClient sets the HTTP client (default: providers.NewHTTPClient).
func WithHTTPClient(hc *http.Client) Option { return func(c *Client) { c.hc = hc } }

// WithModel sets the default model.
func WithModel(m string) Option { return func(c *Client) { c.model = m } }

// WithAPIKey sets the key; the caller reads it from the environment.
func WithAPIKey(k string) Option { return func(c *Client) { c.key = k } }

// WithAPIKeyEnv names the variable the key came from, for error hints.
func WithAPIKeyEnv(name string) Option { return func(c *Client) { c.keyEnv = name } }

// WithTimeout sets the connect timeout of the default HTTP client.
func WithTimeout(d time.Duration) Option { return func(c *Client) { c.timeout = d } }

// WithStreaming chooses SSE streaming (true, the default) or one
// non-streaming chat completion per call (false), for servers or proxies
// that do not stream. Without streaming, Stream still delivers the parts in
// order: the whole text as one part, then usage and finish.
func WithStreaming(on bool) Option { return func(c *Client) { c.noStream = !on } }

// New builds a client.
func New(opts ...Option) *Client {
	c := &Client{model: "gpt-4o-mini", baseURL: DefaultBaseURL, keyEnv: "OPENAI_API_KEY"}
	for _, o := range opts {
		o(c)
	}
	if c.hc == nil {
		c.hc = providers.NewHTTPClient(c.timeout)
	}
	c.official = c.baseURL == DefaultBaseURL
	cfg := oai.DefaultConfig(c.key)
	cfg.BaseURL = c.baseURL
	cfg.HTTPClient = providers.CapturingClient(c.hc)
	c.api = oai.NewClientWithConfig(cfg)
	return c
}

// Name implements providers.Provider.
func (c *Client) Name() string { return Name }

// Model is the default model.
func (c *Client) Model() string { return c.model }

// Secrets returns what must be scrubbed from errors (the key).
func (c *Client) Secrets() []string { return []string{c.key} }

// Capabilities implements providers.Provider.
func (c *Client) Capabilities() providers.Capabilities {
	n := c.ctxToks
	if n == 0 && c.official {
		n = knownContext(c.model)
	}
	return providers.Capabilities{StructuredOutput: true, Streaming: !c.noStream, ContextTokens: n}
}

func knownContext(model string) int {
	switch {
	case strings.HasPrefix(model, "gpt-4.1"):
		return 1047576
	case strings.HasPrefix(model, "gpt-4o"), strings.HasPrefix(model, "o1"), strings.HasPrefix(model, "o3"), strings.HasPrefix(model, "o4"):
		return 128000
	case strings.HasPrefix(model, "gpt-5"):
		return 400000
	}
	return 0
}

// Models implements providers.Provider via GET /models.
func (c *Client) Models(ctx context.Context) ([]providers.ModelInfo, error) {
	ctx, capt := providers.WithResponseCapture(ctx)
	list, err := c.api.ListModels(ctx)
	if err != nil {
		return nil, c.mapErr(err, capt, "", "model list")
	}
	out := make([]providers.ModelInfo, 0, len(list.Models))
	for _, m := range list.Models {
		out = append(out, providers.ModelInfo{ID: m.ID})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// chatRequest builds the wire request for either mode; streaming asks for
// the usage chunk too. A zero temperature is sent as the smallest float32,
// because go-openai omits a zero value.
func (c *Client) chatRequest(req providers.Request, model string, stream bool) oai.ChatCompletionRequest {
	r := oai.ChatCompletionRequest{Model: model, Seed: req.Seed}
	if stream {
		r.Stream, r.StreamOptions = true, &oai.StreamOptions{IncludeUsage: true}
	}
	if req.System != "" {
		r.Messages = append(r.Messages, oai.ChatCompletionMessage{Role: oai.ChatMessageRoleSystem, Content: req.System})
	}
	for _, m := range req.Messages {
		r.Messages = append(r.Messages, oai.ChatCompletionMessage{Role: string(m.Role), Content: m.Content})
	}
	if req.Temperature != nil {
		r.Temperature = float32(*req.Temperature)
		if r.Temperature == 0 {
			r.Temperature = math.SmallestNonzeroFloat32
		}
	}
	if req.MaxTokens > 0 {
		if c.official {
			r.MaxCompletionTokens = req.MaxTokens
		} else {
			r.MaxTokens = req.MaxTokens
		}
	}
	r.ResponseFormat = responseFormat(req)
	return r
}

// responseFormat asks for json_schema output when the request has a schema.
func responseFormat(req providers.Request) *oai.ChatCompletionResponseFormat {
	if len(req.JSONSchema) == 0 {
		return nil
	}
	name := req.SchemaName
	if name == "" {
		name = "response"
	}
	return &oai.ChatCompletionResponseFormat{
		Type:       oai.ChatCompletionResponseFormatTypeJSONSchema,
		JSONSchema: &oai.ChatCompletionResponseFormatJSONSchema{Name: name, Schema: req.JSONSchema, Strict: false},
	}
}

// modelFor is the request's model, or the client's default.
func (c *Client) modelFor(req providers.Request) string {
	if req.Model != "" {
		return req.Model
	}
	return c.model
}
