package kernel

import (
	"strings"
	"testing"
)

// TestAgentStrategy: agent.strategy defaults to auto, takes full or assist,
// refuses anything else; a profile's assist flag merges field by field.
func TestAgentStrategy(t *testing.T) {
	t.Parallel()
	if d := Defaults(); d.Agent.Strategy != StrategyAuto || d.Check() != nil {
		t.Fatalf("default strategy %q", d.Agent.Strategy)
	}
	c := Defaults()
	if err := mergeTOML(&c, "c.toml", []byte("[agent]\nstrategy = \"assist\"\n[providers.ollama]\nassist = true\nkeep_alive = \"2h\"\n")); err != nil {
		t.Fatal(err)
	}
	if c.Agent.Strategy != StrategyAssist || c.Check() != nil {
		t.Fatalf("strategy %q", c.Agent.Strategy)
	}
	if p := c.Providers["ollama"]; !p.Assist || p.Model != "qwen2.5:7b" || p.NumCtx != 8192 || p.KeepAlive.Duration.Hours() != 2 {
		t.Fatalf("profile %+v: assist must merge over the defaults", p)
	}
	c.Agent.Strategy = "tiny"
	if err := c.Check(); err == nil || !strings.Contains(err.Error(), "agent.strategy") {
		t.Fatalf("err = %v", err)
	}
}
