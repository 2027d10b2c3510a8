package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/dataeng-os/dataeng-os/cmd/dataeng-os/internal/iostreams"
)

const demoCanvas = `# Product Canvas: checkout orders

## Problem and decision supported
Finance reconciles revenue daily.

## Consumers
Finance and Growth.

## Producer and owner
Checkout squad, bruno.souza.

## Data sources
Postgres, schema checkout.

## Entities and fields
orders: order_id, customer_email.

## Sensitive data
customer_email: restricted, hashed.

## Quality expectations
No duplicate order ids.

## SLA and freshness
Daily by 07:00 UTC.

## Delivery (dbt layers)
Staging and fct_orders.
`

const demoContract = `apiVersion: v3.1.0
kind: DataContract
id: checkout_orders
name: Checkout orders
version: 0.1.0
status: draft
domain: sales
dataProduct: checkout_orders
description:
  purpose: Daily view of checkout orders for revenue reconciliation.
team:
  name: Checkout squad
  members:
    - username: bruno.souza
      role: owner
schema:
  - name: orders
    logicalType: object
    physicalType: table
    description: One row per order.
    properties:
      - name: order_id
        logicalType: string
        description: Order identifier.
        required: true
        primaryKey: true
        primaryKeyPosition: 1
      - name: customer_email
        logicalType: string
        description: Customer e-mail, for receipts.
        classification: restricted
        criticalDataElement: true
        customProperties:
          - property: masking
            value: hash
`

// fakeOllama speaks Ollama's /api/tags and streaming /api/chat (NDJSON).
func fakeOllama(t *testing.T, model, answer string, chats *atomic.Int32) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/tags":
			fmt.Fprintf(w, `{"models":[{"name":%q,"model":%q,"size":4683087332}]}`, model, model)
		case "/api/chat":
			chats.Add(1)
			body, _ := io.ReadAll(r.Body)
			if !strings.Contains(string(body), `\u003cnotes\u003e`) && !strings.Contains(string(body), "<notes>") {
				t.Errorf("the notes are not sent as delimited data: %s", body)
			}
			w.Header().Set("Content-Type", "application/x-ndjson")
			for _, chunk := range strings.SplitAfter(answer, "\n") {
				msg, _ := json.Marshal(map[string]any{"model": model, "message": map[string]string{"role": "assistant", "content": chunk}, "done": false})
				fmt.Fprintf(w, "%s\n", msg)
			}
			fmt.Fprintf(w, `{"model":%q,"message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","prompt_eval_count":900,"eval_count":400}`+"\n", model)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestDemoUsesLocalOllamaWhenItAnswers(t *testing.T) {
	t.Parallel()
	var chats atomic.Int32
	answer := "```markdown\n" + demoCanvas + "```\n\n```yaml\n" + demoContract + "```\n"
	srv := fakeOllama(t, "qwen2.5:7b", answer, &chats)
	dir := t.TempDir()
	ios, _, out, errOut := iostreams.Test()
	f := &Factory{IO: ios, Dir: dir, Getenv: func(k string) string {
		switch k {
		case "OLLAMA_HOST":
			return srv.URL
		case "XDG_CONFIG_HOME":
			return filepath.Join(dir, ".xdg")
		}
		return ""
	}}
	code := RunWith(f, []string{"demo", "--dir", "demo"})
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	if chats.Load() != 1 || !strings.Contains(out.String(), "drafts from the bundled notes with ollama") {
		t.Fatalf("%d chat calls; stdout:\n%s", chats.Load(), out)
	}
	if !strings.Contains(out.String(), "3/4 validate contracts/checkout_orders.odcs.yaml: 0 errors") {
		t.Fatalf("stdout:\n%s", out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "demo/contracts/checkout_orders.odcs.yaml"))
	if err != nil || !strings.Contains(string(data), "classification: restricted") {
		t.Fatalf("contract: %v\n%s", err, data)
	}
}

func TestDemoModelNotPulledFallsBackToGuided(t *testing.T) {
	t.Parallel()
	var chats atomic.Int32
	srv := fakeOllama(t, "llama3.2:latest", "", &chats)
	dir := t.TempDir()
	ios, _, out, errOut := iostreams.Test()
	f := &Factory{IO: ios, Dir: dir, Getenv: func(k string) string {
		if k == "OLLAMA_HOST" {
			return srv.URL
		}
		return ""
	}}
	if code := RunWith(f, []string{"demo", "--dir", "demo"}); code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(errOut.String(), "ollama pull qwen2.5:7b") || chats.Load() != 0 || !strings.Contains(out.String(), "guided mode") {
		t.Fatalf("stderr:\n%s\nstdout:\n%s", errOut, out)
	}
}
