package openai

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	oai "github.com/sashabaranov/go-openai"

	"github.com/dataeng-os/dataeng-os/providers"
)

// Stream implements providers.Provider over SSE chat completions, or over
// one non-streaming completion under WithStreaming(false).
func (c *Client) Stream(ctx context.Context, req providers.Request, onPart func(providers.Part)) (providers.Response, error) {
	if c.noStream {
		return c.complete(ctx, req, onPart)
	}
	model := c.modelFor(req)
	col := providers.NewCollector(Name, onPart)
	ctx, capt := providers.WithResponseCapture(ctx)
	stream, err := c.api.CreateChatCompletionStream(ctx, c.chatRequest(req, model, true))
	if err != nil {
		return col.Fail(model, c.mapErr(err, capt, model, "stream chunk"))
	}
	defer stream.Close()
	for {
		chunk, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return col.Fail(model, c.mapErr(err, capt, model, "stream chunk"))
		}
		if chunk.Model != "" {
			model = chunk.Model
		}
		for _, ch := range chunk.Choices {
			col.Text(ch.Delta.Content)
			if ch.FinishReason != "" {
				col.SetFinish(string(ch.FinishReason))
			}
		}
		if u := chunk.Usage; u != nil {
			col.SetUsage(providers.Usage{InputTokens: u.PromptTokens, OutputTokens: u.CompletionTokens})
		}
	}
	if col.Finish() == "" {
		return col.Fail(model, &providers.Error{Kind: providers.KindNetwork, Provider: Name,
			Err: errors.New("stream ended without a finish reason")})
	}
	return col.Done(model), nil
}

// mapErr turns go-openai and transport errors into typed, redacted errors;
// what names the body part a JSON error was found in ("stream chunk").
func (c *Client) mapErr(err error, capt *providers.ResponseCapture, model, what string) error {
	var apiErr *oai.APIError
	var reqErr *oai.RequestError
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var e *providers.Error
	switch {
	case errors.As(err, &apiErr) && apiErr.HTTPStatusCode > 0:
		e = c.statusErr(apiErr.HTTPStatusCode, errors.New(apiErr.Message), capt, model)
		if code, _ := apiErr.Code.(string); code == "insufficient_quota" {
			e.Permanent, e.Hint = true, "quota exhausted: check the account's billing"
		}
	case errors.As(err, &apiErr):
		e = &providers.Error{Kind: inStreamKind(apiErr.Type, apiErr.Code), Provider: Name, Err: fmt.Errorf("in-stream error: %s", apiErr.Message)}
	case errors.As(err, &reqErr) && reqErr.HTTPStatusCode >= 400:
		e = c.statusErr(reqErr.HTTPStatusCode, fmt.Errorf("%s", reqErr.Body), capt, model)
	case errors.As(err, &syn), errors.As(err, &typ), errors.Is(err, oai.ErrTooManyEmptyStreamMessages):
		e = &providers.Error{Kind: providers.KindBadResponse, Provider: Name, Err: fmt.Errorf("malformed %s: %w", what, err)}
	default:
		e = providers.TransportError(Name, err)
		if e.Kind == providers.KindUnreachable {
			e.Hint = "is the server at " + c.baseURL + " running?"
		}
	}
	return providers.RedactError(e, c.key)
}

func (c *Client) statusErr(status int, cause error, capt *providers.ResponseCapture, model string) *providers.Error {
	e := &providers.Error{Kind: providers.StatusKind(status), Provider: Name, Status: status, Err: cause,
		RetryAfter: capt.RetryAfter(time.Now())}
	switch e.Kind {
	case providers.KindAuth:
		e.Hint = "check " + c.keyEnv
	case providers.KindNotFound:
		e.Hint = fmt.Sprintf("model %q not found: run: dataeng-os models --provider openai", model)
		if !strings.Contains(strings.ToLower(cause.Error()), "model") {
			e.Hint = "no such endpoint at " + c.baseURL + ": check base_url (it usually ends in /v1)"
		}
	case providers.KindRateLimit:
		e.Hint = "rate limited: wait, or lower draft.requests_per_minute"
	}
	return e
}

func inStreamKind(typ string, code any) providers.ErrorKind {
	s, _ := code.(string)
	switch {
	case typ == "rate_limit_exceeded" || s == "rate_limit_exceeded":
		return providers.KindRateLimit
	case typ == "invalid_request_error":
		return providers.KindBadRequest
	case typ == "authentication_error":
		return providers.KindAuth
	}
	return providers.KindServer
}
