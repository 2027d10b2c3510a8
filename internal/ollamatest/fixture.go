package ollamatest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/internal/testenv"
)

// SmolGGUFName and GemmaGGUFName are the files scripts/setup-ollama.sh
// puts under .tools/models.
const (
	SmolGGUFName  = "SmolLM2-135M-Instruct.Q4_1.gguf"
	GemmaGGUFName = "gemma-3-270m-q4_k_m.gguf"
)

// Fixture shares one real `ollama serve` between the tests of a package:
// started on first use, with models registered once, lazily. Create it in
// TestMain and Close it after m.Run.
type Fixture struct {
	dir       string
	bin       string
	smolGGUF  string
	gemmaGGUF string

	srvOnce sync.Once
	srv     *Server
	srvErr  error

	tinyOnce    sync.Once
	tinyErr     error
	smol, gemma registration
}

// NewFixture finds the tools: the ollama binary (DATAENG_OLLAMA_BIN,
// .tools/bin/ollama, $PATH) and the SmolLM2 GGUF (DATAENG_SMOLLM2_GGUF,
// .tools/models/). Nothing starts until a test asks.
func NewFixture() (*Fixture, error) {
	reapStaleFixtures()
	dir, err := os.MkdirTemp("", "ollamatest-")
	if err != nil {
		return nil, err
	}
	return &Fixture{
		dir:       dir,
		bin:       testenv.Lookup("DATAENG_OLLAMA_BIN", []string{"bin/ollama"}, "ollama"),
		smolGGUF:  testenv.Lookup("DATAENG_SMOLLM2_GGUF", []string{filepath.Join("models", SmolGGUFName)}),
		gemmaGGUF: testenv.Lookup("DATAENG_GEMMA_GGUF", []string{filepath.Join("models", GemmaGGUFName)}),
	}, nil
}

// reapStaleFixtures stops servers that killed test runs left behind, and
// removes fixture directories older than a day.
func reapStaleFixtures() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), "ollamatest-*"))
	for _, d := range dirs {
		ReapStale(d)
		if st, err := os.Stat(d); err == nil && time.Since(st.ModTime()) > 24*time.Hour {
			os.RemoveAll(d)
		}
	}
}

// Close stops the server and removes the scratch directory.
func (f *Fixture) Close() {
	if f.srv != nil {
		f.srv.Stop()
	}
	os.RemoveAll(f.dir)
}

// Dir is the fixture's scratch directory.
func (f *Fixture) Dir() string { return f.dir }

// Server returns the shared server, starting it on first use. A missing
// binary skips the test, or fails it in CI.
func (f *Fixture) Server(t testing.TB) *Server {
	t.Helper()
	if f.bin == "" {
		testenv.Missing(t, "ollama v0.6.5 (bash scripts/setup-ollama.sh builds .tools/bin/ollama; or set DATAENG_OLLAMA_BIN)")
	}
	f.srvOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		// OLLAMA_DEBUG=1 logs each chat prompt: tests read what the engine received.
		f.srv, f.srvErr = Start(ctx, Options{Bin: f.bin, Dir: filepath.Join(f.dir, "shared"), Env: []string{"OLLAMA_DEBUG=1"}})
	})
	if f.srvErr != nil {
		t.Fatalf("start ollama: %v", f.srvErr)
	}
	return f.srv
}

// Tiny registers the random-weight fallback model and returns its name.
func (f *Fixture) Tiny(t testing.TB) (*Server, string) {
	t.Helper()
	srv := f.Server(t)
	f.tinyOnce.Do(func() {
		path := filepath.Join(f.dir, "tiny.gguf")
		if f.tinyErr = DefaultTinyLlama.WriteFile(path); f.tinyErr != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		f.tinyErr = srv.Create(ctx, Tiny(path))
	})
	if f.tinyErr != nil {
		t.Fatalf("register tiny model: %v", f.tinyErr)
	}
	return srv, "tiny"
}

// Smol registers SmolLM2-135M-Instruct and returns its name. A missing
// GGUF skips the test, or fails it in CI.
func (f *Fixture) Smol(t testing.TB) (*Server, string) {
	t.Helper()
	return f.register(t, &f.smol, SmolLM2(f.smolGGUF), SmolGGUFName, "fetches", "DATAENG_SMOLLM2_GGUF")
}

// Gemma registers gemma-3-270m and returns its name. A missing GGUF skips
// the test, or fails it in CI.
func (f *Fixture) Gemma(t testing.TB) (*Server, string) {
	t.Helper()
	return f.register(t, &f.gemma, Gemma3(f.gemmaGGUF), GemmaGGUFName, "assembles", "DATAENG_GEMMA_GGUF")
}

// registration is one model's once-only `ollama create`.
type registration struct {
	once sync.Once
	err  error
}

// register creates m on the shared server once; file and env name where
// its GGUF comes from, for the message when it is missing.
func (f *Fixture) register(t testing.TB, r *registration, m Model, file, how, env string) (*Server, string) {
	t.Helper()
	srv := f.Server(t)
	if m.GGUF == "" {
		testenv.Missing(t, "%s (bash scripts/setup-ollama.sh %s it into .tools/models; or set %s)", file, how, env)
	}
	r.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 180*time.Second)
		defer cancel()
		r.err = srv.Create(ctx, m)
	})
	if r.err != nil {
		t.Fatalf("register %s: %v", m.Name, r.err)
	}
	return srv, m.Name
}

// SmolGGUF is the SmolLM2 GGUF's path ("" when missing).
func (f *Fixture) SmolGGUF() string { return f.smolGGUF }

// DumpLogOnFailure prints the server log's tail when t fails.
func DumpLogOnFailure(t testing.TB, srv *Server) {
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("ollama server log (tail):\n%s", tail(srv.Log(), 6000))
		}
	})
}

// CountLines counts the log lines holding all of the given substrings.
func CountLines(log string, subs ...string) int {
	n := 0
	for _, line := range strings.Split(log, "\n") {
		ok := true
		for _, s := range subs {
			ok = ok && strings.Contains(line, s)
		}
		if ok {
			n++
		}
	}
	return n
}

// ChatPrompts returns the prompts the server received for /api/chat, in
// order, as logged with OLLAMA_DEBUG=1 (escaped, one per line).
func ChatPrompts(log string) []string {
	var out []string
	for _, line := range strings.Split(log, "\n") {
		if strings.Contains(line, `msg="chat request"`) {
			out = append(out, line)
		}
	}
	return out
}
