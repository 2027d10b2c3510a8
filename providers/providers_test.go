package providers

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"
)

const testKey = "sk-test-SECRET0123456789abcdef"

func TestRedact(t *testing.T) {
	t.Parallel()
	cases := []string{
		"Authorization: Bearer " + testKey,
		"GET https://x/v1beta/models?key=AIzaSyA-1234567890abcdefghijklmnopqrstu&alt=sse",
		`genai.ClientConfig{APIKey:"` + testKey + `", Backend:1}`,
		`{"error":{"message":"Incorrect API key provided: ` + testKey + `"}}`,
		"x-goog-api-key: my-google-key-1234",
		"key was " + strings.ReplaceAll(testKey, "-", "%2D"),
	}
	for _, in := range cases {
		out := Redact(in, testKey, "my-google-key-1234", strings.ReplaceAll(testKey, "-", "%2D"))
		for _, leak := range []string{testKey, "AIzaSyA-1234567890", "my-google-key-1234", "SECRET0123"} {
			if strings.Contains(out, leak) {
				t.Errorf("Redact(%q) = %q leaks %q", in, out, leak)
			}
		}
		if !strings.Contains(out, Redacted) {
			t.Errorf("Redact(%q) = %q has no marker", in, out)
		}
	}
	twice := "Authorization: Bearer " + testKey + " and key=" + testKey
	if once := Redact(twice, testKey); Redact(once, testKey) != once || strings.Count(once, Redacted) != 2 || strings.Contains(once, "]]") {
		t.Errorf("Redact not clean or not idempotent: %q", once)
	}
	if got := Redact("plain message", testKey); got != "plain message" {
		t.Errorf("Redact changed a clean message: %q", got)
	}
}

func TestRedactErrorKeepsTypes(t *testing.T) {
	t.Parallel()
	inner := fmt.Errorf("POST /chat: Bearer %s: %w", testKey, context.Canceled)
	typed := &Error{Kind: KindAuth, Provider: "openai", Status: 401, Hint: "check OPENAI_API_KEY", Err: inner}
	wrapped := fmt.Errorf("draft: %w", &StreamInterruptedError{Provider: "openai", Partial: "abc", Err: typed})
	for _, err := range []error{typed, wrapped, inner} {
		r := RedactError(err, testKey)
		if strings.Contains(r.Error(), testKey) || strings.Contains(r.Error(), "SECRET") {
			t.Fatalf("leak: %v", r)
		}
		if !errors.Is(r, context.Canceled) {
			t.Errorf("errors.Is(Canceled) lost for %v", r)
		}
		for e := r; e != nil; e = errors.Unwrap(e) {
			if strings.Contains(e.Error(), "SECRET") {
				t.Fatalf("unwrapped chain leaks: %v", e)
			}
		}
	}
	r := RedactError(wrapped, testKey)
	var si *StreamInterruptedError
	var pe *Error
	if !errors.As(r, &si) || si.Partial != "abc" || !errors.As(r, &pe) || pe.Kind != KindAuth || pe.Status != 401 {
		t.Fatalf("types lost: %#v", r)
	}
	if RedactError(nil) != nil {
		t.Fatal("nil not kept")
	}
}

func TestErrorMessageAndKinds(t *testing.T) {
	t.Parallel()
	e := &Error{Kind: KindAuth, Provider: "openai", Status: 401, Hint: "check OPENAI_API_KEY", Err: errors.New("bad\nkey")}
	if got, want := e.Error(), "openai: 401 unauthorized: bad key (check OPENAI_API_KEY)"; got != want {
		t.Fatalf("Error() = %q, want %q", got, want)
	}
	for k := KindUnknown; k <= KindUnreachable; k++ {
		back, err := ParseErrorKind(k.String())
		if err != nil || back != k {
			t.Errorf("round trip %v: %v %v", k, back, err)
		}
	}
	if _, err := ParseErrorKind("boom"); err == nil {
		t.Error("unknown kind accepted")
	}
	statuses := map[int]ErrorKind{401: KindAuth, 403: KindAuth, 404: KindNotFound, 429: KindRateLimit, 400: KindBadRequest, 500: KindServer, 503: KindServer, 408: KindTimeout}
	for s, k := range statuses {
		if StatusKind(s) != k {
			t.Errorf("StatusKind(%d) = %v want %v", s, StatusKind(s), k)
		}
	}
	transport := map[error]ErrorKind{
		context.Canceled: KindCanceled, context.DeadlineExceeded: KindTimeout,
		fmt.Errorf("dial: %w", syscall.ECONNREFUSED): KindUnreachable,
		fmt.Errorf("read: %w", syscall.ECONNRESET):   KindNetwork,
		io.ErrUnexpectedEOF:                          KindNetwork,
	}
	for err, k := range transport {
		if got := TransportError("x", err).Kind; got != k {
			t.Errorf("TransportError(%v) = %v want %v", err, got, k)
		}
	}
	if KindOf(fmt.Errorf("w: %w", context.Canceled)) != KindCanceled || KindOf(nil) != KindUnknown {
		t.Error("KindOf")
	}
}

func TestParseRetryAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	cases := map[string]time.Duration{"": 0, "3": 3 * time.Second, "1.5": 1500 * time.Millisecond, "x": 0,
		now.Add(7 * time.Second).Format(http.TimeFormat): 7 * time.Second}
	for in, want := range cases {
		if got := ParseRetryAfter(in, now); got != want {
			t.Errorf("ParseRetryAfter(%q) = %v want %v", in, got, want)
		}
	}
}

func TestCollectorInterrupts(t *testing.T) {
	t.Parallel()
	var kinds []PartKind
	c := NewCollector("p", func(p Part) { kinds = append(kinds, p.Kind) })
	if _, err := c.Fail("m", errors.New("early")); err.Error() != "early" {
		t.Fatalf("early failure wrapped: %v", err)
	}
	c.Text("ab")
	resp, err := c.Fail("m", errors.New("cut"))
	var si *StreamInterruptedError
	if !errors.As(err, &si) || si.Partial != "ab" || resp.Text != "ab" {
		t.Fatalf("late failure = %v", err)
	}
	if fmt.Sprint(kinds) != fmt.Sprint([]PartKind{PartError, PartText, PartError}) {
		t.Fatalf("parts = %v", kinds)
	}
}
