package ollamatest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ChatMLTemplate is SmolLM2's chat format (<|im_start|>role ... <|im_end|>)
// as an Ollama Go template.
const ChatMLTemplate = `{{- range .Messages }}<|im_start|>{{ .Role }}
{{ .Content }}<|im_end|>
{{ end }}<|im_start|>assistant
`

// GemmaTemplate is Gemma 3's chat format as an Ollama Go template. Gemma
// has no system role: the system prompt goes in a user turn, as its own
// template does.
const GemmaTemplate = `{{- range .Messages }}<start_of_turn>{{ if eq .Role "assistant" }}model{{ else }}user{{ end }}
{{ .Content }}<end_of_turn>
{{ end }}<start_of_turn>model
`

// PlainTemplate is a role-prefixed format for the tiny random model.
const PlainTemplate = `{{- range .Messages }}{{ .Role }}: {{ .Content }}
{{ end }}assistant: `

// Model is a local GGUF to register under a name.
type Model struct {
	Name     string
	GGUF     string   // path of the .gguf file
	Template string   // Ollama Go template
	Params   []string // "key value" PARAMETER lines, e.g. "stop <|im_end|>"
}

// SmolLM2 is SmolLM2-135M-Instruct registered as "smollm2" for the test
// tier, answers capped at 256 tokens. The cap matters: without a bound a
// small model that never stops runs until the context is full, after which
// Ollama shifts the context and goes on forever. The Architect also sends its
// own cap (agent.max_output_tokens) on every request, which wins over the
// Modelfile's, so the tests set it to the same value. A fixed seed and a low temperature make runs repeatable on one
// machine. One thread: when the cores are oversubscribed (go test runs
// packages in parallel), ggml's two-thread spin barriers collapse; measured
// on 2 busy cores, 48 tokens took 279 s with 2 threads and 16-27 s with 1.
func SmolLM2(gguf string) Model { return smol("smollm2", gguf, 256) }

// SmolLM2Long is the same model as "smollm2-640", answers capped at 640
// tokens: room for a whole canvas and contract (the experiment benchmark).
func SmolLM2Long(gguf string) Model { return smol("smollm2-640", gguf, 640) }

func smol(name, gguf string, numPredict int) Model {
	return Model{Name: name, GGUF: gguf, Template: ChatMLTemplate,
		Params: []string{"stop <|im_end|>", "stop <|im_start|>", fmt.Sprintf("num_predict %d", numPredict),
			"temperature 0.2", "seed 1", "num_thread 1"}}
}

// Gemma3 is gemma-3-270m (Q4_K_M) registered as "gemma3-270m", with the
// same caps, seed and single thread as SmolLM2.
func Gemma3(gguf string) Model {
	return Model{Name: "gemma3-270m", GGUF: gguf, Template: GemmaTemplate,
		Params: []string{"stop <end_of_turn>", "num_predict 256", "temperature 0.2", "seed 1", "num_thread 1"}}
}

// Tiny is the random-weight fallback model registered as "tiny". Its
// num_predict default bounds every request, since it rarely emits EOS.
func Tiny(gguf string) Model {
	return Model{Name: "tiny", GGUF: gguf, Template: PlainTemplate,
		Params: []string{"num_predict 32", "temperature 0", "num_thread 1"}}
}

// Modelfile renders the model's Modelfile.
func (m Model) Modelfile() (string, error) {
	abs, err := filepath.Abs(m.GGUF)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "FROM %s\n", abs)
	if m.Template != "" {
		fmt.Fprintf(&b, "TEMPLATE \"\"\"%s\"\"\"\n", m.Template)
	}
	for _, p := range m.Params {
		fmt.Fprintf(&b, "PARAMETER %s\n", p)
	}
	return b.String(), nil
}

// Create registers m with `ollama create NAME -f Modelfile`, as a user would.
func (s *Server) Create(ctx context.Context, m Model) error {
	mf, err := m.Modelfile()
	if err != nil {
		return fmt.Errorf("ollamatest: create %s: %w", m.Name, err)
	}
	dir, err := os.MkdirTemp(s.Home, "modelfile-")
	if err != nil {
		return fmt.Errorf("ollamatest: create %s: %w", m.Name, err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "Modelfile")
	if err := os.WriteFile(path, []byte(mf), 0o644); err != nil {
		return fmt.Errorf("ollamatest: create %s: %w", m.Name, err)
	}
	cmd := exec.CommandContext(ctx, s.Bin, "create", m.Name, "-f", path)
	cmd.Dir = dir
	cmd.Env = append(baseEnv(s.Home), s.Env()...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("ollamatest: ollama create %s: %w\n%s\nserver log:\n%s", m.Name, err, out, tail(s.Log(), 4000))
	}
	return nil
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
