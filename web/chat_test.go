package web

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/agent"
)

// newChat starts a conversation through the API and returns its id.
func newChat(t *testing.T, ts *tsrv) string {
	t.Helper()
	code, body, _ := ts.req(t, "POST", "/api/chat/sessions", map[string]string{}, nil)
	var res struct{ Session string }
	if code != 201 || json.Unmarshal(body, &res) != nil || res.Session == "" {
		t.Fatalf("new conversation: %d %s", code, body)
	}
	return res.Session
}

// events opens a conversation's SSE stream.
func events(t *testing.T, ts *tsrv, ctx context.Context, id, lastID string) *bufio.Scanner {
	t.Helper()
	r, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+"/api/chat/events?session="+id, nil)
	if lastID != "" {
		r.Header.Set("Last-Event-ID", lastID)
	}
	res, err := ts.Client().Do(r)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	if ct := res.Header.Get("Content-Type"); res.StatusCode != 200 || ct != "text/event-stream" {
		t.Fatalf("events %s: %d %q", id, res.StatusCode, ct)
	}
	return bufio.NewScanner(res.Body)
}

// readTurn reads SSE data lines up to the next turn_end.
func readTurn(t *testing.T, sc *bufio.Scanner) string {
	t.Helper()
	var data []string
	for sc.Scan() {
		if d, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
			data = append(data, d)
			if strings.Contains(d, `"turn_end"`) {
				return strings.Join(data, "\n")
			}
		}
	}
	t.Fatalf("stream ended: %v", sc.Err())
	return ""
}

func send(t *testing.T, ts *tsrv, id, msg string) (int, string) {
	t.Helper()
	code, body, _ := ts.req(t, "POST", "/api/chat", map[string]string{"session": id, "message": msg}, nil)
	return code, string(body)
}

func TestChatSSE(t *testing.T) {
	t.Parallel()
	const key = "sk-test-SECRET-0123456789"
	ts := newTS(t, func(o *Options) {
		o.Secrets = []string{key}
		o.Chat = fakeChats(key)
	})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	id := newChat(t, ts)
	sc := events(t, ts, ctx, id, "")
	if code, body := send(t, ts, id, "please fail"); code != 202 {
		t.Fatalf("send: %d %s", code, body)
	}
	all := readTurn(t, sc)
	for _, w := range []string{`"type":"question"`, `"type":"history_end"`, `"type":"user"`, `"type":"token"`, `"type":"draft"`, `"type":"error"`, "[REDACTED]", `"type":"turn_end"`} {
		if !strings.Contains(all, w) {
			t.Errorf("stream lacks %s:\n%s", w, all)
		}
	}
	if strings.Contains(all, key) {
		t.Fatalf("the API key reached the browser:\n%s", all)
	}
	// A page that connects later gets the history replayed after its Last-Event-ID.
	sc2 := events(t, ts, ctx, id, "1")
	for sc2.Scan() {
		if strings.HasPrefix(sc2.Text(), "id: ") {
			if sc2.Text() != "id: 2" {
				t.Fatalf("replay starts at %q, want id: 2", sc2.Text())
			}
			break
		}
	}
}

// TestChatSessionsAreSeparate: two conversations never see each other's
// events; a visit starts nothing; a second sender gets "busy".
func TestChatSessionsAreSeparate(t *testing.T) {
	t.Parallel()
	b := fakeChats("")
	ts := newTS(t, func(o *Options) { o.Chat = b })
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if code, _, _ := ts.req(t, "GET", "/editor", nil, nil); code != 200 || len(b.logs) != 0 {
		t.Fatalf("a page visit started a conversation: %d %v", code, b.logs)
	}
	a, c := newChat(t, ts), newChat(t, ts)
	sa, scs := events(t, ts, ctx, a, ""), events(t, ts, ctx, c, "")
	send(t, ts, a, "from A")
	send(t, ts, c, "from C")
	gotA, gotC := readTurn(t, sa), readTurn(t, scs)
	if !strings.Contains(gotA, "from A") || strings.Contains(gotA, "from C") || strings.Contains(gotA, "Hello from "+c) {
		t.Errorf("conversation %s saw:\n%s", a, gotA)
	}
	if !strings.Contains(gotC, "from C") || strings.Contains(gotC, "from A") {
		t.Errorf("conversation %s saw:\n%s", c, gotC)
	}
	if code, _ := send(t, ts, a, "slow one"); code != 202 {
		t.Fatalf("slow send: %d", code)
	}
	if code, body := send(t, ts, a, "second tab"); code != 409 || !strings.Contains(body, "busy: another tab is sending") {
		t.Fatalf("second sender: %d %s", code, body)
	}
	if code, _ := send(t, ts, c, "other conversation is free"); code != 202 {
		t.Fatalf("a busy conversation blocked another: %d", code)
	}
}

