package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/internal/ollamatest"
	"github.com/dataeng-os/dataeng-os/internal/testenv"
)

var cli struct {
	once sync.Once
	path string
	err  error
}

// buildCLI builds the real dataeng-os binary once per test run.
func buildCLI(t *testing.T) string {
	t.Helper()
	cli.once.Do(func() {
		cli.path = filepath.Join(fx.Dir(), "dataeng-os")
		cmd := exec.Command("go", "build", "-o", cli.path, "./cmd/dataeng-os")
		cmd.Dir = testenv.RepoRoot()
		if out, err := cmd.CombinedOutput(); err != nil {
			cli.err = fmt.Errorf("go build ./cmd/dataeng-os: %v\n%s", err, out)
		}
	})
	if cli.err != nil {
		t.Fatal(cli.err)
	}
	return cli.path
}

// project is a temp DataEngOS project whose default provider is the real
// Ollama server with SmolLM2.
type project struct {
	dir string
	env []string
	srv *ollamatest.Server
}

func newProject(t *testing.T, maxAttempts int) *project {
	t.Helper()
	srv, model := fx.Smol(t)
	ollamatest.DumpLogOnFailure(t, srv)
	dir := t.TempDir()
	toml := fmt.Sprintf(`provider = "ollama"

[providers.ollama]
type = "ollama"
model = %q
base_url = %q
num_ctx = %d
timeout = "600s"

[agent]
max_attempts = %d
token_budget = 60000
max_output_tokens = 256
`, model, srv.URL, smolCtx, maxAttempts)
	if err := os.WriteFile(filepath.Join(dir, "dataeng-os.toml"), []byte(toml), 0o644); err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	env := []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"NO_COLOR=1", "LANG=C.UTF-8", "OLLAMA_HOST=" + srv.Host}
	return &project{dir: dir, env: env, srv: srv}
}

// result is one run of the binary.
type result struct {
	stdout, stderr string
	code           int
	elapsed        time.Duration
}

// run executes the binary in the project; a run past the limit is killed
// and fails the test as a hang.
func (p *project) run(t *testing.T, limit time.Duration, stdin string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, buildCLI(t), args...)
	cmd.Dir, cmd.Env = p.dir, p.env
	cmd.Stdin = strings.NewReader(stdin)
	cmd.WaitDelay = 5 * time.Second
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String(), elapsed: time.Since(start)}
	var ee *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("dataeng-os %s: still running after %s (hang)\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), limit, r.stdout, r.stderr)
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	case err != nil:
		t.Fatalf("dataeng-os %s: %v", strings.Join(args, " "), err)
	}
	if strings.Contains(r.stderr, "panic:") || strings.Contains(r.stderr, "goroutine ") {
		t.Errorf("dataeng-os %s crashed:\n%s", strings.Join(args, " "), r.stderr)
	}
	return r
}

// TestCLIDoctorSeesOllama: doctor reports the real server's version and models.
func TestCLIDoctorSeesOllama(t *testing.T) {
	p := newProject(t, 1)
	r := p.run(t, 2*time.Minute, "", "doctor")
	all := r.stdout + r.stderr
	if r.code == 2 || !strings.Contains(all, "0.6.5") || !strings.Contains(all, "smollm2") {
		t.Errorf("doctor (exit %d) does not report ollama 0.6.5 with smollm2:\n%s", r.code, all)
	}
}

// draftReport is the part of `draft --json` this test reads.
type draftReport struct {
	Summary struct {
		Notes, Passed, Drafts, Failed int
	} `json:"summary"`
	Notes []struct {
		Name     string `json:"name"`
		Status   string `json:"status"`
		Attempts int    `json:"attempts"`
		Calls    int    `json:"calls"`
		Tokens   struct {
			InputTokens  int `json:"inputTokens"`
			OutputTokens int `json:"outputTokens"`
		} `json:"tokens"`
		Findings int    `json:"findings"`
		Error    string `json:"error"`
		Outputs  []struct {
			Kind string `json:"kind"`
			Path string `json:"path"`
		} `json:"outputs"`
	} `json:"notes"`
}

