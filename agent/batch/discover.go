package batch

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MaxNoteBytes bounds one note's size.
const MaxNoteBytes = 4 << 20

// Note is one input note.
type Note struct {
	Path string `json:"path"` // absolute path
	Name string `json:"name"` // sanitised output name (canvases/<name>.md)
	Hash string `json:"hash"` // sha256 of the content, "sha256:<hex>"
	Size int64  `json:"size"`
}

// IsNoteFile reports whether name has a note extension (.md, .txt).
func IsNoteFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".txt":
		return true
	}
	return false
}

// Discover expands args (files, folders, globs; relative to dir) into the
// sorted, de-duplicated list of notes, with their hashes and unique names.
// Folder walks skip hidden entries and the absolute paths in skip (the
// tool's own output folders); a file named explicitly is always taken.
func Discover(dir string, args []string, skip ...string) ([]Note, error) {
	skipped := map[string]bool{}
	for _, p := range skip {
		skipped[filepath.Clean(p)] = true
	}
	seen := map[string]bool{}
	var paths []string
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			paths = append(paths, p)
		}
	}
	for _, arg := range args {
		if err := expand(dir, arg, add, skipped); err != nil {
			return nil, err
		}
	}
	sort.Strings(paths)
	notes := make([]Note, 0, len(paths))
	for _, p := range paths {
		n, err := statNote(p)
		if err != nil {
			return nil, err
		}
		notes = append(notes, n)
	}
	nameNotes(notes)
	return notes, nil
}

func expand(dir, arg string, add func(string), skipped map[string]bool) error {
	p := arg
	if !filepath.IsAbs(p) {
		p = filepath.Join(dir, p)
	}
	if strings.ContainsAny(arg, "*?[") {
		ms, err := filepath.Glob(p)
		if err != nil {
			return fmt.Errorf("notes %q: bad pattern: %w", arg, err)
		}
		n := 0
		for _, m := range ms {
			if fi, err := os.Stat(m); err == nil && (fi.IsDir() || IsNoteFile(m)) {
				n++
				if err := expand(dir, m, add, skipped); err != nil {
					return err
				}
			}
		}
		if n == 0 {
			return fmt.Errorf("notes %q: no .md or .txt file matches", arg)
		}
		return nil
	}
	fi, err := os.Stat(p)
	if err != nil {
		return fmt.Errorf("notes %s: %w", arg, unwrapPathErr(err))
	}
	if !fi.IsDir() {
		if !IsNoteFile(p) {
			return fmt.Errorf("notes %s: not a note (want .md or .txt)", arg)
		}
		add(filepath.Clean(p))
		return nil
	}
	return filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("notes %s: %w", path, unwrapPathErr(err))
		}
		if d.IsDir() && path != p && (strings.HasPrefix(d.Name(), ".") || skipped[path]) {
			return filepath.SkipDir
		}
		if d.Type().IsRegular() && IsNoteFile(path) && !strings.HasPrefix(d.Name(), ".") && !skipped[path] {
			add(filepath.Clean(path))
		}
		return nil
	})
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func statNote(p string) (Note, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return Note{}, fmt.Errorf("read note %s: %w", p, unwrapPathErr(err))
	}
	if len(data) > MaxNoteBytes {
		return Note{}, fmt.Errorf("note %s: %d bytes, more than the %d-byte limit", p, len(data), MaxNoteBytes)
	}
	return Note{Path: p, Hash: HashBytes(data), Size: int64(len(data))}, nil
}

// HashBytes is the content hash used in the manifest.
func HashBytes(b []byte) string {
	s := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(s[:])
}

// nameNotes gives each note a unique sanitised name; notes whose names
// collide get their folder's name as a prefix, then a counter.
func nameNotes(notes []Note) {
	count := map[string]int{}
	for i := range notes {
		notes[i].Name = SanitizeName(filepath.Base(notes[i].Path))
		count[notes[i].Name]++
	}
	used := map[string]bool{}
	for i := range notes {
		n := notes[i].Name
		if count[n] > 1 {
			n = SanitizeName(filepath.Base(filepath.Dir(notes[i].Path))) + "_" + n
		}
		base := n
		for k := 2; used[n]; k++ {
			n = fmt.Sprintf("%s_%d", base, k)
		}
		used[n] = true
		notes[i].Name = n
	}
}

// SanitizeName turns a file name into a safe output name: lower-case ASCII
// snake_case, accents dropped, a leading ordering number ("01-") removed,
// at most 64 characters, never empty, never a path.
func SanitizeName(file string) string {
	base := strings.TrimSuffix(file, filepath.Ext(file))
	var b strings.Builder
	us := false
	for _, r := range norm.NFD.String(base) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(unicode.ToLower(r))
			us = false
		default:
			if !us && b.Len() > 0 {
				b.WriteByte('_')
				us = true
			}
		}
	}
	s := strings.Trim(b.String(), "_")
	if i := strings.IndexByte(s, '_'); i > 0 && isDigits(s[:i]) {
		s = s[i+1:]
	}
	if len(s) > 64 {
		s = strings.TrimRight(s[:64], "_")
	}
	if s == "" || isDigits(s) {
		s = "note" + s
	}
	return s
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
