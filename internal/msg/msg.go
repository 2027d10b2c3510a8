// Package msg is the message catalog of DataEngOS: every sentence a person
// reads in the guided interviewer, in validator findings and hints and in
// the cockpit, keyed by a typed Key, in English ("en") and Brazilian
// Portuguese ("pt"). English is the fallback for a key a language lacks.
package msg

import (
	"fmt"
	"strings"
)

// Key names one message of the catalog.
type Key string

// Languages of the catalog.
const (
	EN = "en"
	PT = "pt"
)

// Langs lists the catalog's languages, English first.
var Langs = []string{EN, PT}

// Get renders key in lang with args, falling back to English, then to the
// key itself.
func Get(lang string, k Key, args ...any) string {
	s, ok := catalog(Normalize(lang))[k]
	if !ok {
		if s, ok = enOnce()[k]; !ok {
			s = string(k)
		}
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// Has reports whether lang's catalog has key.
func Has(lang string, k Key) bool {
	_, ok := catalog(Normalize(lang))[k]
	return ok
}

// N renders the plural form of key for n: key+".one" when n is 1, else
// key+".other". n is passed as the first argument.
func N(lang string, k Key, n int, args ...any) string {
	form := k + ".other"
	if n == 1 || n == -1 {
		form = k + ".one"
	}
	return Get(lang, form, append([]any{n}, args...)...)
}

// Keys returns every key of lang's catalog.
func Keys(lang string) []Key {
	c := catalog(Normalize(lang))
	out := make([]Key, 0, len(c))
	for k := range c {
		out = append(out, k)
	}
	return out
}

// Normalize maps a language tag or locale ("pt", "pt-BR", "pt_BR.UTF-8",
// "portuguese", "en_US") to a catalog language; "" stays "", anything
// else is English.
func Normalize(tag string) string {
	t := strings.ToLower(strings.TrimSpace(tag))
	switch {
	case t == "":
		return ""
	case strings.HasPrefix(t, "pt") || strings.HasPrefix(t, "portug"):
		return PT
	}
	return EN
}
