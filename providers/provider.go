// Package providers is the neutral model-provider interface of DataEngOS:
// request, response, usage and stream-part types, and the Provider interface
// that each vendor subpackage (openai, gemini, ollama, scripted) implements.
package providers

import (
	"context"
	"encoding/json"
)

// Role of a chat message.
type Role string

// Chat roles.
const (
	RoleUser      Role = "user"
	RoleAssistant Role = "assistant"
)

// Message is one chat turn. The system prompt travels in Request.System.
type Message struct {
	Role    Role   `json:"role"`
	Content string `json:"content"`
}

// Request is a provider-neutral generation request.
type Request struct {
	Model       string          `json:"model,omitempty"` // "" = the provider's configured model
	System      string          `json:"system,omitempty"`
	Messages    []Message       `json:"messages"`
	Temperature *float64        `json:"temperature,omitempty"`
	Seed        *int            `json:"seed,omitempty"`
	MaxTokens   int             `json:"maxTokens,omitempty"`
	JSONSchema  json.RawMessage `json:"jsonSchema,omitempty"` // structured output, when supported
	SchemaName  string          `json:"schemaName,omitempty"`
}

// Usage counts tokens.
type Usage struct {
	InputTokens  int `json:"inputTokens"`
	OutputTokens int `json:"outputTokens"`
}

// Add returns u + o.
func (u Usage) Add(o Usage) Usage {
	return Usage{InputTokens: u.InputTokens + o.InputTokens, OutputTokens: u.OutputTokens + o.OutputTokens}
}

// Total is input plus output tokens.
func (u Usage) Total() int { return u.InputTokens + u.OutputTokens }

// Response is the assembled result of a generation.
type Response struct {
	Text         string   `json:"text"`
	Usage        Usage    `json:"usage"`
	FinishReason string   `json:"finishReason,omitempty"`
	Model        string   `json:"model,omitempty"`
	Warnings     []string `json:"warnings,omitempty"` // settings the provider ignored
}

// PartKind tells what a stream part carries.
type PartKind int

// Stream part kinds.
const (
	PartText   PartKind = iota // Text holds a delta
	PartUsage                  // Usage holds the call's usage
	PartFinish                 // FinishReason holds why the stream ended
	PartError                  // Err holds an in-band error; the stream ends
)

// Part is one streamed piece.
type Part struct {
	Kind         PartKind
	Text         string
	Usage        Usage
	FinishReason string
	Err          error
}

// Capabilities is what a provider reports about itself.
type Capabilities struct {
	StructuredOutput bool `json:"structuredOutput"`
	Streaming        bool `json:"streaming"`
	ContextTokens    int  `json:"contextTokens,omitempty"` // 0 = unknown
}

// ModelInfo is one model a provider offers.
type ModelInfo struct {
	ID   string `json:"id"`
	Size int64  `json:"size,omitempty"`
}

// Provider is a model vendor behind one small interface.
type Provider interface {
	// Name is the provider type (openai, gemini, ollama, scripted).
	Name() string
	Capabilities() Capabilities
	// Stream generates, calling onPart for every part in order (text deltas,
	// then usage and finish). It returns the assembled response; an error
	// after text was delivered is a *StreamInterruptedError carrying the
	// partial text. onPart may be nil.
	Stream(ctx context.Context, req Request, onPart func(Part)) (Response, error)
	// Models lists the models the provider offers.
	Models(ctx context.Context) ([]ModelInfo, error)
}
