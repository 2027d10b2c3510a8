package ollamatest

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// GGUF value types (GGUF v3).
const (
	ggufUint32  = 4
	ggufInt32   = 5
	ggufFloat32 = 6
	ggufString  = 8
	ggufArray   = 9
)

// ggml tensor type of every tensor we write.
const ggmlF32 = 0

// llama.cpp token types.
const (
	tokNormal  = 1
	tokUnknown = 2
	tokControl = 3
	tokByte    = 6
)

// TinyLlama is the shape of the fallback model: a llama with random weights,
// small enough (about 0.5 MB) to be written on the fly by a test. It speaks
// nonsense; it exists to drive the real engine's protocol paths (streaming,
// format grammars, cancellation, errors), so tests assert shape, not content.
type TinyLlama struct {
	Embd, FF, Heads, HeadsKV, Layers, Context int
	Seed                                      uint64
}

// DefaultTinyLlama is the fallback model the tests use.
var DefaultTinyLlama = TinyLlama{Embd: 64, FF: 128, Heads: 4, HeadsKV: 2, Layers: 2, Context: 4096, Seed: 1}

// TinyVocab is the SentencePiece-style vocabulary of the tiny model: unk,
// BOS, EOS, the 256 byte-fallback tokens (llama.cpp needs them to encode any
// input), printable ASCII and "▁x" word starts.
func TinyVocab() (tokens []string, scores []float32, types []int32) {
	add := func(s string, typ int32) {
		tokens = append(tokens, s)
		scores = append(scores, -float32(len(tokens)))
		types = append(types, typ)
	}
	add("<unk>", tokUnknown)
	add("<s>", tokControl)
	add("</s>", tokControl)
	for b := 0; b < 256; b++ {
		add(fmt.Sprintf("<0x%02X>", b), tokByte)
	}
	add("▁", tokNormal)
	for c := byte('!'); c <= '~'; c++ {
		add(string(c), tokNormal)
	}
	for c := byte('a'); c <= 'z'; c++ {
		add("▁"+string(c), tokNormal)
	}
	return tokens, scores, types
}

// WriteFile writes the model to path atomically (temp file + rename).
func (m TinyLlama) WriteFile(path string) error {
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".gguf-*")
	if err != nil {
		return fmt.Errorf("write tiny gguf: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return fmt.Errorf("write tiny gguf %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write tiny gguf %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("write tiny gguf %s: %w", path, err)
	}
	return os.Rename(tmp.Name(), path)
}

// Write encodes the model as a GGUF v3 file.
func (m TinyLlama) Write(w io.Writer) error {
	if m.Embd%m.Heads != 0 || m.Heads%m.HeadsKV != 0 || (m.Embd/m.Heads)%2 != 0 {
		return fmt.Errorf("tiny gguf: embd %d, heads %d, kv heads %d do not divide", m.Embd, m.Heads, m.HeadsKV)
	}
	tokens, scores, types := TinyVocab()
	e := &ggufEncoder{}
	e.raw([]byte("GGUF"))
	e.u32(3)
	tensors := m.tensors(len(tokens))
	e.u64(uint64(len(tensors)))
	kvs := m.metadata(tokens, scores, types)
	e.u64(uint64(len(kvs)))
	for _, kv := range kvs {
		e.str(kv.key)
		kv.put(e)
	}
	const align = 32
	var offset uint64
	for _, t := range tensors {
		e.str(t.name)
		e.u32(uint32(len(t.dims)))
		for _, d := range t.dims {
			e.u64(uint64(d))
		}
		e.u32(ggmlF32)
		e.u64(offset)
		offset += pad(uint64(4*t.size()), align)
	}
	e.padTo(align)
	rng := rand.New(rand.NewPCG(m.Seed, 0x5eed))
	for _, t := range tensors {
		for i := 0; i < t.size(); i++ {
			e.f32(t.init(rng, i))
		}
		e.padTo(align)
	}
	_, err := w.Write(e.buf.Bytes())
	return err
}

type ggufKV struct {
	key string
	put func(*ggufEncoder)
}

func (m TinyLlama) metadata(tokens []string, scores []float32, types []int32) []ggufKV {
	u32 := func(k string, v int) ggufKV {
		return ggufKV{k, func(e *ggufEncoder) { e.u32(ggufUint32); e.u32(uint32(v)) }}
	}
	str := func(k, v string) ggufKV {
		return ggufKV{k, func(e *ggufEncoder) { e.u32(ggufString); e.str(v) }}
	}
	f32 := func(k string, v float32) ggufKV {
		return ggufKV{k, func(e *ggufEncoder) { e.u32(ggufFloat32); e.f32(v) }}
	}
	return []ggufKV{
		str("general.architecture", "llama"),
		str("general.name", "dataeng-os tiny random llama"),
		u32("general.file_type", 0), // all F32
		u32("general.alignment", 32),
		u32("llama.context_length", m.Context),
		u32("llama.embedding_length", m.Embd),
		u32("llama.block_count", m.Layers),
		u32("llama.feed_forward_length", m.FF),
		u32("llama.attention.head_count", m.Heads),
		u32("llama.attention.head_count_kv", m.HeadsKV),
		u32("llama.rope.dimension_count", m.Embd/m.Heads),
		u32("llama.vocab_size", len(tokens)),
		f32("llama.rope.freq_base", 10000),
		f32("llama.attention.layer_norm_rms_epsilon", 1e-5),
		str("tokenizer.ggml.model", "llama"),
		{"tokenizer.ggml.tokens", func(e *ggufEncoder) {
			e.arrayHeader(ggufString, len(tokens))
			for _, s := range tokens {
				e.str(s)
			}
		}},
		{"tokenizer.ggml.scores", func(e *ggufEncoder) {
			e.arrayHeader(ggufFloat32, len(scores))
			for _, s := range scores {
				e.f32(s)
			}
		}},
		{"tokenizer.ggml.token_type", func(e *ggufEncoder) {
			e.arrayHeader(ggufInt32, len(types))
			for _, t := range types {
				e.u32(uint32(t))
			}
		}},
		u32("tokenizer.ggml.unknown_token_id", 0),
		u32("tokenizer.ggml.bos_token_id", 1),
		u32("tokenizer.ggml.eos_token_id", 2),
	}
}
