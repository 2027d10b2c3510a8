// Package atomicfile writes files so that a crash never leaves a half-written
// file: data goes to a temporary file in the same directory, is synced, and is
// moved over the target (or linked into place when the target must not be
// clobbered). Readers see the old file or the new one, never a torn one.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
