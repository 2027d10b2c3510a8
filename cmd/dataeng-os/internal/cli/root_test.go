package cli

import (
	"strings"
	"testing"

	"github.com/dataeng-os/dataeng-os/cmd/dataeng-os/internal/iostreams"
)

// TestUsageErrorsByType: every way of calling a command wrongly exits 2
// with the usage hint; the root alone prints help and exits 0.
func TestUsageErrorsByType(t *testing.T) {
	t.Parallel()
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"nope"}, 2, `unknown command "nope"`},
		{[]string{"version", "extra"}, 2, `unknown command "extra"`},
		{[]string{"upgrade"}, 2, "accepts 1 arg"},
		{[]string{"scaffold"}, 2, "requires at least 1 arg"},
		{[]string{"sessions", "show", "a", "b"}, 2, "accepts 1 arg"},
		{[]string{"validate", "--nope"}, 2, "unknown flag: --nope"},
		{[]string{"draft", "--jobs", "x"}, 2, "invalid argument"},
		{nil, 0, "Usage:"},
	}
	for _, tc := range cases {
		ios, _, out, errOut := iostreams.Test()
		f := &Factory{IO: ios, Dir: t.TempDir(), Getenv: func(string) string { return "" }}
		code := RunWith(f, tc.args)
		got := out.String() + errOut.String()
		if code != tc.code || !strings.Contains(got, tc.want) {
			t.Errorf("%v: exit %d, want %d with %q:\n%s", tc.args, code, tc.code, tc.want, got)
		}
		if hint := strings.Contains(errOut.String(), "run 'dataeng-os --help' for usage"); hint != (tc.code == 2) {
			t.Errorf("%v: usage hint shown = %v", tc.args, hint)
		}
	}
}
