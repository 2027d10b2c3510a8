package providers

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrorKind classifies a provider failure so callers can react (retry, ask the
// user to fix a key, pull a model) without parsing messages.
type ErrorKind int

// Error kinds.
const (
	KindUnknown     ErrorKind = iota
	KindAuth                  // 401/403: missing, wrong or revoked key
	KindRateLimit             // 429: too many requests or quota
	KindNotFound              // 404: unknown model or endpoint
	KindBadRequest            // 400/413/422: the request was refused as invalid
	KindServer                // 5xx: the vendor failed
	KindBadResponse           // the reply could not be understood (malformed chunk)
	KindTimeout               // connect, first-byte or idle-stream timeout
	KindCanceled              // the caller cancelled (Ctrl-C)
	KindNetwork               // connection reset or cut
	KindUnreachable           // nothing listens at the address (connection refused, DNS)
)

var kindNames = map[ErrorKind]string{
	KindUnknown: "unknown", KindAuth: "auth", KindRateLimit: "rate_limit",
	KindNotFound: "not_found", KindBadRequest: "bad_request", KindServer: "server",
	KindBadResponse: "bad_response", KindTimeout: "timeout", KindCanceled: "canceled",
	KindNetwork: "network", KindUnreachable: "unreachable",
}

// String is the kind's snake_case name (as used in scripts).
func (k ErrorKind) String() string {
	if s, ok := kindNames[k]; ok {
		return s
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// ParseErrorKind reads a kind name ("rate_limit", "auth", ...).
func ParseErrorKind(s string) (ErrorKind, error) {
	s = strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "-", "_")
	for k, n := range kindNames {
		if n == s {
			return k, nil
		}
	}
	return KindUnknown, fmt.Errorf("unknown error kind %q", s)
}

// Error is a typed provider failure. Its message never carries an API key:
// adapters and the resilience layer redact Err before building one.
type Error struct {
	Kind       ErrorKind
	Provider   string        // openai, gemini, ollama, scripted
	Status     int           // HTTP status, 0 when none
	RetryAfter time.Duration // from Retry-After, 0 when none
	Hint       string        // what the user can do, e.g. "check OPENAI_API_KEY"
	Err        error         // the underlying cause
	// Permanent marks an error of a retryable kind that will not go away by
	// waiting (an exhausted quota).
	Permanent bool
}

// Error renders one line: "openai: 401 unauthorized: <cause> (check OPENAI_API_KEY)".
func (e *Error) Error() string {
	var b strings.Builder
	if e.Provider != "" {
		b.WriteString(e.Provider + ": ")
	}
	if e.Status != 0 {
		fmt.Fprintf(&b, "%d ", e.Status)
	}
	b.WriteString(kindPhrase[e.Kind])
	if e.Err != nil {
		if msg := oneLine(e.Err.Error()); msg != "" {
			b.WriteString(": " + msg)
		}
	}
	if e.Hint != "" {
		b.WriteString(" (" + e.Hint + ")")
	}
	return b.String()
}

var kindPhrase = map[ErrorKind]string{
	KindUnknown: "error", KindAuth: "unauthorized", KindRateLimit: "rate limited",
	KindNotFound: "not found", KindBadRequest: "bad request", KindServer: "server error",
	KindBadResponse: "bad response", KindTimeout: "timed out", KindCanceled: "canceled",
	KindNetwork: "network error", KindUnreachable: "unreachable",
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Retryable reports whether trying again may help: rate limits, server
// errors, and connections cut before anything arrived.
func (e *Error) Retryable() bool {
	if e.Permanent {
		return false
	}
	switch e.Kind {
	case KindRateLimit, KindServer, KindNetwork:
		return true
	}
	return false
}

// StreamInterruptedError reports a stream that failed after part of the
// answer was delivered. It is never retried: Partial keeps what arrived.
type StreamInterruptedError struct {
	Provider string
	Partial  string
	Err      error
}

func (e *StreamInterruptedError) Error() string {
	p, msg := e.Provider, oneLine(errString(e.Err))
	if p != "" {
		p += ": "
		msg = strings.TrimPrefix(msg, p)
	}
	return fmt.Sprintf("%sstream interrupted after %d bytes: %s", p, len(e.Partial), msg)
}

// Unwrap returns the cause.
func (e *StreamInterruptedError) Unwrap() error { return e.Err }

// KindOf returns the kind of the first *Error in err's chain, KindCanceled
// for a bare context cancellation, KindTimeout for a deadline, else KindUnknown.
func KindOf(err error) ErrorKind {
	var pe *Error
	switch {
	case err == nil:
		return KindUnknown
	case errors.As(err, &pe):
		return pe.Kind
	case errors.Is(err, context.Canceled):
		return KindCanceled
	case errors.Is(err, context.DeadlineExceeded):
		return KindTimeout
	}
	return KindUnknown
}

// IsRetryable reports whether err is a typed error worth retrying.
func IsRetryable(err error) bool {
	var pe *Error
	return errors.As(err, &pe) && pe.Retryable()
}

// ErrNoModel is returned when a profile selects no model at all (guided mode).
var ErrNoModel = errors.New("no model provider: guided mode works without a model")

func errString(err error) string {
	if err == nil {
		return "unknown error"
	}
	return err.Error()
}

// oneLine collapses whitespace so an error is always one line.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	const max = 400
	if len(s) > max {
		s = s[:max] + "…"
	}
	return s
}
