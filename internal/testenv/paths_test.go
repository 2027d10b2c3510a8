package testenv

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// machinePath matches an absolute path under a machine-specific folder (a
// home, /root, /tmp, /work, macOS or Windows user folders) or the sibling
// reference folder. The pattern is assembled so this file does not match.
var machinePath = regexp.MustCompile(`(^|[\s"'=(:,\x60])(` + strings.Join([]string{
	"/ho" + `me/[a-z][\w.-]*/`, "/ro" + "ot/", "/t" + "mp/", "/wo" + "rk/", "/Us" + `ers/[\w.-]+/`, `[A-Za-z]:\\Us` + `ers\\`, `\.\./` + `shared\b`,
}, "|") + `)`)

func TestMachinePathMatcher(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"see " + "/ho" + "me/alice/repo", true},
		{`dir := "` + "/wo" + `rk/x"`, true},
		{"cd ../" + "shared/notes", true},
		{"out=" + "/t" + "mp/x", true},
		{"C:" + `\Us` + `ers\bob\x`, true},
		{"#!/usr/bin/env bash", false},
		{"/usr/bin/chromium", false},
		{"validate /dev/stdin", false},
		{"cat /etc/passwd", false},
		{"models/tmp/x.sql", false},
	} {
		if got := machinePath.MatchString(tc.line); got != tc.want {
			t.Errorf("%q: match=%v, want %v", tc.line, got, tc.want)
		}
	}
}

// TestNoMachinePaths: no tracked (or new, unignored) text file names a
// machine folder, so a fresh clone in any parent folder runs the same.
func TestNoMachinePaths(t *testing.T) {
	t.Parallel()
	root := RepoRoot()
	cmd := exec.Command("git", "ls-files", "--cached", "--others", "--exclude-standard", "-z")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		Missing(t, "git ls-files in %s: %v", root, err)
		return
	}
	for _, name := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil || bytes.IndexByte(data, 0) >= 0 || strings.HasSuffix(name, ".sum") {
			continue // removed in the work tree, binary, or checksums
		}
		for i, line := range strings.Split(string(data), "\n") {
			if machinePath.MatchString(line) {
				t.Errorf("%s:%d names a machine path: %s", name, i+1, strings.TrimSpace(line))
			}
		}
	}
}
