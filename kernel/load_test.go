package kernel

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func envMap(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

// TestConfigPrecedence: env > --config > project > user > defaults.
func TestConfigPrecedence(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name         string
		user, proj   string
		flagFile     string
		env          map[string]string
		wantProvider string
		wantModel    string
		wantAttempts int
		wantKeyEnv   string
	}{
		{name: "defaults", wantProvider: "guided", wantModel: "qwen2.5:7b", wantAttempts: 3, wantKeyEnv: "OPENAI_API_KEY"},
		{name: "user over defaults", user: "provider = \"ollama\"\n[agent]\nmax_attempts = 4\n",
			wantProvider: "ollama", wantModel: "qwen2.5:7b", wantAttempts: 4, wantKeyEnv: "OPENAI_API_KEY"},
		{name: "project over user", user: "provider = \"ollama\"\n[agent]\nmax_attempts = 4\n",
			proj:         "provider = \"openai\"\n[providers.ollama]\nmodel = \"llama3.2\"\n",
			wantProvider: "openai", wantModel: "llama3.2", wantAttempts: 4, wantKeyEnv: "OPENAI_API_KEY"},
		{name: "flag file over project", proj: "provider = \"openai\"\n",
			flagFile:     "provider = \"gemini\"\n[providers.openai]\napi_key_env = \"MY_KEY\"\n",
			wantProvider: "gemini", wantModel: "qwen2.5:7b", wantAttempts: 3, wantKeyEnv: "MY_KEY"},
		{name: "env over everything", proj: "provider = \"openai\"\n[agent]\nmax_attempts = 2\n",
			flagFile:     "provider = \"gemini\"\n",
			env:          map[string]string{"DATAENG_PROVIDER": "ollama", "DATAENG_MAX_ATTEMPTS": "7"},
			wantProvider: "ollama", wantModel: "qwen2.5:7b", wantAttempts: 7, wantKeyEnv: "OPENAI_API_KEY"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			user := filepath.Join(dir, "user")
			proj := filepath.Join(dir, "proj")
			writeFile(t, filepath.Join(proj, ConfigFileName), tt.proj)
			if tt.user != "" {
				writeFile(t, filepath.Join(user, "config.toml"), tt.user)
			}
			opts := LoadOptions{Dir: filepath.Join(proj), UserConfigDir: user, Getenv: envMap(tt.env)}
			if tt.flagFile != "" {
				opts.ConfigFile = filepath.Join(dir, "flag.toml")
				writeFile(t, opts.ConfigFile, tt.flagFile)
			}
			p, err := Load(opts)
			if err != nil {
				t.Fatal(err)
			}
			if p.Config.Provider != tt.wantProvider {
				t.Errorf("provider = %q, want %q", p.Config.Provider, tt.wantProvider)
			}
			if got := p.Config.Providers["ollama"].Model; got != tt.wantModel {
				t.Errorf("ollama model = %q, want %q", got, tt.wantModel)
			}
			if got := p.Config.Providers["openai"].Stream; got != nil {
				t.Errorf("openai stream = %v, want unset (streaming) unless configured", *got)
			}
			if got := p.Config.Providers["ollama"].NumCtx; got != 8192 {
				t.Errorf("ollama num_ctx = %d, want the default 8192 kept by the field merge", got)
			}
			if p.Config.Agent.MaxAttempts != tt.wantAttempts {
				t.Errorf("max_attempts = %d, want %d", p.Config.Agent.MaxAttempts, tt.wantAttempts)
			}
			if got := p.Config.Providers["openai"].APIKeyEnv; got != tt.wantKeyEnv {
				t.Errorf("openai api_key_env = %q, want %q", got, tt.wantKeyEnv)
			}
		})
	}
}

func TestFindRootWalksUp(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ConfigFileName), "")
	deep := filepath.Join(dir, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	got, err := FindRoot(deep)
	if err != nil || got != dir {
		t.Fatalf("FindRoot = %q, %v; want %q", got, err, dir)
	}
	none, err := FindRoot(t.TempDir())
	if err != nil || none != "" {
		t.Fatalf("FindRoot outside a project = %q, %v; want empty", none, err)
	}
}

