// Package ollama is the local Ollama adapter, built on
// github.com/ollama/ollama/api: native /api/chat streaming (NDJSON) with
// format = JSON schema and an explicit num_ctx, /api/tags for models and
// /api/version for doctor.
package ollama

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/ollama/ollama/api"

	"github.com/dataeng-os/dataeng-os/providers"
)

// Name is the provider type.
const Name = "ollama"

// DefaultHost is where Ollama listens by default.
const DefaultHost = "http://127.0.0.1:11434"

// DefaultNumCtx is the context size used when none is configured: Ollama's
// own default depends on the machine, so it is always sent.
const DefaultNumCtx = 8192

// Client talks to an Ollama server.
type Client struct {
	api     *api.Client
	base    string
	model   string
	numCtx  int
	hc      *http.Client
	timeout time.Duration
	keep    time.Duration
}

var _ providers.Provider = (*Client)(nil)

// Option configures a Client.
type Option func(*Client)

// WithBaseURL sets the server (default DefaultHost); host:port and
// OLLAMA_HOST-style values are accepted.
func WithBaseURL(u string) Option { return func(c *Client) { c.base = u } }

// WithHTTPClient sets the HTTP client.
func WithHTTPClient(hc *http.Client) Option { return func(c *Client) { c.hc = hc } }

// WithModel sets the default model.
func WithModel(m string) Option { return func(c *Client) { c.model = m } }

// WithNumCtx sets num_ctx, the context window in tokens.
func WithNumCtx(n int) Option { return func(c *Client) { c.numCtx = n } }

// WithTimeout sets the connect timeout of the default HTTP client.
func WithTimeout(d time.Duration) Option { return func(c *Client) { c.timeout = d } }

// DefaultKeepAlive is how long the server keeps the model loaded after a
// request: long enough that a batch of notes on slow hardware never
// reloads it between notes (Ollama's own default is 5 minutes).
const DefaultKeepAlive = 30 * time.Minute

// WithKeepAlive sets keep_alive, sent on every chat request (0 =
// DefaultKeepAlive; negative keeps the model loaded until the server
// stops).
func WithKeepAlive(d time.Duration) Option { return func(c *Client) { c.keep = d } }

// New builds a client.
func New(opts ...Option) *Client {
	c := &Client{base: DefaultHost, model: "qwen2.5:7b", numCtx: DefaultNumCtx}
	for _, o := range opts {
		o(c)
	}
	if c.numCtx <= 0 {
		c.numCtx = DefaultNumCtx
	}
	if c.keep == 0 {
		c.keep = DefaultKeepAlive
	}
	if c.hc == nil {
		c.hc = providers.NewHTTPClient(c.timeout)
	}
	c.base = ParseHost(c.base)
	u, err := url.Parse(c.base)
	if err != nil {
		u, c.base = &url.URL{Scheme: "http", Host: "127.0.0.1:11434"}, DefaultHost
	}
	c.api = api.NewClient(u, providers.CapturingClient(c.hc))
	return c
}

// HostFromEnv returns the server from OLLAMA_HOST, or DefaultHost.
func HostFromEnv(getenv func(string) string) string {
	if getenv == nil {
		return DefaultHost
	}
	return ParseHost(getenv("OLLAMA_HOST"))
}

// ParseHost normalises an OLLAMA_HOST value ("", "host", "host:port",
// ":port", "http(s)://host:port/path") into a URL. Unspecified bind
// addresses (0.0.0.0, ::) become loopback.
func ParseHost(s string) string {
	s = strings.TrimRight(strings.TrimSpace(s), "/")
	if s == "" {
		return DefaultHost
	}
	scheme, rest, ok := strings.Cut(s, "://")
	port := "11434"
	if !ok {
		scheme, rest = "http", s
	} else if scheme == "https" {
		port = "443"
	} else if scheme == "http" {
		port = "80"
	}
	hostport, path, _ := strings.Cut(rest, "/")
	host, p, err := net.SplitHostPort(hostport)
	if err != nil {
		host = strings.Trim(hostport, "[]")
	} else {
		port = p
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	u := scheme + "://" + net.JoinHostPort(host, port)
	if path != "" {
		u += "/" + path
	}
	return u
}

// Name implements providers.Provider.
func (c *Client) Name() string { return Name }

// BaseURL is the server the client talks to.
func (c *Client) BaseURL() string { return c.base }

// Capabilities implements providers.Provider; the context is num_ctx.
func (c *Client) Capabilities() providers.Capabilities {
	return providers.Capabilities{StructuredOutput: true, Streaming: true, ContextTokens: c.numCtx}
}

// Models implements providers.Provider via /api/tags.
func (c *Client) Models(ctx context.Context) ([]providers.ModelInfo, error) {
	list, err := c.api.List(ctx)
	if err != nil {
		return nil, c.mapErr(err, "")
	}
	out := make([]providers.ModelInfo, 0, len(list.Models))
	for _, m := range list.Models {
		out = append(out, providers.ModelInfo{ID: m.Name, Size: m.Size})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// Version asks the server for its version via /api/version.
func (c *Client) Version(ctx context.Context) (string, error) {
	v, err := c.api.Version(ctx)
	if err != nil {
		return "", c.mapErr(err, "")
	}
	return v, nil
}
