package web

import (
	"bufio"
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

// fakeChat answers every message with a token stream, a contract draft
// and, when asked, an error that contains the API key.
type fakeChat struct {
	key  string
	emit func(any)
}

func startFake(key string) ChatStarter {
	return func(emit func(any)) (ChatSession, error) {
		emit(map[string]string{"type": "question", "text": "What data do you need?"})
		return fakeChat{key: key, emit: emit}, nil
	}
}

func (f fakeChat) Send(ctx context.Context, msg string) error {
	f.emit(map[string]string{"type": "user", "text": msg})
	f.emit(map[string]string{"type": "token", "text": "Hello "})
	f.emit(map[string]string{"type": "assistant", "text": "Hello, " + msg})
	f.emit(map[string]string{"type": "draft", "doc": "contract", "content": unclassifiedYAML})
	if strings.Contains(msg, "fail") {
		return errors.New("provider said: bad key " + f.key)
	}
	return nil
}

func TestChatSSE(t *testing.T) {
	t.Parallel()
	const key = "sk-test-SECRET-0123456789"
	ts := newTS(t, func(o *Options) {
		o.Secrets = []string{key}
		o.Chat = startFake(key)
	})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	r, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+"/api/chat/events", nil)
	res, err := ts.Client().Do(r)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	if code, body, _ := ts.req(t, "POST", "/api/chat", map[string]string{"message": "please fail"}, nil); code != 202 {
		t.Fatalf("send: %d %s", code, body)
	}
	var data []string
	sc := bufio.NewScanner(res.Body)
	for sc.Scan() {
		line := sc.Text()
		if d, ok := strings.CutPrefix(line, "data: "); ok {
			data = append(data, d)
			if strings.Contains(d, "turn_end") {
				break
			}
		}
	}
	all := strings.Join(data, "\n")
	for _, w := range []string{`"type":"question"`, `"type":"user"`, `"type":"token"`, `"type":"draft"`, `"type":"error"`, "[redacted]", `"type":"turn_end"`} {
		if !strings.Contains(all, w) {
			t.Errorf("stream lacks %s:\n%s", w, all)
		}
	}
	if strings.Contains(all, key) {
		t.Fatalf("the API key reached the browser:\n%s", all)
	}
	// A page that connects later gets the history replayed after its Last-Event-ID.
	r2, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+"/api/chat/events", nil)
	r2.Header.Set("Last-Event-ID", "3")
	res2, err := ts.Client().Do(r2)
	if err != nil {
		t.Fatal(err)
	}
	defer res2.Body.Close()
	sc2 := bufio.NewScanner(res2.Body)
	for sc2.Scan() {
		if strings.HasPrefix(sc2.Text(), "id: ") {
			if sc2.Text() != "id: 4" {
				t.Fatalf("replay starts at %q, want id: 4", sc2.Text())
			}
			break
		}
	}
}

func TestChatUnavailableAndChecks(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	if code, _, _ := ts.req(t, "POST", "/api/chat", map[string]string{"message": "hi"}, nil); code != 503 {
		t.Fatalf("no agent: %d", code)
	}
	ts2 := newTS(t, func(o *Options) {
		o.Chat = startFake("")
	})
	if code, _, _ := ts2.req(t, "POST", "/api/chat", map[string]string{"message": "hi"}, map[string]string{"Origin": "http://evil.example"}); code != 403 {
		t.Fatalf("cross-origin chat: %d", code)
	}
	if code, _, _ := ts2.req(t, "POST", "/api/chat", map[string]string{"message": ""}, nil); code != 400 {
		t.Fatalf("empty message: %d", code)
	}
	if code, _, _ := ts2.req(t, "POST", "/api/chat", `{"message":"`+strings.Repeat("a", 70<<10)+`"}`, nil); code != 413 {
		t.Fatalf("oversized message: %d", code)
	}
}

type draftingChat struct{ fakeChat }

func (d draftingChat) Draft(ctx context.Context) error {
	d.emit(map[string]string{"type": "draft", "doc": "contract", "content": "drafted-now"})
	return nil
}

// readTurn reads SSE data lines up to the next turn_end.
func readTurn(t *testing.T, sc *bufio.Scanner) string {
	t.Helper()
	var data []string
	for sc.Scan() {
		if d, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
			data = append(data, d)
			if strings.Contains(d, "turn_end") {
				return strings.Join(data, "\n")
			}
		}
	}
	t.Fatalf("stream ended: %v", sc.Err())
	return ""
}

func TestChatCommands(t *testing.T) {
	t.Parallel()
	ts := newTS(t, func(o *Options) {
		o.Chat = func(emit func(any)) (ChatSession, error) {
			return draftingChat{fakeChat{emit: emit}}, nil
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	r, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+"/api/chat/events", nil)
	res, err := ts.Client().Do(r)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	sc := bufio.NewScanner(res.Body)
	ts.req(t, "POST", "/api/chat", map[string]string{"message": "/draft"}, nil)
	if got := readTurn(t, sc); !strings.Contains(got, "drafted-now") || strings.Contains(got, `"type":"token"`) {
		t.Errorf("/draft turn = %s", got)
	}
	ts.req(t, "POST", "/api/chat", map[string]string{"message": "/help"}, nil)
	if got := readTurn(t, sc); !strings.Contains(got, "/draft drafts now") {
		t.Errorf("/help turn = %s", got)
	}
}
