package ollamatest

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/dataeng-os/dataeng-os/third_party/jsonschema"

	"github.com/dataeng-os/dataeng-os/providers"
)

// streamRecord is one Stream call as the caller saw it.
type streamRecord struct {
	parts   []providers.Part
	resp    providers.Response
	err     error
	elapsed time.Duration
}

// guard bounds every real-engine call: a hang fails the test instead of
// stalling the suite. It is generous; speed is never asserted here.
const guard = 3 * time.Minute

func streamAll(t *testing.T, p providers.Provider, req providers.Request) streamRecord {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), guard)
	defer cancel()
	var rec streamRecord
	start := time.Now()
	rec.resp, rec.err = p.Stream(ctx, req, func(part providers.Part) { rec.parts = append(rec.parts, part) })
	rec.elapsed = time.Since(start)
	if ctx.Err() != nil {
		t.Fatalf("%s: stream still running after %s", p.Name(), guard)
	}
	return rec
}

// checkStreamShape asserts the order the Provider contract promises: text
// deltas, then one usage part and one finish part, nothing after; the
// deltas add up to the response text; the engine counted tokens.
func checkStreamShape(t *testing.T, rec streamRecord, minDeltas int) {
	t.Helper()
	if rec.err != nil {
		t.Fatalf("stream: %v", rec.err)
	}
	var text strings.Builder
	deltas, usageAt, finishAt := 0, -1, -1
	for i, p := range rec.parts {
		switch p.Kind {
		case providers.PartText:
			if usageAt >= 0 || finishAt >= 0 {
				t.Errorf("part %d: text after usage/finish", i)
			}
			deltas++
			text.WriteString(p.Text)
		case providers.PartUsage:
			if usageAt >= 0 {
				t.Errorf("part %d: second usage part", i)
			}
			usageAt = i
		case providers.PartFinish:
			if finishAt >= 0 {
				t.Errorf("part %d: second finish part", i)
			}
			finishAt = i
		case providers.PartError:
			t.Errorf("part %d: error part %v", i, p.Err)
		}
	}
	if deltas < minDeltas {
		t.Errorf("%d text deltas, want at least %d (the engine streams token by token)", deltas, minDeltas)
	}
	if usageAt < 0 || finishAt != len(rec.parts)-1 {
		t.Errorf("usage at %d, finish at %d of %d parts: want usage then finish last", usageAt, finishAt, len(rec.parts))
	}
	if text.String() != rec.resp.Text {
		t.Errorf("deltas add up to %q, response text is %q", text.String(), rec.resp.Text)
	}
	if u := rec.resp.Usage; u.InputTokens <= 0 || u.OutputTokens <= 0 {
		t.Errorf("usage %+v: want input and output tokens > 0", u)
	}
	if rec.resp.FinishReason == "" {
		t.Error("no finish reason")
	}
}

// pickSchema is a bounded JSON Schema (enums, maxLength, maxItems): even a
// random-weight model under its grammar must finish quickly.
const pickSchema = `{"type":"object","additionalProperties":false,
 "required":["dataset","contains_pii","columns"],
 "properties":{
  "dataset":{"type":"string","maxLength":32},
  "contains_pii":{"type":"boolean"},
  "grain":{"type":"string","enum":["row","day","event"]},
  "columns":{"type":"array","minItems":1,"maxItems":3,"items":{"type":"string","maxLength":20}}}}`

const pickPrompt = "Orders dataset: one row per web order with order_id, customer_email and amount. " +
	"Reply in JSON with the dataset name, whether it contains PII, its grain, and its columns."

// checkMatchesSchema asserts that text parses as JSON and matches schema.
func checkMatchesSchema(t *testing.T, schema, text string) {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(schema))
	if err != nil {
		t.Fatalf("schema: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("pick.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("pick.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(text)))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, text)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("output does not match the schema: %v\n%s", err, text)
	}
}

func ptr[T any](v T) *T { return &v }