// TestLayeredFiles: embedded, then user, then project; the later one wins
// and every file is recorded with its layer.
func TestLayeredFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	user, proj := filepath.Join(dir, "user"), filepath.Join(dir, "proj")
	writeFile(t, filepath.Join(proj, ConfigFileName), "")
	writeFile(t, filepath.Join(user, KernelFile), "user kernel")
	writeFile(t, filepath.Join(user, CanvasTemplate), "user canvas")
	writeFile(t, filepath.Join(proj, CanvasTemplate), "project canvas")
	writeFile(t, filepath.Join(proj, NamingFile), `{"version":1,"case":"snake_case","layers":{"marts":{"factPrefix":"fact_"}}}`)
	p, err := Load(LoadOptions{Dir: proj, UserConfigDir: user})
	if err != nil {
		t.Fatal(err)
	}
	if p.Kernel != "user kernel" {
		t.Errorf("kernel = %q, want the user's", p.Kernel)
	}
	if p.Templates.Canvas != "project canvas" {
		t.Errorf("canvas = %q, want the project's", p.Templates.Canvas)
	}
	if p.Rules.Naming.Layers.Marts.FactPrefix != "fact_" {
		t.Errorf("fact prefix = %q, want the project's fact_", p.Rules.Naming.Layers.Marts.FactPrefix)
	}
	if !strings.Contains(p.Templates.Contract, "apiVersion: v3.1.0") {
		t.Errorf("contract template should fall back to the embedded default")
	}
	layers := map[string]string{}
	for _, f := range p.Files {
		layers[f.Kind+":"+filepath.Base(f.Path)] = f.Layer
	}
	for key, want := range map[string]string{"kernel:" + KernelFile: "user", "template:canvas.md": "project", "naming:naming.json": "project", "policy:policy.json": "embedded"} {
		if layers[key] != want {
			t.Errorf("layer of %s = %q, want %q (files: %+v)", key, layers[key], want, p.Files)
		}
	}
}

// TestBadGovernanceFiles: broken governance and config files give an error
// naming the file and line.
func TestBadGovernanceFiles(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, rel, data, want string
	}{
		{"naming syntax", NamingFile, "{\n  \"version\": 1,\n  \"case\": \"snake_case\",,\n}", "naming.json:3: invalid JSON"},
		{"naming unknown key", NamingFile, "{\n  \"version\": 1,\n  \"casing\": \"snake\"\n}", `naming.json:3: unknown key "casing"`},
		{"naming wrong type", NamingFile, "{\n  \"version\": \"one\"\n}", "naming.json:2: version must be int"},
		{"policy bad severity", PolicyFile, "{\n  \"rules\": {\n    \"gov-naming-property\": \"loud\"\n  }\n}", `policy.json:3: rule "gov-naming-property": severity "loud"`},
		{"config unknown key", ConfigFileName, "provider = \"guided\"\n\n[agent]\nmax_atempts = 3\n", `dataeng-os.toml:4: unknown key "agent.max_atempts"`},
		{"config bad toml", ConfigFileName, "provider = \"guided\"\nmodel = \n", "dataeng-os.toml:2: invalid TOML"},
		{"config bad type", ConfigFileName, "[providers.x]\ntype = \"bard\"\n", `providers.x: type "bard"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			proj := t.TempDir()
			if tt.rel != ConfigFileName {
				writeFile(t, filepath.Join(proj, ConfigFileName), "")
			}
			writeFile(t, filepath.Join(proj, tt.rel), tt.data)
			_, err := Load(LoadOptions{Dir: proj, UserConfigDir: filepath.Join(proj, "nouser")})
			if err == nil {
				t.Fatalf("Load succeeded; want an error containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %q; want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestEnvBadNumber(t *testing.T) {
	t.Parallel()
	_, err := Load(LoadOptions{Dir: t.TempDir(), NoProject: true, Getenv: envMap(map[string]string{"DATAENG_MAX_ATTEMPTS": "many"})})
	if err == nil || !strings.Contains(err.Error(), "DATAENG_MAX_ATTEMPTS") {
		t.Fatalf("err = %v; want one naming DATAENG_MAX_ATTEMPTS", err)
	}
}
