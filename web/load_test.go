package web

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/agent"
)

// TestChatLoad: 100 conversations chat at once over loopback, 3 turns
// each, every one reading its own event stream: no errors, no event of
// one conversation in another's stream, and once they close the server's
// memory is back within 20% of where it started. It logs turn latency
// (p50, p95) and memory before, during and after (bench/README.md).
func TestChatLoad(t *testing.T) {
	chatLoad(t, &scriptedBackend{}, 7) // user, 5 tokens, answer
}

// TestChatLoadAgentSessions is the same load on real agent.Session
// conversations, each journaled and with its own scripted provider whose
// answers name the conversation: the interview turn, streaming, journal
// and the cockpit's rooms all run as in `dataeng-os serve`.
func TestChatLoadAgentSessions(t *testing.T) {
	chatLoad(t, &agentBackend{dir: t.TempDir()}, 3) // user, token, answer
}

// chatLoad runs 100 clients × 3 turns on backend; minEvents is what one
// turn must emit at least.
func chatLoad(t *testing.T, backend ChatBackend, minEvents int) {
	const clients, turns = 100, 3
	ts := newTS(t, func(o *Options) { o.Chat = backend })
	ts.Client().Transport.(*http.Transport).MaxIdleConnsPerHost = clients * 2
	before := memNow()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	latencies, errs, streams := runClients(ctx, ts, clients, turns, minEvents)
	during := memNow() // every stream still open, every room loaded
	for _, c := range streams {
		c()
	}
	deadline := time.Now().Add(10 * time.Second)
	for ts.s.chats.sweep(0); loadedRooms(ts.s) > 0 && time.Now().Before(deadline); ts.s.chats.sweep(0) {
		time.Sleep(20 * time.Millisecond) // the handlers notice the closed streams
	}
	ts.Client().CloseIdleConnections() // the client's pool of keep-alive connections is not the server's memory
	time.Sleep(100 * time.Millisecond) // the server's side of them closes
	after := memNow()
	for _, e := range errs {
		t.Error(e)
	}
	if n := len(latencies); n != clients*turns {
		t.Errorf("%d turns completed, want %d", n, clients*turns)
	}
	if n := loadedRooms(ts.s); n != 0 {
		t.Errorf("%d conversations still loaded after every client left", n)
	}
	slices.Sort(latencies)
	p := func(q float64) time.Duration { return latencies[int(q*float64(len(latencies)-1))] }
	if len(latencies) > 0 {
		t.Logf("%d clients × %d turns: turn latency p50 %v, p95 %v, max %v", clients, turns, p(0.5), p(0.95), latencies[len(latencies)-1])
	}
	t.Logf("memory before %v; during %v; after %v", before, during, after)
	if after.goroutines > before.goroutines+2 {
		t.Errorf("%d goroutines after the sessions closed, %d before: a stream or turn leaked", after.goroutines, before.goroutines)
	}
	if after.heap > before.heap*12/10+(1<<20) { // 1 MiB slack for the runtime's own buffers
		t.Errorf("heap after the sessions closed is %d KiB, more than 20%% above the %d KiB it started at", after.heap>>10, before.heap>>10)
	}
}

// runClients runs the clients at once and returns every turn's latency,
// the errors, and each client's function that closes its stream.
func runClients(ctx context.Context, ts *tsrv, clients, turns, minEvents int) ([]time.Duration, []error, []func()) {
	var (
		mu        sync.Mutex
		wg        sync.WaitGroup
		latencies []time.Duration
		errs      []error
		streams   []func()
	)
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lat, closeStream, err := chatClient(ctx, ts, turns, minEvents)
			mu.Lock()
			defer mu.Unlock()
			latencies, streams = append(latencies, lat...), append(streams, closeStream)
			if err != nil {
				errs = append(errs, err)
			}
		}()
	}
	wg.Wait()
	return latencies, errs, streams
}

