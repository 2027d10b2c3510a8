package ollamatest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// Options configures Start.
type Options struct {
	Bin       string   // the ollama binary (required)
	Dir       string   // scratch directory: HOME lives here (required)
	ModelsDir string   // OLLAMA_MODELS; "" = Dir/models
	Env       []string // extra environment, e.g. OLLAMA_DEBUG=1
	Ready     time.Duration
}

// Server is a running `ollama serve` on a loopback port.
type Server struct {
	Bin       string
	Host      string // 127.0.0.1:port, for OLLAMA_HOST
	URL       string // http://127.0.0.1:port
	ModelsDir string
	Home      string

	cmd  *exec.Cmd
	log  *syncBuffer
	done chan struct{}
	err  error // the process's exit, once done is closed
}

// Start runs `ollama serve` with a private HOME and models directory on a
// free loopback port and waits until it answers /api/version.
func Start(ctx context.Context, opts Options) (*Server, error) {
	if opts.Bin == "" || opts.Dir == "" {
		return nil, errors.New("ollamatest: Options.Bin and Options.Dir are required")
	}
	if opts.ModelsDir == "" {
		opts.ModelsDir = filepath.Join(opts.Dir, "models")
	}
	if opts.Ready == 0 {
		opts.Ready = 60 * time.Second
	}
	home := filepath.Join(opts.Dir, "home")
	for _, d := range []string{home, opts.ModelsDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, fmt.Errorf("ollamatest: %w", err)
		}
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	s := &Server{Bin: opts.Bin, Host: fmt.Sprintf("127.0.0.1:%d", port), ModelsDir: opts.ModelsDir,
		Home: home, log: &syncBuffer{}, done: make(chan struct{})}
	s.URL = "http://" + s.Host
	s.cmd = exec.Command(opts.Bin, "serve")
	s.cmd.Env = append(baseEnv(home), "OLLAMA_HOST="+s.Host, "OLLAMA_MODELS="+opts.ModelsDir,
		"OLLAMA_NOPRUNE=1", "OLLAMA_NUM_PARALLEL=1", "OLLAMA_MAX_LOADED_MODELS=2",
		"OLLAMA_KEEP_ALIVE=10m")
	s.cmd.Env = append(s.cmd.Env, opts.Env...)
	logFile, err := os.Create(filepath.Join(opts.Dir, "serve.log"))
	if err != nil {
		return nil, fmt.Errorf("ollamatest: %w", err)
	}
	s.log.file = logFile
	s.cmd.Stdout, s.cmd.Stderr = s.log, s.log
	// A process group of its own, so the runner children die with it; and
	// the server dies if the test binary does.
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := s.cmd.Start(); err != nil {
		return nil, fmt.Errorf("ollamatest: start %s serve: %w", opts.Bin, err)
	}
	// The pid is the group id: a later run reaps the group if this one dies
	// before Stop (see ReapStale).
	_ = os.WriteFile(filepath.Join(opts.Dir, pgidFile), fmt.Appendf(nil, "%d %d", s.cmd.Process.Pid, os.Getpid()), 0o644)
	go func() { s.err = s.cmd.Wait(); logFile.Close(); close(s.done) }()
	if err := s.waitReady(ctx, opts.Ready); err != nil {
		s.Kill()
		return nil, err
	}
	return s, nil
}

// baseEnv is a minimal environment: PATH plus a private HOME, so no user
// configuration or key leaks into the engine.
func baseEnv(home string) []string {
	return []string{"PATH=" + os.Getenv("PATH"), "HOME=" + home, "TMPDIR=" + os.TempDir()}
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("ollamatest: free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func (s *Server) waitReady(ctx context.Context, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		if _, err := s.Version(ctx); err == nil {
			return nil
		}
		select {
		case <-s.done:
			return fmt.Errorf("ollamatest: ollama serve exited early (%v); log:\n%s", s.err, s.Log())
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("ollamatest: ollama serve not ready after %s; log:\n%s", limit, s.Log())
		}
	}
}

const pgidFile = "serve.pgid"

// ReapStale kills the process groups of servers under dir whose test
// process is gone without stopping them (a test binary killed by a timeout
// leaves `ollama runner` children behind). Servers of live test processes
// and groups with no ollama process are left alone.
func ReapStale(dir string) {
	files, _ := filepath.Glob(filepath.Join(dir, "*", pgidFile))
	for _, f := range files {
		b, err := os.ReadFile(f)
		var pgid, owner int
		if err != nil {
			continue
		}
		if n, _ := fmt.Sscanf(string(b), "%d %d", &pgid, &owner); n != 2 || pgid <= 1 || owner <= 1 {
			continue
		}
		if syscall.Kill(owner, 0) == nil {
			continue // its test process still runs
		}
		if groupIsOllama(pgid) {
			_ = syscall.Kill(-pgid, syscall.SIGKILL)
		}
		os.Remove(f)
	}
}

// groupIsOllama reports whether some live process in group pgid runs ollama.
func groupIsOllama(pgid int) bool {
	procs, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, st := range procs {
		data, err := os.ReadFile(st)
		if err != nil {
			continue
		}
		// stat: pid (comm) state ppid pgrp ...
		i := bytes.LastIndexByte(data, ')')
		if i < 0 {
			continue
		}
		fields := bytes.Fields(data[i+1:])
		if len(fields) < 3 || string(fields[2]) != strconv.Itoa(pgid) {
			continue
		}
		if bytes.Contains(data[:i], []byte("ollama")) {
			return true
		}
	}
	return false
}

// Version asks the server for its version.
func (s *Server) Version(ctx context.Context) (string, error) {
	var v struct {
		Version string `json:"version"`
	}
	err := s.getJSON(ctx, "/api/version", &v)
	return v.Version, err
}

func (s *Server) getJSON(ctx context.Context, path string, v any) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.URL+path, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", path, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}

// Env is the environment a client of this server needs (OLLAMA_HOST).
func (s *Server) Env() []string { return []string{"OLLAMA_HOST=" + s.Host} }

// Log returns everything the server wrote so far.
func (s *Server) Log() string { return s.log.String() }

// Done is closed when the server process has exited.
func (s *Server) Done() <-chan struct{} { return s.done }

// Kill ends the server and its runners at once (SIGKILL to the group), as a
// crash would, and waits for the process to be reaped.
func (s *Server) Kill() {
	_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
	<-s.done
}

// Stop asks the server to shut down (SIGTERM) and kills it after a grace
// period.
func (s *Server) Stop() {
	_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGTERM)
	select {
	case <-s.done:
		// The runners share the group; make sure none survives.
		_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
	case <-time.After(5 * time.Second):
		s.Kill()
	}
}

// syncBuffer is a goroutine-safe log sink that also tees to a file
// (Dir/serve.log), so a slow run can be watched from outside.
type syncBuffer struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	file *os.File
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.file != nil {
		_, _ = b.file.Write(p)
	}
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
