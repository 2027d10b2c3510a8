package ollama

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ollama/ollama/api"

	"github.com/dataeng-os/dataeng-os/providers"
)

// Stream implements providers.Provider over /api/chat (NDJSON).
func (c *Client) Stream(ctx context.Context, req providers.Request, onPart func(providers.Part)) (providers.Response, error) {
	model := req.Model
	if model == "" {
		model = c.model
	}
	col := providers.NewCollector(Name, onPart)
	done := false
	ctx, capt := providers.WithResponseCapture(ctx)
	err := c.api.Chat(ctx, c.chatRequest(req, model), func(r api.ChatResponse) error {
		col.Text(r.Message.Content)
		if r.Done {
			done = true
			col.SetUsage(providers.Usage{InputTokens: r.PromptEvalCount, OutputTokens: r.EvalCount})
			col.SetFinish(r.DoneReason)
		}
		return nil
	})
	if err == nil && !done {
		err = &providers.Error{Kind: providers.KindNetwork, Provider: Name, Err: errors.New(`stream ended before "done":true`)}
	}
	if err != nil {
		if cerr := ctx.Err(); cerr != nil {
			// The caller cancelled: a line the cancel cut short is not a
			// malformed response.
			err = cerr
		}
		return col.Fail(model, withRetryAfter(c.mapErr(err, model), capt))
	}
	resp := col.Done(model)
	if est := providers.EstimateRequestTokens(req); est > c.numCtx || resp.Usage.InputTokens >= c.numCtx {
		resp.Warnings = append(resp.Warnings, fmt.Sprintf("prompt (~%d tokens) may exceed num_ctx %d: Ollama truncates silently; raise num_ctx in the profile", max(est, resp.Usage.InputTokens), c.numCtx))
	}
	return resp, nil
}

func (c *Client) chatRequest(req providers.Request, model string) *api.ChatRequest {
	stream := true
	opts := map[string]any{"num_ctx": c.numCtx}
	if req.Temperature != nil {
		opts["temperature"] = *req.Temperature
	}
	if req.Seed != nil {
		opts["seed"] = *req.Seed
	}
	if req.MaxTokens > 0 {
		opts["num_predict"] = req.MaxTokens
	}
	r := &api.ChatRequest{Model: model, Stream: &stream, Options: opts, Format: req.JSONSchema, KeepAlive: &api.Duration{Duration: c.keep}}
	if req.System != "" {
		r.Messages = append(r.Messages, api.Message{Role: "system", Content: req.System})
	}
	for _, m := range req.Messages {
		r.Messages = append(r.Messages, api.Message{Role: string(m.Role), Content: m.Content})
	}
	return r
}

// mapErr types an error from the ollama client. The client reports both an
// in-stream {"error": ...} line and an undecodable line as a plain error
// holding the text; a text that looks like JSON is the malformed line.
func (c *Client) mapErr(err error, model string) error {
	var se api.StatusError
	var ae api.AuthorizationError
	var pe *providers.Error
	switch {
	case errors.As(err, &pe):
		return err
	case errors.As(err, &se):
		e := &providers.Error{Kind: providers.StatusKind(se.StatusCode), Provider: Name, Status: se.StatusCode, Err: errors.New(se.ErrorMessage)}
		if e.Kind == providers.KindNotFound && model != "" {
			e.Hint = "run: ollama pull " + model
		}
		return e
	case errors.As(err, &ae):
		return &providers.Error{Kind: providers.KindAuth, Provider: Name, Status: ae.StatusCode, Err: errors.New(ae.Error()), Hint: "this Ollama server requires sign-in"}
	case errors.As(err, new(*json.SyntaxError)), errors.As(err, new(*json.UnmarshalTypeError)):
		return &providers.Error{Kind: providers.KindBadResponse, Provider: Name, Err: fmt.Errorf("malformed NDJSON line: %w", err)}
	case isPlain(err):
		msg := strings.TrimSpace(err.Error())
		if strings.HasPrefix(msg, "{") || strings.HasPrefix(msg, "[") {
			return &providers.Error{Kind: providers.KindBadResponse, Provider: Name, Err: fmt.Errorf("malformed NDJSON line: %s", msg)}
		}
		return &providers.Error{Kind: providers.KindServer, Provider: Name, Err: fmt.Errorf("in-stream error: %s", msg)}
	}
	e := providers.TransportError(Name, err)
	if e.Kind == providers.KindUnreachable {
		e.Hint = "is Ollama running at " + c.base + "? start it with: ollama serve"
	}
	return e
}

// isPlain reports an error made by errors.New in the ollama client (no
// wrapped cause, not a net or JSON error).
func isPlain(err error) bool {
	switch err {
	case io.EOF, io.ErrUnexpectedEOF, context.Canceled, context.DeadlineExceeded:
		return false
	}
	return errors.Unwrap(err) == nil && fmt.Sprintf("%T", err) == "*errors.errorString"
}

func withRetryAfter(err error, capt *providers.ResponseCapture) error {
	var pe *providers.Error
	if errors.As(err, &pe) && pe.Status >= 400 {
		pe.RetryAfter = capt.RetryAfter(time.Now())
	}
	return err
}
