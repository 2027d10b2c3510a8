package agent

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/dataeng-os/dataeng-os/internal/atomicfile"
)

const markerTag = "dataeng-os: generated, sha256:"

func yamlMarker(h string) string {
	return "# " + markerTag + h + " (edit freely: the tool will not overwrite an edited file)"
}

func markdownMarker(h string) string {
	return "<!-- " + markerTag + h + " (edit freely: the tool will not overwrite an edited file) -->"
}

func hashOf(body string) string {
	s := sha256.Sum256([]byte(body))
	return hex.EncodeToString(s[:16])
}

var markerRE = regexp.MustCompile(regexp.QuoteMeta(markerTag) + `([0-9a-f]{32})`)

// unedited reports whether data is a tool-written file whose body still
// has the hash its marker line records.
func unedited(data []byte) bool {
	first, body, ok := bytes.Cut(data, []byte("\n"))
	if !ok {
		return false
	}
	m := markerRE.FindSubmatch(first)
	return m != nil && string(m[1]) == hashOf(string(body))
}

// besideName inserts ".new" before the compound extension:
// contracts/x.odcs.yaml → contracts/x.new.odcs.yaml.
func besideName(rel string) string {
	dir, base := filepath.Split(rel)
	stem, ext, _ := strings.Cut(base, ".")
	if ext == "" {
		return dir + stem + ".new"
	}
	return dir + stem + ".new." + ext
}

// atomicWrite writes data atomically. With replace false it never
// clobbers: it fails when path appeared meanwhile.
func atomicWrite(path string, data []byte, replace bool) error {
	if replace {
		return atomicfile.WriteFile(path, data, 0o644)
	}
	return atomicfile.CreateNew(path, data, 0o644)
}
