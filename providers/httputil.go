package providers

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// NewHTTPClient returns a client whose connect (dial + TLS handshake) is
// bounded by connectTimeout (0 = 10s). It has no overall timeout: streams
// may run long; the resilience layer watches first-byte and idle time.
func NewHTTPClient(connectTimeout time.Duration) *http.Client {
	if connectTimeout <= 0 {
		connectTimeout = 10 * time.Second
	}
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DialContext = (&net.Dialer{Timeout: connectTimeout, KeepAlive: 30 * time.Second}).DialContext
	t.TLSHandshakeTimeout = connectTimeout
	return &http.Client{Transport: t}
}

// ResponseCapture records the status and headers of the last HTTP response
// made with a context from WithResponseCapture, so adapters can read
// Retry-After even when the vendor library hides headers.
type ResponseCapture struct {
	mu      sync.Mutex
	status  int
	header  http.Header
	quiet   bool
	bodyErr error
}

// QuietBody makes the next responses' bodies end with a plain io.EOF on a
// read error, keeping the error for BodyErr: for libraries that log read
// errors themselves (genai prints them to the standard logger).
func (c *ResponseCapture) QuietBody() {
	c.mu.Lock()
	c.quiet = true
	c.mu.Unlock()
}

// BodyErr is the read error a quiet body swallowed, if any.
func (c *ResponseCapture) BodyErr() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.bodyErr
}

type quietBody struct {
	io.ReadCloser
	c *ResponseCapture
}

func (b quietBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil && err != io.EOF {
		b.c.mu.Lock()
		if b.c.bodyErr == nil {
			b.c.bodyErr = err
		}
		b.c.mu.Unlock()
		err = io.EOF
	}
	return n, err
}

type captureKey struct{}

// WithResponseCapture returns ctx carrying a fresh capture.
func WithResponseCapture(ctx context.Context) (context.Context, *ResponseCapture) {
	c := &ResponseCapture{}
	return context.WithValue(ctx, captureKey{}, c), c
}

// Last returns the last captured status (0 if none) and headers.
func (c *ResponseCapture) Last() (int, http.Header) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.status, c.header
}

// RetryAfter parses the last response's Retry-After header (seconds or an
// HTTP date relative to now).
func (c *ResponseCapture) RetryAfter(now time.Time) time.Duration {
	_, h := c.Last()
	if h == nil {
		return 0
	}
	return ParseRetryAfter(h.Get("Retry-After"), now)
}

// ParseRetryAfter reads a Retry-After value: delay seconds or an HTTP date.
func ParseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.ParseFloat(v, 64); err == nil && n >= 0 {
		return time.Duration(n * float64(time.Second))
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

type captureTransport struct{ base http.RoundTripper }

func (t captureTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(r)
	if c, ok := r.Context().Value(captureKey{}).(*ResponseCapture); ok && resp != nil {
		c.mu.Lock()
		c.status, c.header = resp.StatusCode, resp.Header.Clone()
		if c.quiet {
			resp.Body = quietBody{resp.Body, c}
		}
		c.mu.Unlock()
	}
	return resp, err
}

// CapturingClient returns a shallow copy of hc (nil = NewHTTPClient(0))
// whose transport feeds ResponseCapture.
func CapturingClient(hc *http.Client) *http.Client {
	if hc == nil {
		hc = NewHTTPClient(0)
	}
	c := *hc
	base := c.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	if _, ok := base.(captureTransport); !ok {
		c.Transport = captureTransport{base: base}
	}
	return &c
}

// StatusKind maps an HTTP status to an error kind.
func StatusKind(status int) ErrorKind {
	switch {
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		return KindAuth
	case status == http.StatusNotFound:
		return KindNotFound
	case status == http.StatusTooManyRequests:
		return KindRateLimit
	case status == http.StatusRequestTimeout:
		return KindTimeout
	case status >= 500:
		return KindServer
	case status >= 400:
		return KindBadRequest
	}
	return KindBadResponse
}

// TransportError classifies an error from sending a request or reading its
// body (no HTTP status): cancellation, timeouts, refused connections, resets.
func TransportError(provider string, err error) *Error {
	e := &Error{Provider: provider, Err: err}
	var ne net.Error
	var dnsErr *net.DNSError
	switch {
	case errors.Is(err, context.Canceled):
		e.Kind = KindCanceled
	case errors.Is(err, context.DeadlineExceeded):
		e.Kind = KindTimeout
	case errors.Is(err, syscall.ECONNREFUSED), errors.As(err, &dnsErr):
		e.Kind = KindUnreachable
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, io.EOF), errors.Is(err, syscall.EPIPE):
		e.Kind = KindNetwork
	case errors.As(err, &ne) && ne.Timeout():
		e.Kind = KindTimeout
	default:
		e.Kind = KindNetwork
	}
	return e
}
