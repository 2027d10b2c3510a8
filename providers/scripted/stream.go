package scripted

import (
	"context"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dataeng-os/dataeng-os/providers"
)

// Stream implements providers.Provider: it replays the next matching turn.
func (c *Client) Stream(ctx context.Context, req providers.Request, onPart func(providers.Part)) (providers.Response, error) {
	col := providers.NewCollector(Name, onPart)
	turn, model, err := c.next(req)
	if req.Model != "" {
		model = req.Model
	}
	if err != nil {
		return col.Fail(model, err)
	}
	if err := providers.Sleep(ctx, turn.Delay); err != nil {
		return col.Fail(model, canceled(err))
	}
	chunks := Chunks(turn.Text, turn.ChunkSize)
	for i, ch := range chunks {
		if turn.Err != nil && i >= turn.Err.AfterChunks {
			break
		}
		if i > 0 {
			if err := providers.Sleep(ctx, turn.ChunkDelay); err != nil {
				return col.Fail(model, canceled(err))
			}
		} else if err := ctx.Err(); err != nil {
			return col.Fail(model, canceled(err))
		}
		col.Text(ch)
	}
	col.SetUsage(usage(turn, req))
	if turn.Err != nil {
		return col.Fail(model, turn.Err.asError())
	}
	col.SetFinish(turn.FinishReason)
	return col.Done(model), nil
}

func canceled(err error) error {
	k := providers.KindCanceled
	if errors.Is(err, context.DeadlineExceeded) {
		k = providers.KindTimeout
	}
	return &providers.Error{Kind: k, Provider: Name, Err: err}
}

func usage(t Turn, req providers.Request) providers.Usage {
	if t.Usage != nil {
		return *t.Usage
	}
	return providers.Usage{InputTokens: providers.EstimateRequestTokens(req), OutputTokens: providers.EstimateTokens(t.Text)}
}

func (f *Fault) asError() error {
	msg := f.Message
	if msg == "" {
		msg = "injected " + f.Kind.String() + " failure"
	}
	return &providers.Error{Kind: f.Kind, Provider: Name, Status: f.Status, RetryAfter: f.RetryAfter, Err: errors.New(msg)}
}

// Chunks splits text into stream parts: size runes each (size > 0), the
// whole text (size < 0), or one word with its trailing space each (0).
func Chunks(text string, size int) []string {
	switch {
	case text == "":
		return nil
	case size < 0:
		return []string{text}
	case size > 0:
		var out []string
		for len(text) > 0 {
			n, i := 0, 0
			for i < len(text) && n < size {
				_, w := utf8.DecodeRuneInString(text[i:])
				i += w
				n++
			}
			out = append(out, text[:i])
			text = text[i:]
		}
		return out
	}
	var out []string
	for len(text) > 0 {
		i := strings.IndexFunc(text, unicode.IsSpace)
		if i < 0 {
			out = append(out, text)
			break
		}
		j := i + strings.IndexFunc(text[i:], func(r rune) bool { return !unicode.IsSpace(r) })
		if j < i {
			j = len(text)
		}
		out = append(out, text[:j])
		text = text[j:]
	}
	return out
}
