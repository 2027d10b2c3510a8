package openai

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/dataeng-os/dataeng-os/providers"
)

// complete runs one non-streaming chat completion (WithStreaming(false))
// and hands the caller the parts a stream would: the whole text as one
// part, then usage and finish. The request and the error mapping are the
// streaming path's.
func (c *Client) complete(ctx context.Context, req providers.Request, onPart func(providers.Part)) (providers.Response, error) {
	model := c.modelFor(req)
	col := providers.NewCollector(Name, onPart)
	ctx, capt := providers.WithResponseCapture(ctx)
	capt.QuietBody() // tells a cut body (read error) from a truncated JSON one
	resp, err := c.api.CreateChatCompletion(ctx, c.chatRequest(req, model, false))
	if err != nil {
		return col.Fail(model, c.completeErr(err, capt, model))
	}
	if resp.Model != "" {
		model = resp.Model
	}
	if len(resp.Choices) == 0 {
		return col.Fail(model, &providers.Error{Kind: providers.KindBadResponse, Provider: Name,
			Err: errors.New("response has no choices")})
	}
	ch := resp.Choices[0]
	col.Text(ch.Message.Content)
	col.SetFinish(string(ch.FinishReason))
	col.SetUsage(providers.Usage{InputTokens: resp.Usage.PromptTokens, OutputTokens: resp.Usage.CompletionTokens})
	return col.Done(model), nil
}

// completeErr maps a failed completion. The body reader is quiet, so a read
// error ends the body early and is kept aside: that is a network error. An
// early end of a body that arrived whole is a malformed (truncated) answer.
func (c *Client) completeErr(err error, capt *providers.ResponseCapture, model string) error {
	if berr := capt.BodyErr(); berr != nil {
		return c.mapErr(berr, capt, model, "response body")
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return &providers.Error{Kind: providers.KindBadResponse, Provider: Name,
			Err: fmt.Errorf("malformed response body: %w", err)}
	}
	return c.mapErr(err, capt, model, "response body")
}
