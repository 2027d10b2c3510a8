//go:build unix

package cli

import (
	"errors"
	"syscall"
)

// readRegularInto reads a regular file of at most maxBytes+1 bytes with
// four system calls (open, fstat, read, close), into buf when it is large
// enough (validate's workers reuse one buffer for every file). os.Open
// adds four fcntl calls and a failing epoll_ctl per file to register it
// with the network poller, which a regular file never uses: on 10,000
// small contracts those were half of validate's system calls. ok is false
// when path is not a regular file (a directory, a pipe, /dev/stdin) or
// cannot be opened: the caller's os.Open path then reads it, and says why
// it cannot.
func readRegularInto(path string, maxBytes int64, buf []byte) (data []byte, ok bool, err error) {
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, false, nil
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, false, nil
	}
	size := st.Size
	if size >= maxBytes {
		size = maxBytes + 1
	}
	if int64(cap(buf)) >= size {
		buf = buf[:size]
	} else {
		buf = make([]byte, size)
	}
	n := 0
	for n < len(buf) {
		m, err := syscall.Read(fd, buf[n:])
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if err != nil {
			return nil, true, err
		}
		if m == 0 {
			break // the file shrank
		}
		n += m
	}
	return buf[:n], true, nil
}
