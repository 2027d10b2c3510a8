package msg

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/dataeng-os/dataeng-os/internal/lazyre"
)

// Translate renders a sentence produced in English from one of the
// catalog's formats under prefix (e.g. "contract.") in lang: the text is
// matched against each English format and the arguments it captured are
// written into lang's format. A nested sentence (an argument of a %s verb)
// is translated too. Text no format matches is returned unchanged, as is
// everything when lang is not Portuguese.
func Translate(s, lang, prefix string) string {
	return translateDepth(s, Normalize(lang), prefix, 6)
}

func translateDepth(s, lang, prefix string, depth int) string {
	if s == "" || lang != PT || depth == 0 {
		return s
	}
	for _, t := range templatesOf(prefix) {
		m := t.re.FindStringSubmatch(s)
		if m == nil {
			continue
		}
		args := m[1:]
		for i, v := range t.verbs {
			if v == 's' {
				args[i] = translateDepth(args[i], lang, prefix, depth-1)
			}
		}
		return fill(Get(lang, t.key), args)
	}
	return s
}

type template struct {
	key      Key
	re       *regexp.Regexp
	verbs    []byte // the verb of each capture
	literal  int    // characters of fixed text: the most specific wins
	anchored bool   // starts with fixed text: wins over one that starts with a verb
}

var (
	tmplMu sync.Mutex
	tmpls  = map[string][]template{}
)

// templatesOf compiles the English formats of the keys under prefix, the
// most specific first: those that start with fixed text (so that "ODCS %s
// schema: %s" wraps the enum sentence it holds rather than "%s: %s is not
// one of %s" swallowing the prefix), then by most fixed text.
func templatesOf(prefix string) []template {
	tmplMu.Lock()
	defer tmplMu.Unlock()
	if ts, ok := tmpls[prefix]; ok {
		return ts
	}
	var ts []template
	for k, f := range enOnce() {
		if strings.HasPrefix(string(k), prefix) {
			ts = append(ts, compileTemplate(k, f))
		}
	}
	sort.Slice(ts, func(i, j int) bool {
		if ts[i].anchored != ts[j].anchored {
			return ts[i].anchored
		}
		if ts[i].literal != ts[j].literal {
			return ts[i].literal > ts[j].literal
		}
		return ts[i].key < ts[j].key
	})
	tmpls[prefix] = ts
	return ts
}

var fmtVerbRE = lazyre.New(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)

// compileTemplate turns a format into an anchored regexp with one group
// per verb: %q matches a Go-quoted string, any other verb some text.
func compileTemplate(k Key, format string) template {
	t := template{key: k}
	var b strings.Builder
	b.WriteString("^")
	last := 0
	locs := fmtVerbRE.FindAllStringIndex(format, -1)
	t.anchored = len(locs) == 0 || locs[0][0] > 0
	for _, loc := range locs {
		lit := format[last:loc[0]]
		b.WriteString(regexp.QuoteMeta(lit))
		t.literal += len(lit)
		verb := format[loc[1]-1]
		switch verb {
		case '%':
			b.WriteString("%")
		case 'q':
			b.WriteString(`("(?:[^"\\]|\\.)*")`)
		default:
			b.WriteString(`(.+?)`)
		}
		if verb != '%' {
			t.verbs = append(t.verbs, verb)
		}
		last = loc[1]
	}
	b.WriteString(regexp.QuoteMeta(format[last:]) + "$")
	t.literal += len(format) - last
	t.re = regexp.MustCompile(b.String())
	return t
}

// fill writes the captured arguments into a translated format, verb by
// verb (explicit indexes %[n]s allowed), as the text they matched.
func fill(format string, args []string) string {
	var b strings.Builder
	last, next := 0, 0
	for _, loc := range fmtVerbRE.FindAllStringSubmatchIndex(format, -1) {
		b.WriteString(format[last:loc[0]])
		last = loc[1]
		if format[loc[1]-1] == '%' {
			b.WriteString("%")
			continue
		}
		i := next
		if loc[2] >= 0 {
			n, _ := strconv.Atoi(format[loc[2]+1 : loc[3]-1])
			i = n - 1
		}
		next = i + 1
		if i >= 0 && i < len(args) {
			b.WriteString(args[i])
		}
	}
	b.WriteString(format[last:])
	return b.String()
}
