package gemini

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"google.golang.org/genai"

	"github.com/dataeng-os/dataeng-os/providers"
)

// Stream implements providers.Provider over streamGenerateContent?alt=sse.
func (c *Client) Stream(ctx context.Context, req providers.Request, onPart func(providers.Part)) (providers.Response, error) {
	model := req.Model
	if model == "" {
		model = c.model
	}
	col := providers.NewCollector(Name, onPart)
	if c.initErr != nil {
		return col.Fail(model, c.initErr)
	}
	ctx, capt := providers.WithResponseCapture(ctx)
	capt.QuietBody() // genai logs read errors; we report them instead
	contents, cfg := buildRequest(req)
	for resp, err := range c.api.Models.GenerateContentStream(ctx, model, contents, cfg) {
		if err != nil {
			return col.Fail(model, c.mapErr(err, capt, model))
		}
		if resp.ModelVersion != "" {
			model = resp.ModelVersion
		}
		if len(resp.Candidates) > 0 {
			cand := resp.Candidates[0]
			if cand.Content != nil {
				for _, p := range cand.Content.Parts {
					if p != nil && !p.Thought {
						col.Text(p.Text)
					}
				}
			}
			if cand.FinishReason != "" {
				col.SetFinish(finishReason(cand.FinishReason))
			}
		}
		if u := resp.UsageMetadata; u != nil {
			col.SetUsage(providers.Usage{InputTokens: int(u.PromptTokenCount), OutputTokens: int(u.CandidatesTokenCount + u.ThoughtsTokenCount)})
		}
	}
	if err := capt.BodyErr(); err != nil && col.Finish() == "" {
		return col.Fail(model, c.mapErr(err, capt, model))
	}
	if col.Finish() == "" {
		return col.Fail(model, &providers.Error{Kind: providers.KindNetwork, Provider: Name, Err: errors.New("stream ended without a finish reason")})
	}
	return col.Done(model), nil
}

func buildRequest(req providers.Request) ([]*genai.Content, *genai.GenerateContentConfig) {
	cfg := &genai.GenerateContentConfig{}
	if req.System != "" {
		cfg.SystemInstruction = genai.NewContentFromText(req.System, genai.RoleUser)
	}
	if req.Temperature != nil {
		t := float32(*req.Temperature)
		cfg.Temperature = &t
	}
	if req.Seed != nil {
		s := int32(*req.Seed)
		cfg.Seed = &s
	}
	if req.MaxTokens > 0 {
		cfg.MaxOutputTokens = int32(req.MaxTokens)
	}
	if len(req.JSONSchema) > 0 {
		cfg.ResponseMIMEType = "application/json"
		cfg.ResponseJsonSchema = req.JSONSchema
	}
	var contents []*genai.Content
	for _, m := range req.Messages {
		role := genai.Role(genai.RoleUser)
		if m.Role == providers.RoleAssistant {
			role = genai.RoleModel
		}
		contents = append(contents, genai.NewContentFromText(m.Content, role))
	}
	return contents, cfg
}

func finishReason(r genai.FinishReason) string {
	switch r {
	case genai.FinishReasonStop:
		return "stop"
	case genai.FinishReasonMaxTokens:
		return "length"
	}
	return strings.ToLower(string(r))
}

// mapErr turns genai and transport errors into typed, redacted errors.
func (c *Client) mapErr(err error, capt *providers.ResponseCapture, model string) error {
	var ae genai.APIError
	var e *providers.Error
	switch {
	case errors.As(err, &ae):
		e = c.apiErr(ae, capt, model)
	case errors.As(err, new(*json.SyntaxError)), errors.As(err, new(*json.UnmarshalTypeError)),
		strings.Contains(err.Error(), "invalid stream chunk"):
		e = &providers.Error{Kind: providers.KindBadResponse, Provider: Name, Err: fmt.Errorf("malformed stream chunk: %w", err)}
	default:
		e = providers.TransportError(Name, err)
	}
	return providers.RedactError(e, c.key)
}

func (c *Client) apiErr(ae genai.APIError, capt *providers.ResponseCapture, model string) *providers.Error {
	status, _ := capt.Last()
	e := &providers.Error{Provider: Name, Status: ae.Code, Err: errors.New(ae.Message)}
	if status < 400 { // reported inside a 200 stream
		e.Status = 0
		e.Err = fmt.Errorf("in-stream error: %s", ae.Message)
	}
	e.Kind = providers.StatusKind(ae.Code)
	if ae.Code == 0 {
		e.Kind = providers.KindServer
	}
	if reason(ae) == "API_KEY_INVALID" || ae.Status == "UNAUTHENTICATED" || ae.Status == "PERMISSION_DENIED" {
		e.Kind = providers.KindAuth
	}
	e.RetryAfter = max(capt.RetryAfter(time.Now()), retryDelay(ae))
	switch e.Kind {
	case providers.KindAuth:
		e.Hint = "check " + c.keyEnv
	case providers.KindNotFound:
		e.Hint = fmt.Sprintf("model %q not found: run: dataeng-os models --provider gemini", model)
	case providers.KindRateLimit:
		e.Hint = "rate limited or out of quota: wait, or lower draft.requests_per_minute"
	}
	return e
}

// reason returns the google.rpc.ErrorInfo reason in the details.
func reason(ae genai.APIError) string {
	for _, d := range ae.Details {
		if r, ok := d["reason"].(string); ok {
			return r
		}
	}
	return ""
}

// retryDelay reads google.rpc.RetryInfo's retryDelay ("37s") from the details.
func retryDelay(ae genai.APIError) time.Duration {
	for _, d := range ae.Details {
		if s, ok := d["retryDelay"].(string); ok {
			if v, err := time.ParseDuration(s); err == nil {
				return v
			}
		}
	}
	return 0
}
