// Package testenv helps integration tests find the real tools they drive
// (dbt, Chromium, Ollama). When a tool is missing a test skips locally but
// fails in CI (CI=true): CI must never pass without running it.
package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// InCI reports whether tests run under CI (CI=true or CI=1).
func InCI() bool {
	v := os.Getenv("CI")
	return v == "true" || v == "1"
}

// Missing reports a missing tool: Fatal in CI, Skip elsewhere.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if InCI() {
		t.Fatalf("CI=true and a required tool is missing: "+format+" (run: bash scripts/test.sh)", args...)
	}
	t.Skipf("tool missing, skipping outside CI: "+format, args...)
}

// RepoRoot returns the module root (the directory holding go.mod).
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// ToolsDir is the git-ignored cache of test tools (.tools/ at the root).
func ToolsDir() string { return filepath.Join(RepoRoot(), ".tools") }

// Lookup finds a tool: the env var (if set), then candidates under .tools,
// then $PATH. It returns "" when none exists.
func Lookup(envVar string, toolsRel []string, pathNames ...string) string {
	if envVar != "" {
		if v := os.Getenv(envVar); v != "" {
			if _, err := os.Stat(v); err == nil {
				return v
			}
		}
	}
	for _, rel := range toolsRel {
		p := filepath.Join(ToolsDir(), rel)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
	}
	for _, n := range pathNames {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// Require is Lookup that calls Missing when the tool is not found.
func Require(t testing.TB, what, envVar string, toolsRel []string, pathNames ...string) string {
	t.Helper()
	p := Lookup(envVar, toolsRel, pathNames...)
	if p == "" {
		Missing(t, "%s (set %s or install it under .tools/)", what, envVar)
	}
	return p
}
