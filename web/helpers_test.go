package web

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/contract"
)

// newProject makes a project with contracts/orders.yaml and a canvas.
func newProject(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	data, err := os.ReadFile("testdata/orders.yaml")
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(root, "contracts", "orders.yaml"), data)
	mustWrite(t, filepath.Join(root, "canvases", "orders.md"), []byte("# Orders canvas\n"))
	return root
}

func mustWrite(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

type tsrv struct {
	*httptest.Server
	s    *Server
	root string
}

func newTS(t *testing.T, mod func(*Options)) *tsrv {
	t.Helper()
	root := newProject(t)
	opts := Options{Root: root, Rules: contract.DefaultRules(), MaxBody: 64 << 10}
	if mod != nil {
		mod(&opts)
	}
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	t.Cleanup(s.Close) // runs first: ends event streams
	return &tsrv{Server: ts, s: s, root: s.Root()}
}

// req is one request; writes get this server's Origin unless hdr sets one
// (an empty value removes it).
func (ts *tsrv) req(t *testing.T, method, path string, body any, hdr map[string]string) (int, []byte, http.Header) {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		js, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(js)
	}
	r, err := http.NewRequest(method, ts.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if method != http.MethodGet {
		r.Header.Set("Origin", ts.URL)
	}
	for k, v := range hdr {
		switch {
		case k == "Host":
			r.Host = v // net/http sends r.Host, not a Host header
		case v == "":
			r.Header.Del(k)
		default:
			r.Header.Set(k, v)
		}
	}
	res, err := ts.Client().Do(r)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	return res.StatusCode, out, res.Header
}

func decode[T any](t *testing.T, data []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("decode %s: %v", data, err)
	}
	return v
}

func hasRule(fs []contract.Finding, rule, path string) bool {
	for _, f := range fs {
		if f.Rule == rule && (path == "" || f.Path == path) {
			return true
		}
	}
	return false
}

func readFile(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// FormFromContractYAML parses YAML and extracts its form.
func FormFromContractYAML(t *testing.T, y string) Form {
	t.Helper()
	doc, fs := contract.Parse("x.yaml", []byte(y))
	if doc == nil || doc.Contract == nil {
		t.Fatalf("parse: %+v", fs)
	}
	return FormFromContract(doc.Contract, "masking")
}

func mustJSON(tb testing.TB, v any) string {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
