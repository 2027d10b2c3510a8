package kernel

import (
	"time"

	"github.com/dataeng-os/dataeng-os/providers"
)

// Config is the merged configuration.
type Config struct {
	// Provider names the default provider profile (a key of Providers, or a
	// built-in type: guided, scripted, ollama, openai, gemini).
	Provider  string                     `toml:"provider"`
	Model     string                     `toml:"model"`
	BaseURL   string                     `toml:"base_url"`
	Providers map[string]ProviderProfile `toml:"providers"`
	Agent     AgentConfig                `toml:"agent"`
	Scaffold  ScaffoldConfig             `toml:"scaffold"`
	Validate  ValidateConfig             `toml:"validate"`
	Serve     ServeConfig                `toml:"serve"`
	Draft     DraftConfig                `toml:"draft"`
	// Prices maps a model name to its price per million tokens, for cost
	// estimates.
	Prices map[string]Price `toml:"prices"`
}

// ProviderProfile names a provider and how to reach it. Keys are never stored:
// APIKeyEnv names the environment variable that holds the key.
type ProviderProfile struct {
	Type      string   `toml:"type"` // openai | gemini | ollama | scripted | guided
	Model     string   `toml:"model"`
	BaseURL   string   `toml:"base_url"`
	APIKeyEnv string   `toml:"api_key_env"`
	Timeout   Duration `toml:"timeout"`
	NumCtx    int      `toml:"num_ctx"`
	KeepAlive Duration `toml:"keep_alive"` // ollama: how long the model stays loaded after a request (0 = 30m)
	Script    string   `toml:"script"`     // scripted provider: path of the script file
	Stream    *bool    `toml:"stream"`     // openai type: false asks for whole answers (default true)
	// Assist marks a small model: agent.strategy = auto drafts with it in
	// assist mode (the extractor drafts, the model answers bounded questions).
	Assist bool `toml:"assist"`
}

// The Architect's defaults when no config sets them (agent.max_attempts,
// agent.token_budget, agent.max_output_tokens). A full canvas plus contract
// fits well inside DefaultMaxOutputTokens.
const (
	DefaultMaxAttempts     = 3
	DefaultTokenBudget     = 200000
	DefaultMaxOutputTokens = 4096
)

// AgentConfig bounds the Architect's validate-and-reask loop.
type AgentConfig struct {
	MaxAttempts     int    `toml:"max_attempts"`
	TokenBudget     int    `toml:"token_budget"`
	MaxOutputTokens int    `toml:"max_output_tokens"` // cap per model answer (max_tokens / num_predict)
	Language        string `toml:"language"`          // "" = answer in the user's language
	Strategy        string `toml:"strategy"`          // auto | full | assist (drafting from notes)
}

// Drafting strategies (agent.strategy): full, the model writes canvas and
// contract; assist, the notes extractor drafts and the model answers only
// bounded questions; auto, assist for small models (under
// AssistBelowParams parameters, or a profile with assist = true), else full.
const (
	StrategyAuto      = "auto"
	StrategyFull      = "full"
	StrategyAssist    = "assist"
	AssistBelowParams = 3e9
)

// Strategies are the accepted agent.strategy values.
var Strategies = []string{StrategyAuto, StrategyFull, StrategyAssist}

// ScaffoldConfig holds scaffold defaults.
type ScaffoldConfig struct {
	Dialect string `toml:"dialect"`
	Out     string `toml:"out"`
	// Strict refuses contracts with governance errors (as --strict).
	Strict bool `toml:"strict"`
	// StagingMaterialized is view (default), table or incremental.
	StagingMaterialized string `toml:"staging_materialized"`
}

// ValidateConfig holds validator limits.
type ValidateConfig struct {
	MaxBytes int64 `toml:"max_bytes"`
}

// ServeConfig holds cockpit defaults.
type ServeConfig struct {
	Addr string `toml:"addr"`
}

// DraftConfig holds batch-drafting defaults.
type DraftConfig struct {
	Jobs              int `toml:"jobs"`
	RequestsPerMinute int `toml:"requests_per_minute"`
}

// Price is a model's price in USD per million tokens.
type Price struct {
	InputPerMTok  float64 `toml:"input_per_mtok"`
	OutputPerMTok float64 `toml:"output_per_mtok"`
}

// Duration is a time.Duration written as "30s" in TOML.
type Duration struct{ time.Duration }

// UnmarshalText parses a Go duration string.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	d.Duration = v
	return err
}

// MarshalText writes a Go duration string.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.Duration.String()), nil }

// Defaults returns the built-in configuration: guided mode (no model, no
// key), and the usual profiles ready to be picked with --provider.
func Defaults() Config {
	return Config{
		Provider: providers.TypeGuided,
		Providers: map[string]ProviderProfile{
			"openai":             {Type: "openai", Model: "gpt-4o-mini", APIKeyEnv: "OPENAI_API_KEY", Timeout: Duration{120 * time.Second}},
			"gemini":             {Type: "gemini", Model: "gemini-2.5-flash", APIKeyEnv: "GEMINI_API_KEY", Timeout: Duration{120 * time.Second}},
			"ollama":             {Type: "ollama", Model: "qwen2.5:7b", Timeout: Duration{300 * time.Second}, NumCtx: 8192},
			providers.TypeGuided: {Type: providers.TypeGuided},
		},
		Agent:    AgentConfig{MaxAttempts: DefaultMaxAttempts, TokenBudget: DefaultTokenBudget, MaxOutputTokens: DefaultMaxOutputTokens, Strategy: StrategyAuto},
		Scaffold: ScaffoldConfig{Dialect: "duckdb", Out: "."},
		Validate: ValidateConfig{MaxBytes: 10 << 20},
		Serve:    ServeConfig{Addr: "127.0.0.1:8080"},
		Draft:    DraftConfig{Jobs: 4},
	}
}

// Profile resolves the named profile (or the default one). A name that is a
// built-in type with no profile gets a bare profile of that type. The model
// override, when set, wins.
func (c Config) Profile(name, model string) (ProviderProfile, string, bool) {
	if name == "" {
		name = c.Provider
	}
	p, ok := c.Providers[name]
	if !ok {
		if providers.IsType(name) {
			p, ok = ProviderProfile{Type: name}, true
		}
	}
	if p.Type == "" {
		p.Type = name
	}
	if model == "" {
		model = c.Model
	}
	if model != "" {
		p.Model = model
	}
	if c.BaseURL != "" {
		p.BaseURL = c.BaseURL
	}
	return p, name, ok
}
