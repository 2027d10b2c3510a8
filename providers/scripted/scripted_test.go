package scripted

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/providers"
)

func user(s string) providers.Request {
	return providers.Request{System: "sys", Messages: []providers.Message{{Role: providers.RoleUser, Content: s}}}
}

func TestSequentialTurnsAndParts(t *testing.T) {
	t.Parallel()
	c := New(Turn{Text: "hello big world", Usage: &providers.Usage{InputTokens: 7, OutputTokens: 3}}, Turn{Text: "second"})
	var parts []providers.Part
	resp, err := c.Stream(context.Background(), user("hi"), func(p providers.Part) { parts = append(parts, p) })
	if err != nil {
		t.Fatal(err)
	}
	if resp.Text != "hello big world" || resp.Usage.Total() != 10 || resp.FinishReason != "stop" || resp.Model != "scripted" {
		t.Fatalf("resp = %+v", resp)
	}
	var texts []string
	for _, p := range parts[:len(parts)-2] {
		if p.Kind != providers.PartText {
			t.Fatalf("part %+v before usage/finish", p)
		}
		texts = append(texts, p.Text)
	}
	if got := strings.Join(texts, "|"); got != "hello |big |world" {
		t.Fatalf("chunks = %q", got)
	}
	if parts[len(parts)-2].Kind != providers.PartUsage || parts[len(parts)-1].Kind != providers.PartFinish {
		t.Fatalf("tail parts = %+v", parts[len(parts)-2:])
	}
	resp, err = c.Stream(context.Background(), user("again"), nil)
	if err != nil || resp.Text != "second" {
		t.Fatalf("second = %q, %v", resp.Text, err)
	}
	if resp.Usage.InputTokens == 0 || resp.Usage.OutputTokens != providers.EstimateTokens("second") {
		t.Fatalf("estimated usage = %+v", resp.Usage)
	}
	_, err = c.Stream(context.Background(), user("third"), nil)
	if !errors.Is(err, ErrExhausted) || providers.KindOf(err) != providers.KindBadRequest {
		t.Fatalf("exhausted err = %v", err)
	}
	reqs := c.Requests()
	if len(reqs) != 3 || reqs[1].Messages[0].Content != "again" || c.Calls() != 3 {
		t.Fatalf("requests = %+v", reqs)
	}
}

func TestChunks(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		size int
		want string
	}{
		{"a b  c\n", 0, "a |b  |c\n"},
		{"  lead", 0, "  |lead"},
		{"héllo", 2, "hé|ll|o"},
		{"one part", -1, "one part"},
		{"", 0, ""},
	}
	for _, tc := range cases {
		if got := strings.Join(Chunks(tc.in, tc.size), "|"); got != tc.want {
			t.Errorf("Chunks(%q, %d) = %q, want %q", tc.in, tc.size, got, tc.want)
		}
	}
}

func TestFaults(t *testing.T) {
	t.Parallel()
	c := New(
		Turn{Err: &Fault{Kind: providers.KindRateLimit, Status: 429, RetryAfter: 2 * time.Second}},
		Turn{Text: "one two three four", Err: &Fault{Kind: providers.KindNetwork, AfterChunks: 2}},
	)
	_, err := c.Stream(context.Background(), user("x"), nil)
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Kind != providers.KindRateLimit || pe.Status != 429 || pe.RetryAfter != 2*time.Second || !pe.Retryable() {
		t.Fatalf("err = %#v", err)
	}
	resp, err := c.Stream(context.Background(), user("x"), nil)
	var si *providers.StreamInterruptedError
	if !errors.As(err, &si) || si.Partial != "one two " || resp.Text != "one two " {
		t.Fatalf("interrupted = %v, resp %q", err, resp.Text)
	}
	if providers.IsRetryable(err) != true || providers.KindOf(err) != providers.KindNetwork {
		// the cause stays inspectable; the resilience layer refuses to retry
		// because the error is a StreamInterruptedError.
		t.Fatalf("cause kind = %v", providers.KindOf(err))
	}
}

func TestMatchConcurrent(t *testing.T) {
	t.Parallel()
	var turns []Turn
	for i := range 20 {
		turns = append(turns, Turn{Match: fmt.Sprintf("note-%02d", i), Text: fmt.Sprintf("answer %d", i), ChunkSize: 3})
	}
	turns = append(turns, Turn{Text: "fallback", Repeat: true})
	c := New(turns...)
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := c.Stream(context.Background(), user(fmt.Sprintf("please draft note-%02d now", i)), nil)
			if err != nil || resp.Text != fmt.Sprintf("answer %d", i) {
				errs <- fmt.Errorf("note %d: %q %v", i, resp.Text, err)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for range 2 {
		if resp, err := c.Stream(context.Background(), user("other"), nil); err != nil || resp.Text != "fallback" {
			t.Fatalf("fallback = %q %v", resp.Text, err)
		}
	}
	if c.Remaining() != 0 {
		t.Fatalf("remaining = %d", c.Remaining())
	}
}

func TestCancelDuringDelay(t *testing.T) {
	t.Parallel()
	c := New(Turn{Text: "late", Delay: time.Hour})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	start := time.Now()
	go func() { _, err := c.Stream(ctx, user("x"), nil); done <- err }()
	cancel()
	select {
	case err := <-done:
		if providers.KindOf(err) != providers.KindCanceled {
			t.Fatalf("err = %v", err)
		}
		t.Logf("returned %v after cancel", time.Since(start))
	case <-time.After(2 * time.Second):
		t.Fatal("stream did not stop after cancel")
	}
}

func TestLoad(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "answer.md"), []byte("# Canvas\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	script := `model: demo
turns:
  - file: answer.md
    usage: {input: 5, output: 6}
  - text: boom
    error: {kind: server, status: 503, retry_after: 1s}
`
	p := filepath.Join(dir, "s.yaml")
	if err := os.WriteFile(p, []byte(script), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := c.Stream(context.Background(), user("x"), nil)
	if err != nil || resp.Text != "# Canvas\n" || resp.Usage.InputTokens != 5 || resp.Model != "demo" {
		t.Fatalf("resp = %+v, %v", resp, err)
	}
	_, err = c.Stream(context.Background(), user("x"), nil)
	var pe *providers.Error
	if !errors.As(err, &pe) || pe.Kind != providers.KindServer || pe.RetryAfter != time.Second {
		t.Fatalf("err = %v", err)
	}
	// JSON is YAML too.
	if _, turns, err := Parse([]byte(`[{"text":"a"},{"text":"b","chunk_size":1}]`), dir); err != nil || len(turns) != 2 || turns[1].ChunkSize != 1 {
		t.Fatalf("json parse = %+v %v", turns, err)
	}
}

func TestParseErrorsNameLine(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"turns:\n  - text: a\n  - text: b\n    delay: soon\n": "line 4: turn 2: delay",
		"- text: a\n  error: {kind: exploded}\n":              "line 2: turn 1: error.kind",
		"turns:\n  - text: [unclosed\n":                       "yaml: line",
		"just a string\n":                                     "line 1",
		"- file: missing.md\n":                                "turn 1",
	}
	for in, want := range cases {
		_, _, err := Parse([]byte(in), t.TempDir())
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Parse(%q) err = %v, want %q", in, err, want)
		}
	}
}
