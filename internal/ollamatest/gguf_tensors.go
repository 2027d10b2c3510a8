package ollamatest

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
)

// ggufTensor is one F32 tensor: dims in ggml order (dims[0] is contiguous).
type ggufTensor struct {
	name string
	dims []int
	init func(rng *rand.Rand, i int) float32
}

func (t ggufTensor) size() int {
	n := 1
	for _, d := range t.dims {
		n *= d
	}
	return n
}

func ones(*rand.Rand, int) float32 { return 1 }

func normal(scale float64) func(*rand.Rand, int) float32 {
	return func(rng *rand.Rand, _ int) float32 { return float32(rng.NormFloat64() * scale) }
}

// tensors lists the llama tensors llama.cpp expects, in file order.
func (m TinyLlama) tensors(vocab int) []ggufTensor {
	headDim := m.Embd / m.Heads
	kv := headDim * m.HeadsKV
	in := 1 / math.Sqrt(float64(m.Embd))
	ts := []ggufTensor{
		{"token_embd.weight", []int{m.Embd, vocab}, normal(1)},
		{"output_norm.weight", []int{m.Embd}, ones},
		{"output.weight", []int{m.Embd, vocab}, m.outputInit()},
	}
	for l := 0; l < m.Layers; l++ {
		b := fmt.Sprintf("blk.%d.", l)
		ts = append(ts,
			ggufTensor{b + "attn_norm.weight", []int{m.Embd}, ones},
			ggufTensor{b + "attn_q.weight", []int{m.Embd, m.Embd}, normal(in)},
			ggufTensor{b + "attn_k.weight", []int{m.Embd, kv}, normal(in)},
			ggufTensor{b + "attn_v.weight", []int{m.Embd, kv}, normal(in)},
			ggufTensor{b + "attn_output.weight", []int{m.Embd, m.Embd}, normal(in)},
			ggufTensor{b + "ffn_norm.weight", []int{m.Embd}, ones},
			ggufTensor{b + "ffn_gate.weight", []int{m.Embd, m.FF}, normal(in)},
			ggufTensor{b + "ffn_up.weight", []int{m.Embd, m.FF}, normal(in)},
			ggufTensor{b + "ffn_down.weight", []int{m.FF, m.Embd}, normal(1 / math.Sqrt(float64(m.FF)))},
		)
	}
	return ts
}

// outputInit gives every printable token a random output row and the
// control and byte tokens a zero row: their logit stays near 0 while the
// printable ones spread widely, so sampling practically never emits EOS or a
// stray byte (that would end streams early or break UTF-8). A JSON grammar
// still reaches EOS: once the grammar is complete EOS is the only choice.
func (m TinyLlama) outputInit() func(*rand.Rand, int) float32 {
	_, _, types := TinyVocab()
	return func(rng *rand.Rand, i int) float32 {
		if types[i/m.Embd] != tokNormal {
			return 0
		}
		return float32(rng.NormFloat64())
	}
}

func pad(n, align uint64) uint64 { return (n + align - 1) / align * align }

// ggufEncoder appends little-endian GGUF primitives to a buffer.
type ggufEncoder struct{ buf bytes.Buffer }

func (e *ggufEncoder) raw(b []byte) { e.buf.Write(b) }

func (e *ggufEncoder) u32(v uint32) { e.buf.Write(binary.LittleEndian.AppendUint32(nil, v)) }

func (e *ggufEncoder) u64(v uint64) { e.buf.Write(binary.LittleEndian.AppendUint64(nil, v)) }

func (e *ggufEncoder) f32(v float32) { e.u32(math.Float32bits(v)) }

func (e *ggufEncoder) str(s string) {
	e.u64(uint64(len(s)))
	e.buf.WriteString(s)
}

func (e *ggufEncoder) arrayHeader(elemType uint32, n int) {
	e.u32(ggufArray)
	e.u32(elemType)
	e.u64(uint64(n))
}

func (e *ggufEncoder) padTo(align int) {
	for e.buf.Len()%align != 0 {
		e.buf.WriteByte(0)
	}
}
