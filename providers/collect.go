package providers

import (
	"context"
	"strings"
	"time"
)

// Collector assembles a streamed answer for an adapter: it forwards parts
// to the caller's callback in order (text deltas, then usage and finish),
// keeps the text, and turns a late failure into a *StreamInterruptedError
// carrying the partial text.
type Collector struct {
	Provider string
	onPart   func(Part)
	text     strings.Builder
	usage    Usage
	finish   string
}

// NewCollector starts a collector for provider's stream; onPart may be nil.
func NewCollector(provider string, onPart func(Part)) *Collector {
	return &Collector{Provider: provider, onPart: onPart}
}

// Text forwards a non-empty delta.
func (c *Collector) Text(delta string) {
	if delta == "" {
		return
	}
	c.text.WriteString(delta)
	if c.onPart != nil {
		c.onPart(Part{Kind: PartText, Text: delta})
	}
}

// Delivered reports whether any text reached the caller.
func (c *Collector) Delivered() bool { return c.text.Len() > 0 }

// SetUsage records the call's usage (the last report wins).
func (c *Collector) SetUsage(u Usage) { c.usage = u }

// Finish is the finish reason recorded so far ("" = none yet).
func (c *Collector) Finish() string { return c.finish }

// SetFinish records why the stream ended.
func (c *Collector) SetFinish(reason string) { c.finish = reason }

// Done emits the usage and finish parts and returns the response.
func (c *Collector) Done(model string) Response {
	if c.finish == "" {
		c.finish = "stop"
	}
	if c.onPart != nil {
		c.onPart(Part{Kind: PartUsage, Usage: c.usage})
		c.onPart(Part{Kind: PartFinish, FinishReason: c.finish})
	}
	return Response{Text: c.text.String(), Usage: c.usage, FinishReason: c.finish, Model: model}
}

// Fail emits an error part and returns the partial response with err, or
// with a *StreamInterruptedError when text was already delivered.
func (c *Collector) Fail(model string, err error) (Response, error) {
	if c.Delivered() {
		if _, ok := err.(*StreamInterruptedError); !ok {
			err = &StreamInterruptedError{Provider: c.Provider, Partial: c.text.String(), Err: err}
		}
	}
	if c.onPart != nil {
		c.onPart(Part{Kind: PartError, Err: err})
	}
	return Response{Text: c.text.String(), Usage: c.usage, FinishReason: "error", Model: model}, err
}

// EstimateTokens is a deterministic rough token count (about four bytes a
// token), used where a provider reports no usage.
func EstimateTokens(s string) int {
	if s == "" {
		return 0
	}
	return (len(s) + 3) / 4
}

// EstimateRequestTokens estimates the prompt size of req.
func EstimateRequestTokens(req Request) int {
	n := EstimateTokens(req.System)
	for _, m := range req.Messages {
		n += EstimateTokens(m.Content) + 4
	}
	return n
}

// Sleep waits d or until ctx is done; it returns ctx.Err() when cut short.
func Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
