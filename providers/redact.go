package providers

import (
	"context"
	"errors"
	"io"
	"net/url"
	"strings"

	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

// Redacted replaces every secret in messages.
const Redacted = "[REDACTED]"

var secretPatterns = []struct {
	re   *lazyre.Regexp
	repl string
}{
	{lazyre.New(`(?i)\bbearer\s+[A-Za-z0-9._~+/=-]{4,}`), "Bearer " + Redacted},
	{lazyre.New(`(?i)([?&;](?:key|api_key|apikey|api-key|access_token|token)=)[^&\s"']+`), "${1}" + Redacted},
	{lazyre.New(`(?i)(authorization"?\s*[:=]\s*"?)(?:(?:bearer|basic|token)\s+)?[^\s"',})]{4,}`), "${1}" + Redacted},
	{lazyre.New(`(?i)((?:x-goog-api-key|api[_-]?key|authToken)"?\s*[:=]\s*"?)[^\s"',})]{4,}`), "${1}" + Redacted},
	{lazyre.New(`\bsk-[A-Za-z0-9_-]{12,}`), Redacted},
	{lazyre.New(`\bAIza[0-9A-Za-z_-]{20,}`), Redacted},
}

// Redact scrubs secrets from s: each literal secret (and its URL-escaped
// form), Bearer tokens, key=/api_key= query parameters, "apiKey: ..." pairs
// and strings shaped like OpenAI or Google keys.
func Redact(s string, secrets ...string) string {
	for _, sec := range secrets {
		if len(sec) < 4 {
			continue
		}
		s = strings.ReplaceAll(s, sec, Redacted)
		if esc := url.QueryEscape(sec); esc != sec {
			s = strings.ReplaceAll(s, esc, Redacted)
		}
	}
	for _, p := range secretPatterns {
		s = p.re.ReplaceAllString(s, p.repl)
	}
	return s
}

// RedactError returns err with every message in its chain scrubbed by Redact.
// Typed errors (*Error, *StreamInterruptedError) keep their type and fields,
// and context.Canceled, context.DeadlineExceeded, io.EOF and
// io.ErrUnexpectedEOF stay visible to errors.Is; the original, unscrubbed
// cause is dropped.
func RedactError(err error, secrets ...string) error {
	if err == nil {
		return nil
	}
	switch e := err.(type) {
	case *Error:
		c := *e
		c.Hint = Redact(e.Hint, secrets...)
		c.Err = redactCause(e.Err, secrets)
		return &c
	case *StreamInterruptedError:
		c := *e
		c.Err = RedactError(e.Err, secrets...)
		return &c
	case *redactedError:
		return &redactedError{msg: Redact(e.msg, secrets...), inner: RedactError(e.inner, secrets...)}
	}
	return redactCause(err, secrets)
}

func redactCause(err error, secrets []string) error {
	if err == nil {
		return nil
	}
	r := &redactedError{msg: Redact(err.Error(), secrets...)}
	var pe *Error
	var se *StreamInterruptedError
	switch {
	case errors.As(err, &se):
		r.inner = RedactError(se, secrets...)
	case errors.As(err, &pe):
		r.inner = RedactError(pe, secrets...)
	default:
		for _, s := range sentinels {
			if errors.Is(err, s) {
				r.inner = s
				break
			}
		}
	}
	return r
}

var sentinels = []error{context.Canceled, context.DeadlineExceeded, io.ErrUnexpectedEOF, io.EOF, ErrNoModel}

// redactedError is a scrubbed message that still unwraps to a typed error or
// a well-known sentinel.
type redactedError struct {
	msg   string
	inner error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.inner }
