package kernel

// EnvVar documents one environment variable DataEngOS reads.
type EnvVar struct {
	Name string
	Help string
}

// EnvVars lists every environment variable the program reads, in one place;
// `dataeng-os --help` prints it.
var EnvVars = []EnvVar{
	{"DATAENG_PROJECT", "project directory (like --project)"},
	{"DATAENG_CONFIG", "extra config file (like --config)"},
	{"DATAENG_PROVIDER", "provider profile or type: guided, scripted, ollama, openai, gemini"},
	{"DATAENG_MODEL", "model name for the chosen provider"},
	{"DATAENG_BASE_URL", "base URL for the chosen provider"},
	{"DATAENG_MAX_ATTEMPTS", "Architect validate-and-reask attempts (default 3)"},
	{"DATAENG_TOKEN_BUDGET", "Architect token budget per session"},
	{"DATAENG_DIALECT", "scaffold SQL dialect: duckdb, postgres, snowflake, bigquery"},
	{"DATAENG_ADDR", "cockpit listen address (default 127.0.0.1:8080)"},
	{"DATAENG_SERVE_TOKEN", "cockpit access token, required with --allow-remote"},
	{"OPENAI_API_KEY", "OpenAI key (name set by a profile's api_key_env)"},
	{"GEMINI_API_KEY", "Gemini key (GOOGLE_API_KEY also works)"},
	{"GOOGLE_API_KEY", "Gemini key, fallback"},
	{"OLLAMA_HOST", "Ollama server, e.g. 127.0.0.1:11434"},
	{"XDG_CONFIG_HOME", "user config lives in $XDG_CONFIG_HOME/dataeng-os/config.toml"},
	{"NO_COLOR", "disable colour output"},
	{"CI", "set by CI: integration tests fail instead of skipping when a tool is missing"},
}
