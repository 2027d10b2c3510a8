// Package wiretest holds httptest helpers shared by the adapter tests: a
// server that plays one handler per request, records request bodies, and
// can cut or stall a connection. Only tests import it.
package wiretest

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// Step serves one request.
type Step func(w http.ResponseWriter, r *http.Request)

// Server plays Steps in order; the last one repeats.
type Server struct {
	*httptest.Server
	mu      sync.Mutex
	steps   []Step
	bodies  [][]byte
	headers []http.Header
	paths   []string
}

// New starts a server closed at the end of the test.
func New(t testing.TB, steps ...Step) *Server {
	t.Helper()
	s := &Server{steps: steps}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(func() {
		s.CloseClientConnections()
		s.Close()
	})
	return s
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	s.mu.Lock()
	i := len(s.bodies)
	s.bodies = append(s.bodies, body)
	s.headers = append(s.headers, r.Header.Clone())
	s.paths = append(s.paths, r.URL.RequestURI())
	step := s.steps[min(i, len(s.steps)-1)]
	s.mu.Unlock()
	step(w, r)
}

// Hits is the number of requests served.
func (s *Server) Hits() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.bodies)
}

// Body returns request i's body.
func (s *Server) Body(i int) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bodies[i]
}

// Header returns request i's headers.
func (s *Server) Header(i int) http.Header {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.headers[i]
}

// Path returns request i's path and query.
func (s *Server) Path(i int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.paths[i]
}

// Status answers with a status, headers (key, value pairs) and a body.
func Status(code int, body string, kv ...string) Step {
	return func(w http.ResponseWriter, _ *http.Request) {
		for i := 0; i+1 < len(kv); i += 2 {
			w.Header().Set(kv[i], kv[i+1])
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		io.WriteString(w, body)
	}
}

// Write sends raw pieces with a flush after each, then returns (a clean end).
func Write(contentType string, pieces ...string) Step {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(http.StatusOK)
		for _, p := range pieces {
			io.WriteString(w, p)
			w.(http.Flusher).Flush()
		}
	}
}

// Then runs steps one after the other on the same request.
func Then(steps ...Step) Step {
	return func(w http.ResponseWriter, r *http.Request) {
		for _, s := range steps {
			s(w, r)
		}
	}
}

// Cut hijacks the connection and closes it without ending the response:
// the client sees the body end mid-stream.
func Cut() Step {
	return func(w http.ResponseWriter, _ *http.Request) {
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			conn.Close()
		}
	}
}

// Stall blocks until the client goes away (or 30 s, a safety net).
func Stall() Step {
	return func(_ http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(30 * time.Second):
		}
	}
}

// Delay waits d (or until the client goes away) before the next step.
func Delay(d time.Duration) Step {
	return func(_ http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		<-ctx.Done()
	}
}

// Sleeper records retry waits instead of sleeping.
type Sleeper struct {
	mu    sync.Mutex
	Waits []time.Duration
}

// Sleep records d.
func (s *Sleeper) Sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.Waits = append(s.Waits, d)
	s.mu.Unlock()
	return ctx.Err()
}

// Recorded returns the waits so far.
func (s *Sleeper) Recorded() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.Waits...)
}
