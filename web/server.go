package web

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"sync"
	"time"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/providers"
)

// DefaultMaxBody is the request body limit when Options.MaxBody is 0.
const DefaultMaxBody = 2 << 20

// MinTokenLen is the shortest access token remote access accepts.
const MinTokenLen = 16

// Options configures a Server.
type Options struct {
	Root        string         // project root (absolute or relative); required
	Rules       contract.Rules // governance the validator applies
	Token       string         // access token; "" = none (loopback only)
	AllowRemote bool           // accept any Host header (requires Token at the CLI)
	MaxBody     int64          // request body limit in bytes; 0 = DefaultMaxBody
	// Chat creates, reopens and lists the Architect conversations of the
	// chat panel; nil shows the panel as unavailable.
	Chat ChatBackend
	// ChatIdle is how long an unused conversation stays in memory before it
	// is unloaded (its journal keeps it); 0 = 10 minutes.
	ChatIdle time.Duration
	// Secrets are values (API keys) redacted from anything the server sends.
	Secrets []string
	// Title names the project in the page header.
	Title string
	// Scaffold holds the settings /api/scaffold renders with.
	Scaffold ScaffoldOptions
}

// Server is the cockpit. Build it with New and serve Handler().
type Server struct {
	opts    Options
	root    string // absolute, symlinks resolved
	csrf    string
	mux     *http.ServeMux
	saveMu  sync.Mutex // serialises the check-then-rename of saves
	catalog *catalogCache
	chats   *rooms
	done    chan struct{} // closed by Close: ends event streams
	close   sync.Once
}

// New checks the options and builds a Server.
func New(opts Options) (*Server, error) {
	if opts.Root == "" {
		return nil, errors.New("web: project root is required")
	}
	abs, err := filepath.Abs(opts.Root)
	if err != nil {
		return nil, fmt.Errorf("project root %s: %w", opts.Root, err)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	} else {
		return nil, fmt.Errorf("project root %s: %w", opts.Root, err)
	}
	if opts.AllowRemote && len(opts.Token) < MinTokenLen {
		return nil, fmt.Errorf("web: remote access needs an access token of at least %d characters", MinTokenLen)
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.Title == "" {
		opts.Title = filepath.Base(abs)
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return nil, fmt.Errorf("csrf token: %w", err)
	}
	s := &Server{opts: opts, root: abs, csrf: hex.EncodeToString(b), mux: http.NewServeMux(),
		catalog: newCatalogCache(), done: make(chan struct{})}
	s.chats = newRooms(opts.Chat, s.redact)
	if opts.ChatIdle <= 0 {
		opts.ChatIdle = 10 * time.Minute
	}
	s.opts.ChatIdle = opts.ChatIdle
	if s.chats.available() {
		go s.sweepChats(opts.ChatIdle)
	}
	s.routes()
	return s, nil
}

// Handler returns the cockpit's HTTP handler with every security check.
func (s *Server) Handler() http.Handler { return s.guard(s.mux) }

// Close ends the open event streams so that http.Server.Shutdown (or
// httptest.Server.Close) need not wait for them. Call it before shutting
// the HTTP server down; other routes keep working.
func (s *Server) Close() { s.close.Do(func() { close(s.done) }) }

// Root is the absolute project root the server works in.
func (s *Server) Root() string { return s.root }

func (s *Server) routes() {
	m := s.mux
	m.HandleFunc("GET /{$}", s.pageCatalog)
	m.HandleFunc("GET /catalog", s.pageCatalog)
	m.HandleFunc("GET /editor", s.pageEditor)
	m.HandleFunc("GET /lineage", s.pageLineage)
	m.HandleFunc("GET /static/{name}", s.static)
	m.HandleFunc("GET /api/session", s.apiSession)
	m.HandleFunc("POST /api/validate", s.apiValidate)
	m.HandleFunc("POST /api/preview", s.apiPreview)
	m.HandleFunc("POST /api/parse", s.apiParse)
	m.HandleFunc("GET /api/contracts", s.apiContracts)
	m.HandleFunc("GET /api/contract", s.apiGetContract)
	m.HandleFunc("PUT /api/contract", s.apiPutContract)
	m.HandleFunc("GET /api/lineage", s.apiLineage)
	m.HandleFunc("POST /api/scaffold", s.apiScaffold)
	m.HandleFunc("GET /chat", s.pageChat)
	m.HandleFunc("POST /api/chat", s.apiChatSend)
	m.HandleFunc("GET /api/chat/events", s.apiChatEvents)
	m.HandleFunc("GET /api/chat/sessions", s.apiChatList)
	m.HandleFunc("POST /api/chat/sessions", s.apiChatNew)
}

// apiError is the JSON body of every error response.
type apiError struct {
	Error string `json:"error"`
}

func writeError(w http.ResponseWriter, code int, format string, args ...any) {
	writeJSON(w, code, apiError{Error: fmt.Sprintf(format, args...)})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

// readBody reads the whole body under the size limit. It writes the error
// response (413 when too large) and returns false on failure.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBody)
	data, err := io.ReadAll(r.Body)
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			writeError(w, http.StatusRequestEntityTooLarge, "request body larger than %d bytes", s.opts.MaxBody)
			return nil, false
		}
		writeError(w, http.StatusBadRequest, "read request body: %v", err)
		return nil, false
	}
	return data, true
}

// readJSON decodes a JSON body (size-limited, unknown fields refused).
func (s *Server) readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	data, ok := s.readBody(w, r)
	if !ok {
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		writeError(w, http.StatusBadRequest, "invalid JSON body: %v", err)
		return false
	}
	return true
}

// redact removes every configured secret from s.
func (s *Server) redact(text string) string { return providers.Redact(text, s.opts.Secrets...) }

func (s *Server) maskingProp() string { return s.opts.Rules.Policy.PII.MaskingProperty }
