// Package scripted is a deterministic model provider that replays a script
// of turns: fixed answers, optional usage, delays, chunking and injected
// failures. It serves tests, demos and benchmarks, is safe for concurrent
// use, and records every request it receives.
package scripted

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/dataeng-os/dataeng-os/providers"
)

// Name is the provider type.
const Name = "scripted"

// ErrExhausted is the cause when no turn is left for a request.
var ErrExhausted = errors.New("script exhausted")

// Turn is one scripted answer.
type Turn struct {
	// Text is the answer.
	Text string
	// Match, when set, restricts the turn to requests whose last user
	// message contains it; turns are otherwise used in order.
	Match string
	// Repeat keeps the turn available after use (a default answer).
	Repeat bool
	// Usage is reported as is; nil = estimated from the request and Text.
	Usage *providers.Usage
	// Delay is waited before the first chunk; ChunkDelay between chunks.
	Delay, ChunkDelay time.Duration
	// ChunkSize is the number of runes per text part; 0 splits after each
	// word, a negative value sends the text in one part.
	ChunkSize int
	// FinishReason defaults to "stop".
	FinishReason string
	// Err injects a failure.
	Err *Fault
}

// Fault is an injected failure.
type Fault struct {
	Kind       providers.ErrorKind
	Status     int
	Message    string
	RetryAfter time.Duration
	// AfterChunks > 0 delivers that many chunks of Text first, so the call
	// ends in a *providers.StreamInterruptedError.
	AfterChunks int
}

// Client replays turns. Build it with New or Load.
type Client struct {
	mu       sync.Mutex
	turns    []Turn
	used     []bool
	requests []providers.Request
	model    string
	caps     providers.Capabilities
}

var _ providers.Provider = (*Client)(nil)

// New returns a client that replays turns.
func New(turns ...Turn) *Client {
	return &Client{
		turns: append([]Turn(nil), turns...),
		used:  make([]bool, len(turns)),
		model: "scripted",
		caps:  providers.Capabilities{StructuredOutput: true, Streaming: true},
	}
}

// WithModel sets the model name the client reports; it returns c.
func (c *Client) WithModel(model string) *Client {
	c.mu.Lock()
	defer c.mu.Unlock()
	if model != "" {
		c.model = model
	}
	return c
}

// WithCapabilities overrides the capability report (for example a small
// context size); it returns c.
func (c *Client) WithCapabilities(caps providers.Capabilities) *Client {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.caps = caps
	return c
}

// Append adds turns at the end of the script.
func (c *Client) Append(turns ...Turn) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.turns = append(c.turns, turns...)
	c.used = append(c.used, make([]bool, len(turns))...)
}

// Name implements providers.Provider.
func (c *Client) Name() string { return Name }

// Capabilities implements providers.Provider.
func (c *Client) Capabilities() providers.Capabilities {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.caps
}

// Models implements providers.Provider: the one scripted model.
func (c *Client) Models(context.Context) ([]providers.ModelInfo, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return []providers.ModelInfo{{ID: c.model}}, nil
}

// Requests returns copies of the requests received so far, in order.
func (c *Client) Requests() []providers.Request {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]providers.Request, len(c.requests))
	copy(out, c.requests)
	return out
}

// Calls is the number of requests received.
func (c *Client) Calls() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.requests)
}

// Remaining counts the unused, non-repeating turns.
func (c *Client) Remaining() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for i, t := range c.turns {
		if !c.used[i] && !t.Repeat {
			n++
		}
	}
	return n
}

// next records req and picks the first unused turn that matches it.
func (c *Client) next(req providers.Request) (Turn, string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r := req
	r.Messages = append([]providers.Message(nil), req.Messages...)
	c.requests = append(c.requests, r)
	last := lastUser(req.Messages)
	for i, t := range c.turns {
		if c.used[i] || (t.Match != "" && !strings.Contains(last, t.Match)) {
			continue
		}
		if !t.Repeat {
			c.used[i] = true
		}
		return t, c.model, nil
	}
	return Turn{}, c.model, &providers.Error{Kind: providers.KindBadRequest, Provider: Name,
		Err: fmt.Errorf("%w after %d requests (no turn for %q)", ErrExhausted, len(c.requests), clip(last, 60))}
}

func lastUser(ms []providers.Message) string {
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].Role == providers.RoleUser {
			return ms[i].Content
		}
	}
	return ""
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