// chatClient is one person: a conversation of its own, its event stream,
// and turns sent one after the other, each timed until its turn_end. It
// returns a function that closes the stream.
func chatClient(ctx context.Context, ts *tsrv, turns, minEvents int) ([]time.Duration, func(), error) {
	noop := func() {}
	id, err := postJSON[struct{ Session string }](ctx, ts, "/api/chat/sessions", map[string]string{}, http.StatusCreated)
	if err != nil {
		return nil, noop, err
	}
	sctx, stop := context.WithCancel(ctx)
	r, _ := http.NewRequestWithContext(sctx, "GET", ts.URL+"/api/chat/events?session="+id.Session, nil)
	res, err := ts.Client().Do(r)
	if err != nil {
		stop()
		return nil, noop, fmt.Errorf("%s events: %w", id.Session, err)
	}
	closeStream := func() { stop(); res.Body.Close() }
	sc := bufio.NewScanner(res.Body)
	if _, err := readUntil(sc, id.Session, agent.EventHistoryEnd); err != nil {
		return nil, closeStream, err
	}
	var lat []time.Duration
	for turn := 0; turn < turns; turn++ {
		start := time.Now()
		msg := map[string]string{"session": id.Session, "message": fmt.Sprintf("[%s] turn %d", id.Session, turn)}
		if _, err := postJSON[map[string]any](ctx, ts, "/api/chat", msg, http.StatusAccepted); err != nil {
			return lat, closeStream, fmt.Errorf("%s: %w", id.Session, err)
		}
		n, err := readUntil(sc, id.Session, agent.EventTurnEnd)
		if err != nil {
			return lat, closeStream, err
		}
		if n < minEvents {
			return lat, closeStream, fmt.Errorf("%s turn %d: %d events", id.Session, turn, n)
		}
		lat = append(lat, time.Since(start))
	}
	return lat, closeStream, nil
}

// convTag is the conversation tag the load tests put in every message and
// answer ("[load007]", "[agent042]").
var convTag = regexp.MustCompile(`\[(?:load|agent)\d+\]`)

// readUntil reads events up to one of type until, checking that no event
// carries another conversation's tag and every answer carries id's; it
// returns how many it read.
func readUntil(sc *bufio.Scanner, id string, until agent.EventType) (int, error) {
	n := 0
	for sc.Scan() {
		d, ok := strings.CutPrefix(sc.Text(), "data: ")
		if !ok {
			continue
		}
		var ev struct {
			Type agent.EventType
			Text string
		}
		if err := json.Unmarshal([]byte(d), &ev); err != nil {
			return n, fmt.Errorf("%s: bad event %s: %w", id, d, err)
		}
		if tag := convTag.FindString(ev.Text); tag != "" && tag != "["+id+"]" {
			return n, fmt.Errorf("cross-talk: %s got %q", id, ev.Text)
		}
		if ev.Type == agent.EventAssistant && !strings.Contains(ev.Text, "["+id+"]") {
			return n, fmt.Errorf("%s: an answer that is not its own: %q", id, ev.Text)
		}
		n++
		if ev.Type == until {
			return n, nil
		}
	}
	return n, fmt.Errorf("%s: stream ended before %s: %v", id, until, sc.Err())
}

func postJSON[T any](ctx context.Context, ts *tsrv, path string, body any, want int) (T, error) {
	var out T
	b, _ := json.Marshal(body)
	r, _ := http.NewRequestWithContext(ctx, "POST", ts.URL+path, strings.NewReader(string(b)))
	r.Header.Set("Origin", ts.URL)
	res, err := ts.Client().Do(r)
	if err != nil {
		return out, err
	}
	defer res.Body.Close()
	if res.StatusCode != want {
		return out, fmt.Errorf("POST %s: %d, want %d", path, res.StatusCode, want)
	}
	return out, json.NewDecoder(res.Body).Decode(&out)
}

func loadedRooms(s *Server) int {
	s.chats.mu.Lock()
	defer s.chats.mu.Unlock()
	return len(s.chats.open)
}

// mem is the process's memory: Go heap in use and resident set size.
type mem struct {
	heap, rss  uint64
	goroutines int
}

func (m mem) String() string {
	return fmt.Sprintf("heap %d KiB, RSS %d KiB, %d goroutines", m.heap>>10, m.rss>>10, m.goroutines)
}

func memNow() mem {
	runtime.GC()
	debug.FreeOSMemory()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return mem{heap: ms.HeapInuse, rss: rssBytes(), goroutines: runtime.NumGoroutine()}
}

// rssBytes reads VmRSS from /proc (0 where there is none).
func rssBytes() uint64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			var kb uint64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), &kb)
			return kb << 10
		}
	}
	return 0
}
