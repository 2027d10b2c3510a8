package ollamatest

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// ggufFile is what readGGUF decodes: enough to check the writer's layout
// independently of it.
type ggufFile struct {
	version  uint32
	kv       map[string]any
	tensors  []ggufInfo
	dataBase int64
	size     int64
}

type ggufInfo struct {
	name   string
	dims   []uint64
	typ    uint32
	offset uint64
}

func readGGUF(b []byte) (*ggufFile, error) {
	r := bytes.NewReader(b)
	le := binary.LittleEndian
	var hdr struct {
		Magic   [4]byte
		Version uint32
		Tensors uint64
		KVs     uint64
	}
	if err := binary.Read(r, le, &hdr); err != nil {
		return nil, err
	}
	if string(hdr.Magic[:]) != "GGUF" {
		return nil, fmt.Errorf("magic %q", hdr.Magic)
	}
	f := &ggufFile{version: hdr.Version, kv: map[string]any{}, size: int64(len(b))}
	str := func() string {
		var n uint64
		binary.Read(r, le, &n)
		s := make([]byte, n)
		io.ReadFull(r, s)
		return string(s)
	}
	var value func(t uint32) any
	value = func(t uint32) any {
		switch t {
		case ggufUint32, ggufInt32:
			var v uint32
			binary.Read(r, le, &v)
			return v
		case ggufFloat32:
			var v float32
			binary.Read(r, le, &v)
			return v
		case ggufString:
			return str()
		case ggufArray:
			var et uint32
			var n uint64
			binary.Read(r, le, &et)
			binary.Read(r, le, &n)
			out := make([]any, n)
			for i := range out {
				out[i] = value(et)
			}
			return out
		}
		panic(fmt.Sprintf("type %d", t))
	}
	for i := uint64(0); i < hdr.KVs; i++ {
		k := str()
		var t uint32
		binary.Read(r, le, &t)
		f.kv[k] = value(t)
	}
	for i := uint64(0); i < hdr.Tensors; i++ {
		ti := ggufInfo{name: str()}
		var nd uint32
		binary.Read(r, le, &nd)
		ti.dims = make([]uint64, nd)
		binary.Read(r, le, ti.dims)
		binary.Read(r, le, &ti.typ)
		binary.Read(r, le, &ti.offset)
		f.tensors = append(f.tensors, ti)
	}
	pos := int64(len(b)) - int64(r.Len())
	f.dataBase = (pos + 31) / 32 * 32
	return f, nil
}

func TestTinyGGUFLayout(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := DefaultTinyLlama.Write(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := readGGUF(buf.Bytes())
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	if f.version != 3 {
		t.Errorf("version %d, want 3", f.version)
	}
	if f.size < 300<<10 || f.size > 1<<20 {
		t.Errorf("size %d bytes, want about 0.5 MB", f.size)
	}
	tokens, _ := f.kv["tokenizer.ggml.tokens"].([]any)
	want := map[string]any{
		"general.architecture": "llama", "tokenizer.ggml.model": "llama",
		"llama.block_count": uint32(2), "llama.embedding_length": uint32(64),
		"llama.vocab_size": uint32(len(tokens)),
	}
	for k, v := range want {
		if f.kv[k] != v {
			t.Errorf("%s = %v, want %v", k, f.kv[k], v)
		}
	}
	for _, k := range []string{"tokenizer.ggml.scores", "tokenizer.ggml.token_type"} {
		if a, _ := f.kv[k].([]any); len(a) != len(tokens) {
			t.Errorf("%s has %d entries, want %d", k, len(a), len(tokens))
		}
	}
	// Every byte must be encodable: llama.cpp's SPM byte fallback needs <0xNN>.
	seen := map[string]bool{}
	for _, tok := range tokens {
		if seen[tok.(string)] {
			t.Errorf("duplicate token %q", tok)
		}
		seen[tok.(string)] = true
	}
	for b := 0; b < 256; b++ {
		if !seen[fmt.Sprintf("<0x%02X>", b)] {
			t.Fatalf("byte token <0x%02X> missing", b)
		}
	}
	checkTensors(t, f)
}

// checkTensors: 2 + 9 per layer tensors, aligned, packed, inside the file.
func checkTensors(t *testing.T, f *ggufFile) {
	t.Helper()
	if got, want := len(f.tensors), 3+9*2; got != want {
		t.Errorf("%d tensors, want %d", got, want)
	}
	var next uint64
	for _, ti := range f.tensors {
		n := uint64(4)
		for _, d := range ti.dims {
			n *= d
		}
		if ti.offset%32 != 0 || ti.offset != next || ti.typ != ggmlF32 {
			t.Errorf("%s: offset %d (want %d, aligned 32), type %d", ti.name, ti.offset, next, ti.typ)
		}
		next = pad(ti.offset+n, 32)
	}
	if end := f.dataBase + int64(next); end != f.size {
		t.Errorf("data ends at %d, file is %d bytes", end, f.size)
	}
}

func TestTinyGGUFDeterministic(t *testing.T) {
	t.Parallel()
	var a, b, c bytes.Buffer
	other := DefaultTinyLlama
	other.Seed = 2
	for _, w := range []struct {
		m   TinyLlama
		buf *bytes.Buffer
	}{{DefaultTinyLlama, &a}, {DefaultTinyLlama, &b}, {other, &c}} {
		if err := w.m.Write(w.buf); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("same seed, different bytes")
	}
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("different seeds, same bytes")
	}
	bad := DefaultTinyLlama
	bad.Heads = 5
	if err := bad.Write(io.Discard); err == nil {
		t.Error("64 dims over 5 heads: want an error")
	}
}

// TestTinyLoadsInOllama proves the real engine (llama.cpp inside Ollama
// v0.6.5) loads the generated GGUF and generates from it.
func TestTinyLoadsInOllama(t *testing.T) {
	srv, model := needTiny(t)
	dumpLogOnFailure(t, srv)
	var show struct {
		Details struct {
			Family string `json:"family"`
			Format string `json:"format"`
		} `json:"details"`
	}
	if err := postJSON(srv.URL+"/api/show", map[string]any{"model": model}, &show); err != nil {
		t.Fatal(err)
	}
	if show.Details.Format != "gguf" || show.Details.Family != "llama" {
		t.Errorf("show: %+v, want gguf llama", show.Details)
	}
	var resp struct {
		Message    struct{ Content string } `json:"message"`
		Done       bool                     `json:"done"`
		DoneReason string                   `json:"done_reason"`
		EvalCount  int                      `json:"eval_count"`
	}
	req := map[string]any{"model": model, "stream": false,
		"messages": []map[string]string{{"role": "user", "content": "hello"}}}
	if err := postJSON(srv.URL+"/api/chat", req, &resp); err != nil {
		t.Fatal(err)
	}
	// Shape only: the Modelfile's num_predict 32 bounds the random model.
	if !resp.Done || resp.DoneReason != "length" || resp.EvalCount != 32 || resp.Message.Content == "" {
		t.Errorf("chat: done=%v reason=%q eval_count=%d content=%q", resp.Done, resp.DoneReason, resp.EvalCount, resp.Message.Content)
	}
	if n := countLines(srv.Log(), "llama runner started"); n == 0 {
		t.Error("server log has no \"llama runner started\"")
	}
}

func postJSON(url string, body, out any) error {
	b, err := json.Marshal(body)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(b))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("POST %s: %s: %s", url, resp.Status, strings.TrimSpace(string(data)))
	}
	return json.Unmarshal(data, out)
}
