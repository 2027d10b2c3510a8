package agent

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
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

// Generated reports whether a file was written by DataEngOS and not edited
// since (its marker hash still matches).
func Generated(data []byte) bool { return unedited(data) }

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

// atomicWrite writes data to a temp file beside path, syncs it and moves it
// into place. With replace false it never clobbers: it fails when path
// appeared meanwhile.
func atomicWrite(path string, data []byte, replace bool) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	name := tmp.Name()
	defer os.Remove(name)
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(name, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if replace {
		if err := os.Rename(name, path); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	}
	if err := os.Link(name, path); err != nil {
		if os.IsExist(err) {
			return fmt.Errorf("write %s: the file appeared meanwhile; not overwriting it", path)
		}
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
