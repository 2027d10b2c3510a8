package spec

import (
	"regexp"
	"strings"
)

var nonName = regexp.MustCompile(`[^a-z0-9]+`)

// SanitizeName derives a safe file-name stem from any text: lower-case
// ASCII letters, digits and underscores, at most 64 characters, never
// empty, never a path. "../../etc/passwd" becomes "etc_passwd".
func SanitizeName(s string) string {
	s = strings.ToLower(FoldAccents(s))
	s = strings.Trim(nonName.ReplaceAllString(s, "_"), "_")
	if len(s) > 64 {
		s = strings.Trim(s[:64], "_")
	}
	if s == "" {
		return "dataset"
	}
	return s
}

func MergeQuestions(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, q := range append(append([]string{}, a...), b...) {
		k := strings.ToLower(strings.TrimSpace(q))
		if k != "" && !seen[k] {
			seen[k] = true
			out = append(out, q)
		}
	}
	return out
}
