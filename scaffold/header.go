package scaffold

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"path"
	"regexp"
)

// A generated file's first line names what produced it and the hash of the
// rest of the file (the body). A body whose hash no longer matches was
// edited by hand.
//
//	-- dataeng-os: generated from contract <id> v<version>; hash sha256:<16 hex>. ...
var headerRE = regexp.MustCompile(`^(?:--|#) dataeng-os: generated from (.+); hash sha256:([0-9a-f]{16})\.`)

const headerTail = ". Edit the contract and re-run dataeng-os scaffold; hand edits are kept unless --force."

// bodyHash is the short SHA-256 of a body.
func bodyHash(body []byte) string {
	sum := sha256.Sum256(body)
	return hex.EncodeToString(sum[:8])
}

// commentPrefix picks the comment syntax for a file name.
func commentPrefix(name string) string {
	switch path.Ext(name) {
	case ".sql":
		return "-- "
	default:
		return "# "
	}
}

// withHeader prepends the header line to body.
func withHeader(name, label string, body []byte) []byte {
	prefix := commentPrefix(name)
	const hashLen = 16
	n := len(prefix) + len("dataeng-os: generated from ") + len(label) + len("; hash sha256:") + hashLen + len(headerTail) + 1
	b := make([]byte, 0, n+len(body))
	b = append(b, prefix...)
	b = append(b, "dataeng-os: generated from "...)
	b = append(b, label...)
	b = append(b, "; hash sha256:"...)
	b = append(b, bodyHash(body)...)
	b = append(b, headerTail...)
	b = append(b, '\n')
	return append(b, body...)
}

// Header is what a generated file's first line says.
type Header struct {
	Label string // e.g. "contract orders-v1 v1.0.0"
	Hash  string // the recorded body hash
	// Edited is true when the body no longer matches the recorded hash.
	Edited bool
}

// ParseHeader reads the header of a generated file; ok is false when the
// file has none (it was not generated, or its header was removed).
func ParseHeader(data []byte) (h Header, ok bool) {
	line, body, _ := bytes.Cut(data, []byte("\n"))
	m := headerRE.FindSubmatch(line)
	if m == nil {
		return Header{}, false
	}
	h = Header{Label: string(m[1]), Hash: string(m[2])}
	h.Edited = bodyHash(body) != h.Hash
	return h, true
}
