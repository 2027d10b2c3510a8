package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

func benchServer(b *testing.B, n int) *Server {
	b.Helper()
	root := b.TempDir()
	data, err := os.ReadFile("testdata/orders.yaml")
	if err != nil {
		b.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, "contracts"), 0o755); err != nil {
		b.Fatal(err)
	}
	for i := range n {
		body := strings.Replace(string(data), "id: orders-v1", fmt.Sprintf("id: orders-%d", i), 1)
		if err := os.WriteFile(filepath.Join(root, "contracts", fmt.Sprintf("c%03d.yaml", i)), []byte(body), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	s, err := New(Options{Root: root, Rules: contract.DefaultRules()})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkCatalogSearch is GET /api/contracts?q= over 200 contracts with a
// warm cache (files unchanged since the last request).
func BenchmarkCatalogSearch(b *testing.B) {
	s := benchServer(b, 200)
	h := s.Handler()
	if _, err := s.Catalog(); err != nil { // warm the cache
		b.Fatal(err)
	}
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "http://127.0.0.1/api/contracts?q=column:email+pii:yes", nil))
		if w.Code != http.StatusOK {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkCatalogCold parses and validates 200 contracts (empty cache).
func BenchmarkCatalogCold(b *testing.B) {
	s := benchServer(b, 200)
	for b.Loop() {
		s.catalog = newCatalogCache()
		if es, err := s.Catalog(); err != nil || len(es) != 200 {
			b.Fatal(err, len(es))
		}
	}
}

// BenchmarkPreview is one keystroke of the editor: form + base → YAML →
// findings.
func BenchmarkPreview(b *testing.B) {
	s := benchServer(b, 0)
	base, _ := os.ReadFile("testdata/orders.yaml")
	doc, _ := contract.Parse("x", base)
	form := FormFromContract(doc.Contract, "masking")
	h := s.Handler()
	body := mustJSON(b, previewRequest{Form: form, Base: string(base)})
	for b.Loop() {
		w := httptest.NewRecorder()
		r := httptest.NewRequest("POST", "http://127.0.0.1/api/preview", strings.NewReader(body))
		r.Header.Set("Origin", "http://127.0.0.1")
		h.ServeHTTP(w, r)
		if w.Code != http.StatusOK {
			b.Fatal(w.Code, w.Body.String())
		}
	}
}

// BenchmarkLineage builds and lays out the graph of 200 contracts and
// renders its SVG.
func BenchmarkLineage(b *testing.B) {
	s := benchServer(b, 200)
	if _, err := s.Catalog(); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		g, err := s.buildLineage(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		_ = g.SVG("")
	}
}