// TestChatUnloadsAndReopens: an idle conversation leaves memory and comes
// back from its journal with its history.
func TestChatUnloadsAndReopens(t *testing.T) {
	t.Parallel()
	b := fakeChats("")
	ts := newTS(t, func(o *Options) { o.Chat = b; o.ChatIdle = time.Hour })
	id := newChat(t, ts)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	sc := events(t, ts, ctx, id, "")
	send(t, ts, id, "remember me")
	readTurn(t, sc)
	cancel()
	srv := ts.s
	deadline := time.Now().Add(5 * time.Second)
	for srv.chats.sweep(-time.Second) == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond) // the stream's unsubscribe lands
	}
	if srv.chats.loaded(id) {
		t.Fatal("idle conversation still loaded")
	}
	ctx2, cancel2 := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel2()
	sc2 := events(t, ts, ctx2, id, "")
	var got []string
	for sc2.Scan() && !strings.Contains(sc2.Text(), string(agent.EventHistoryEnd)) {
		got = append(got, sc2.Text())
	}
	if !strings.Contains(strings.Join(got, "\n"), "remember me") || b.opens != 1 {
		t.Fatalf("reopened history (opens %d):\n%s", b.opens, strings.Join(got, "\n"))
	}
}

func TestChatUnavailableAndChecks(t *testing.T) {
	t.Parallel()
	ts := newTS(t, nil)
	if code, _ := send(t, ts, "s1", "hi"); code != 503 {
		t.Fatalf("no agent: %d", code)
	}
	ts2 := newTS(t, func(o *Options) { o.Chat = fakeChats("") })
	id := newChat(t, ts2)
	if code, _, _ := ts2.req(t, "POST", "/api/chat", map[string]string{"session": id, "message": "hi"}, map[string]string{"Origin": "http://evil.example"}); code != 403 {
		t.Fatalf("cross-origin chat: %d", code)
	}
	for _, tc := range []struct {
		id, msg string
		code    int
	}{{id, "", 400}, {"", "hi", 400}, {"nope", "hi", 404}, {"../../etc/passwd", "hi", 404}} {
		if code, body := send(t, ts2, tc.id, tc.msg); code != tc.code {
			t.Errorf("send %q %q: %d %s, want %d", tc.id, tc.msg, code, body, tc.code)
		}
	}
	if code, _, _ := ts2.req(t, "POST", "/api/chat", `{"session":"`+id+`","message":"`+strings.Repeat("a", 70<<10)+`"}`, nil); code != 413 {
		t.Fatalf("oversized message: %d", code)
	}
}

type draftingChat struct{ fakeChat }

func (d draftingChat) Draft(ctx context.Context) error {
	d.emit(agent.Event{Type: agent.EventDraft, Doc: agent.DocContract, Content: "drafted-now"})
	return nil
}

func TestChatCommands(t *testing.T) {
	t.Parallel()
	ts := newTS(t, func(o *Options) {
		o.Chat = newFakeBackend("", func(id string, emit func(agent.Event)) ChatSession {
			return draftingChat{fakeChat{id: id, emit: emit}}
		})
	})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	id := newChat(t, ts)
	sc := events(t, ts, ctx, id, "")
	send(t, ts, id, "/draft")
	if got := readTurn(t, sc); !strings.Contains(got, "drafted-now") || strings.Contains(got, `"type":"token"`) {
		t.Errorf("/draft turn = %s", got)
	}
	send(t, ts, id, "/help")
	if got := readTurn(t, sc); !strings.Contains(got, "/draft drafts now") {
		t.Errorf("/help turn = %s", got)
	}
}
