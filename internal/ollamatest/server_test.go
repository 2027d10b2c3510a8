package ollamatest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestReapStale: a server whose test process is gone is killed with its
// group; a server whose owner lives is left alone.
func TestReapStale(t *testing.T) {
	shared := fx.Server(t)
	root := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	orphan, err := Start(ctx, Options{Bin: shared.Bin, Dir: filepath.Join(root, "orphan")})
	if err != nil {
		t.Fatal(err)
	}
	defer orphan.Kill()
	live, err := Start(ctx, Options{Bin: shared.Bin, Dir: filepath.Join(root, "live")})
	if err != nil {
		t.Fatal(err)
	}
	defer live.Kill()
	// Pretend the orphan's test process died: no process has pid 2^22+1.
	dead := fmt.Sprintf("%d %d", orphan.cmd.Process.Pid, 1<<22+1)
	if err := os.WriteFile(filepath.Join(root, "orphan", pgidFile), []byte(dead), 0o644); err != nil {
		t.Fatal(err)
	}
	ReapStale(root)
	select {
	case <-orphan.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("orphaned server still running after ReapStale")
	}
	if _, err := live.Version(ctx); err != nil {
		t.Errorf("live server hurt by ReapStale: %v", err)
	}
	if syscall.Kill(-orphan.cmd.Process.Pid, 0) == nil {
		t.Error("a process of the orphan's group survived")
	}
}
