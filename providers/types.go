package providers

import "slices"

// The provider types a profile's `type` names. They are defined here once;
// the config loader, the factory, the CLI and the doctor use these.
const (
	TypeOpenAI   = "openai"   // OpenAI or any OpenAI-compatible server
	TypeGemini   = "gemini"   // Google Gemini
	TypeOllama   = "ollama"   // a local Ollama server
	TypeScripted = "scripted" // a recorded script (tests, demos)
	TypeGuided   = "guided"   // no model: the deterministic interviewer
)

// ModelTypes are the types backed by a model.
var ModelTypes = []string{TypeOpenAI, TypeGemini, TypeOllama, TypeScripted}

// Types are every accepted type: the model types plus guided.
var Types = append(slices.Clone(ModelTypes), TypeGuided)

// IsType reports whether t is an accepted provider type.
func IsType(t string) bool { return slices.Contains(Types, t) }
