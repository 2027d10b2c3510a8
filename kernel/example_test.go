package kernel

import (
	"os"
	"path/filepath"
	"testing"
)

// TestConfigExampleLoads keeps config.example.toml honest: it must parse with
// no unknown keys and pass the config checks.
func TestConfigExampleLoads(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("..", "config.example.toml"))
	if err != nil {
		t.Fatal(err)
	}
	c := Defaults()
	if err := mergeTOML(&c, "config.example.toml", data); err != nil {
		t.Fatal(err)
	}
	if err := c.Check(); err != nil {
		t.Fatal(err)
	}
	if st := c.Providers["local"].Stream; st == nil || !*st {
		t.Fatalf("local.stream not decoded: %v", st)
	}
	if c.Providers["local"].BaseURL == "" || c.Prices["gpt-4o-mini"].InputPerMTok == 0 {
		t.Fatalf("example profiles not decoded: %+v", c)
	}
}
