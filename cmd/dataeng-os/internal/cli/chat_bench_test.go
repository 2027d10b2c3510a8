package cli

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/internal/testenv"
)

// BenchmarkChatColdStart: a fresh `dataeng-os chat` process (guided mode,
// a new session journal) until its first question is on stdout. Target:
// < 100 ms. The figure is in bench/README.md.
func BenchmarkChatColdStart(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "dataeng-os")
	build := exec.Command("go", "build", "-o", bin, "./cmd/dataeng-os")
	build.Dir = testenv.RepoRoot()
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	proj := filepath.Join(dir, "proj")
	if out, err := exec.Command(bin, "init", proj).CombinedOutput(); err != nil {
		b.Fatalf("init: %v\n%s", err, out)
	}
	var worst time.Duration
	b.ResetTimer()
	for range b.N {
		if d := firstPrompt(b, bin, proj); d > worst {
			worst = d
		}
	}
	b.ReportMetric(float64(worst.Microseconds())/1000, "worst-ms")
}

// firstPrompt starts chat and returns how long the first question took.
func firstPrompt(b *testing.B, bin, proj string) time.Duration {
	cmd := exec.Command(bin, "chat")
	cmd.Dir = proj
	cmd.Env = append(os.Environ(), "HOME="+proj)
	in, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() && !strings.HasPrefix(sc.Text(), "architect> ") {
	}
	d := time.Since(start)
	_ = in.Close()
	for sc.Scan() {
	}
	if err := cmd.Wait(); err != nil {
		b.Fatal(err)
	}
	return d
}
