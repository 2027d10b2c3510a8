package cli

import "testing"

func TestOneShot(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		gogc string
		want bool
	}{
		{[]string{"validate", "x.yaml"}, "", true},
		{[]string{"--no-color", "diff", "a", "b"}, "", true},
		{[]string{"-C", "serve", "validate"}, "", true}, // -C's value is a directory named serve
		{[]string{"serve"}, "", false},
		{[]string{"--project", "p", "chat"}, "", false},
		{[]string{"draft", "notes"}, "", false},
		{[]string{"validate"}, "100", false}, // the person's GOGC wins
		{nil, "", false},
	} {
		env := map[string]string{"GOGC": tc.gogc}
		if got := oneShot(tc.args, func(k string) string { return env[k] }); got != tc.want {
			t.Errorf("oneShot(%q, GOGC=%q) = %v, want %v", tc.args, tc.gogc, got, tc.want)
		}
	}
}
