// Package ollamatest runs the real Ollama engine for tests: it starts
// `ollama serve` on a free loopback port with a private models directory and
// HOME, registers local GGUF files with `ollama create`, and writes a tiny
// random-weight llama GGUF (the fallback model) so the engine's protocol
// paths can be exercised with no download.
//
// The package's own tests are the real-engine tier: the native and
// OpenAI-compatible adapters, and the Architect through the real CLI, run
// against Ollama v0.6.5 with SmolLM2-135M-Instruct. scripts/setup-ollama.sh
// installs both under .tools/; outside CI the tests skip when they are
// missing, in CI (CI=true) they fail.
package ollamatest