// TestCLIDraftSmolLM2 drafts a shared note through the real binary.
func TestCLIDraftSmolLM2(t *testing.T) {
	const attempts = 1
	p := newProject(t, attempts)
	note := filepath.Join(p.dir, "notes", "checkout_orders.md")
	os.MkdirAll(filepath.Dir(note), 0o755)
	if err := os.WriteFile(note, []byte(readNote(t, "01-checkout-orders.md")), 0o644); err != nil {
		t.Fatal(err)
	}
	before := len(p.srv.Log())
	r := p.run(t, time.Duration(attempts+1)*guard, "", "draft", "--provider", "ollama", "--json", "-j", "1", "notes")
	var rep draftReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || len(rep.Notes) != 1 {
		t.Fatalf("draft exit %d: no JSON report with one note (%v)\nstdout:\n%s\nstderr:\n%s", r.code, err, r.stdout, r.stderr)
	}
	n := rep.Notes[0]
	t.Logf("smollm2 via `dataeng-os draft`: status %s, attempts %d, calls %d, tokens %d in + %d out, %d findings, %.1fs, exit %d",
		n.Status, n.Attempts, n.Calls, n.Tokens.InputTokens, n.Tokens.OutputTokens, n.Findings, r.elapsed.Seconds(), r.code)
	if n.Status != "passed" && n.Status != "draft" {
		t.Fatalf("status %q (%s): want passed, or a draft with open findings\nstderr:\n%s", n.Status, n.Error, r.stderr)
	}
	if want := map[string]int{"passed": 0, "draft": 1}[n.Status]; r.code != want {
		t.Errorf("exit %d for a %s note, want %d", r.code, n.Status, want)
	}
	if n.Attempts < 1 || n.Attempts > attempts || n.Calls < n.Attempts || n.Tokens.InputTokens <= 0 || n.Tokens.OutputTokens <= 0 {
		t.Errorf("attempts %d (max %d), calls %d, tokens %+v", n.Attempts, attempts, n.Calls, n.Tokens)
	}
	if got := len(ollamatest.ChatPrompts(p.srv.Log()[before:])); got != n.Calls {
		t.Errorf("the engine saw %d chat requests, the report counts %d calls", got, n.Calls)
	}
	checkOutputsHonest(t, p, n.Status, n.Findings, n.Outputs)
}

// checkOutputsHonest: the files exist, and the validator agrees with the
// reported status: a passed contract validates; a draft has findings, and
// when the model produced no usable contract at all, the findings file
// says why.
func checkOutputsHonest(t *testing.T, p *project, status string, findings int, outputs []struct {
	Kind string `json:"kind"`
	Path string `json:"path"`
}) {
	t.Helper()
	var contractPath, findingsPath string
	for _, o := range outputs {
		data, err := os.ReadFile(filepath.Join(p.dir, o.Path))
		if err != nil || len(data) == 0 {
			t.Errorf("output %s (%s) missing or empty: %v", o.Path, o.Kind, err)
		}
		switch {
		case strings.HasSuffix(o.Path, ".odcs.yaml"):
			contractPath = o.Path
		case o.Kind == "findings":
			findingsPath = o.Path
		}
	}
	if status == "draft" && (findings == 0 || findingsPath == "") {
		t.Errorf("a draft reported with %d findings and findings file %q", findings, findingsPath)
	}
	if contractPath == "" {
		if status == "passed" {
			t.Errorf("passed, but no contract among the outputs %+v", outputs)
		}
		return
	}
	v := p.run(t, time.Minute, "", "validate", contractPath)
	if status == "passed" && v.code != 0 {
		t.Errorf("reported passed, but validate %s exits %d:\n%s", contractPath, v.code, v.stdout+v.stderr)
	}
}
