// Package gemini is the Google Gemini adapter, built on
// google.golang.org/genai: streamGenerateContent (SSE) with
// responseJsonSchema for structured output, and the models list.
package gemini

import (
	"context"
	"errors"
	"net/http"
	"sort"
	"strings"
	"time"

	"google.golang.org/genai"

	"github.com/dataeng-os/dataeng-os/providers"
)

// Name is the provider type.
const Name = "gemini"

// DefaultBaseURL is the Gemini API.
const DefaultBaseURL = "https://generativelanguage.googleapis.com/"

// Client talks to the Gemini API.
type Client struct {
	api     *genai.Client
	initErr error
	model   string
	key     string
	keyEnv  string
	baseURL string
	hc      *http.Client
	timeout time.Duration
	ctxToks int
}

var _ providers.Provider = (*Client)(nil)

// Option configures a Client.
type Option func(*Client)

// WithBaseURL points the client at another server (tests, proxies).
func WithBaseURL(u string) Option { return func(c *Client) { c.baseURL = u } }

// WithHTTPClient sets the HTTP client.
func WithHTTPClient(hc *http.Client) Option { return func(c *Client) { c.hc = hc } }

// WithModel sets the default model.
func WithModel(m string) Option { return func(c *Client) { c.model = m } }

// WithAPIKey sets the key; the caller reads it from the environment.
func WithAPIKey(k string) Option { return func(c *Client) { c.key = k } }

// WithAPIKeyEnv names the variable the key came from, for error hints.
func WithAPIKeyEnv(name string) Option { return func(c *Client) { c.keyEnv = name } }

// WithTimeout sets the connect timeout of the default HTTP client.
func WithTimeout(d time.Duration) Option { return func(c *Client) { c.timeout = d } }

// KeyFromEnv returns the key and the variable it came from: GEMINI_API_KEY,
// then GOOGLE_API_KEY.
func KeyFromEnv(getenv func(string) string) (key, name string) {
	for _, n := range []string{"GEMINI_API_KEY", "GOOGLE_API_KEY"} {
		if v := strings.TrimSpace(getenv(n)); v != "" {
			return v, n
		}
	}
	return "", "GEMINI_API_KEY"
}

// New builds a client. A configuration error is kept and returned by every
// call (see Err).
func New(opts ...Option) *Client {
	c := &Client{model: "gemini-2.5-flash", baseURL: DefaultBaseURL, keyEnv: "GEMINI_API_KEY"}
	for _, o := range opts {
		o(c)
	}
	if !strings.HasSuffix(c.baseURL, "/") {
		c.baseURL += "/"
	}
	if c.hc == nil {
		c.hc = providers.NewHTTPClient(c.timeout)
	}
	if c.key == "" {
		c.initErr = &providers.Error{Kind: providers.KindAuth, Provider: Name, Err: errors.New("no API key"), Hint: "set " + c.keyEnv}
		return c
	}
	api, err := genai.NewClient(context.Background(), &genai.ClientConfig{
		APIKey:      c.key,
		Backend:     genai.BackendGeminiAPI,
		HTTPClient:  providers.CapturingClient(c.hc),
		HTTPOptions: genai.HTTPOptions{BaseURL: c.baseURL},
	})
	if err != nil {
		c.initErr = providers.RedactError(&providers.Error{Kind: providers.KindBadRequest, Provider: Name, Err: err}, c.key)
	}
	c.api = api
	return c
}

// Err is the configuration error, if any.
func (c *Client) Err() error { return c.initErr }

// Name implements providers.Provider.
func (c *Client) Name() string { return Name }

// Secrets returns what must be scrubbed from errors (the key).
func (c *Client) Secrets() []string { return []string{c.key} }

// Capabilities implements providers.Provider.
func (c *Client) Capabilities() providers.Capabilities {
	n := c.ctxToks
	if n == 0 && strings.HasPrefix(c.model, "gemini-") {
		n = 1048576 // Gemini 1.5+/2.x flash and pro input limit
	}
	return providers.Capabilities{StructuredOutput: true, Streaming: true, ContextTokens: n}
}

// Models implements providers.Provider via the models list (all pages).
func (c *Client) Models(ctx context.Context) ([]providers.ModelInfo, error) {
	if c.initErr != nil {
		return nil, c.initErr
	}
	ctx, capt := providers.WithResponseCapture(ctx)
	var out []providers.ModelInfo
	page, err := c.api.Models.List(ctx, &genai.ListModelsConfig{PageSize: 100})
	for err == nil {
		for _, m := range page.Items {
			out = append(out, providers.ModelInfo{ID: strings.TrimPrefix(m.Name, "models/")})
		}
		page, err = page.Next(ctx)
	}
	if !errors.Is(err, genai.ErrPageDone) {
		return nil, c.mapErr(err, capt, "")
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}
