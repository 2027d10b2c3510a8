package contract

// The value view (map[string]any, []any) of a document checked by Lint is
// built from reused memory: its maps come cleared from the previous
// document, its sequences are cut from one slice. Lint drops the document
// before it returns, so nothing else can still hold them.

// Bounds on what the buffers keep between documents: a huge document's
// maps are left to the collector.
const (
	maxFreeMaps = 1024
	maxFreeMap  = 64 // entries
	maxSlots    = 1 << 16
	maxProps    = 1 << 12
)

// newMap returns an empty map for the current document.
func (b *parseBuffers) newMap(hint int) map[string]any {
	if b == nil {
		return make(map[string]any, hint)
	}
	var m map[string]any
	if n := len(b.maps); n > 0 {
		m, b.maps = b.maps[n-1], b.maps[:n-1]
	} else {
		m = make(map[string]any, hint)
	}
	b.used = append(b.used, m)
	return m
}

// newSeq returns a slice of n elements for the current document.
func (b *parseBuffers) newSeq(n int) []any {
	if b == nil || n > maxSlots/4 {
		return make([]any, n)
	}
	if b.nSlot+n > len(b.slots) {
		// The old slice stays with the sequences cut from it.
		b.slots, b.nSlot = make([]any, max(2*len(b.slots), 256, n)), 0
	}
	out := b.slots[b.nSlot : b.nSlot+n : b.nSlot+n]
	b.nSlot += n
	return out
}

// newProps returns an empty property list with room for n.
func (b *parseBuffers) newProps(n int) []Property {
	if b == nil || n > maxProps/4 {
		return make([]Property, 0, n)
	}
	if b.nProp+n > len(b.props) {
		b.props, b.nProp = make([]Property, max(2*len(b.props), 64, n)), 0
	}
	out := b.props[b.nProp : b.nProp : b.nProp+n]
	b.nProp += n
	return out
}

// releaseValues takes back the current document's maps and slots, cleared
// (so the pool keeps no value of it alive).
func (b *parseBuffers) releaseValues() {
	for _, m := range b.used {
		if len(m) <= maxFreeMap && len(b.maps) < maxFreeMaps {
			clear(m)
			b.maps = append(b.maps, m)
		}
	}
	clear(b.used)
	b.used = b.used[:0]
	clear(b.slots[:b.nSlot])
	b.nSlot = 0
	if len(b.slots) > maxSlots {
		b.slots = nil
	}
	clear(b.props[:b.nProp])
	b.nProp = 0
	if len(b.props) > maxProps {
		b.props = nil
	}
}
