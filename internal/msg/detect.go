package msg

import (
	"strconv"
	"strings"
)

// FromEnv returns the language the environment asks for: $DATAENG_LANG,
// then the locale ($LC_ALL, $LC_MESSAGES, $LANG); "" when none names a
// language (unset, C or POSIX).
func FromEnv(getenv func(string) string) string {
	for _, k := range []string{"DATAENG_LANG", "LC_ALL", "LC_MESSAGES", "LANG"} {
		v := strings.ToLower(strings.TrimSpace(getenv(k)))
		if v == "" || v == "c" || v == "posix" || strings.HasPrefix(v, "c.") {
			continue
		}
		return Normalize(v)
	}
	return ""
}

// FromAcceptLanguage picks the catalog language an HTTP Accept-Language
// header prefers most ("pt-BR,pt;q=0.9,en;q=0.8" → "pt"); "" when it names
// none of them.
func FromAcceptLanguage(header string) string {
	best, bestQ := "", -1.0
	for _, part := range strings.Split(header, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		lang := ""
		switch t := strings.ToLower(tag); {
		case strings.HasPrefix(t, "pt"):
			lang = PT
		case strings.HasPrefix(t, "en"):
			lang = EN
		}
		if lang != "" && q > 0 && q > bestQ {
			best, bestQ = lang, q
		}
	}
	return best
}
