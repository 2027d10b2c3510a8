// Package atomicfile writes files so that a crash never leaves a half-written
// file: data goes to a temporary file in the same directory, is synced, and is
// moved over the target (or linked into place when the target must not be
// clobbered). Readers see the old file or the new one, never a torn one.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrExists is returned (wrapped) by CreateNew when the target exists.
var ErrExists = os.ErrExist

// WriteFile atomically replaces path with data, creating parent directories.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// Write atomically replaces path with what write produces, creating parent
// directories, and syncs the directory so the rename survives a crash.
func Write(path string, perm os.FileMode, write func(io.Writer) error) error {
	return place(path, perm, write, os.Rename)
}

// CreateNew writes path atomically only when it does not exist: it never
// clobbers a file, even one that appears while it writes. The error wraps
// ErrExists when the file is there.
func CreateNew(path string, data []byte, perm os.FileMode) error {
	return place(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	}, os.Link)
}

func place(path string, perm os.FileMode, write func(io.Writer) error, move func(string, string) error) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	name := tmp.Name()
	defer os.Remove(name) // after a rename there is nothing left to remove
	err = write(tmp)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, perm)
	}
	if err == nil {
		err = move(name, path)
	}
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("write %s: %w; not overwriting it", path, ErrExists)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename durable; errors are ignored (some filesystems do
// not support syncing a directory).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// ErrSymlink is returned (wrapped) by CheckNoSymlink.
var ErrSymlink = errors.New("refusing to write through a symbolic link")

// CheckNoSymlink refuses target when it is not under root, or when target
// itself or any existing folder between root and target is a symbolic link:
// a link could lead the write outside root. Root itself may be a link.
// Components that do not exist yet are fine: they are created as real
// folders.
func CheckNoSymlink(root, target string) error {
	root, target = filepath.Clean(root), filepath.Clean(target)
	rel, err := filepath.Rel(root, target)
	if err != nil || !filepath.IsLocal(rel) {
		return fmt.Errorf("write %s: it is outside %s", target, root)
	}
	p := root
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		p = filepath.Join(p, part)
		fi, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("write %s: %w", target, err)
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			r, _ := filepath.Rel(root, p)
			return fmt.Errorf("write %s: %w: %s is a link (replace it with a real folder or file inside %s)", target, ErrSymlink, filepath.ToSlash(r), root)
		}
	}
	return nil
}
