package msg

import (
	"regexp"
	"slices"
	"strconv"
	"testing"
)

// TestCatalogComplete checks that every key exists in every language and
// that the format verbs of a key agree between languages (same verb for
// the same argument, so a translation can reorder with %[n]s).
func TestCatalogComplete(t *testing.T) {
	for _, lang := range Langs {
		for _, other := range Langs {
			for _, k := range Keys(lang) {
				if !Has(other, k) {
					t.Errorf("key %q is in %s but not in %s", k, lang, other)
				}
			}
		}
	}
	for _, k := range Keys(EN) {
		want := verbs(enOnce()[k])
		for _, lang := range Langs[1:] {
			if got := verbs(catalog(lang)[k]); !slices.Equal(got, want) {
				t.Errorf("%s: %s verbs %v, en verbs %v", k, lang, got, want)
			}
		}
	}
}

var verbRE = regexp.MustCompile(`%(\[(\d+)\])?[-+# 0]*\d*(\.\d+)?([a-zA-Z%])`)

// verbs lists "argument:verb" for each verb of a format, sorted.
func verbs(format string) []string {
	var out []string
	next := 1
	for _, m := range verbRE.FindAllStringSubmatch(format, -1) {
		if m[4] == "%" {
			continue
		}
		i := next
		if m[2] != "" {
			i, _ = strconv.Atoi(m[2])
		}
		next = i + 1
		out = append(out, strconv.Itoa(i)+":"+m[4])
	}
	slices.Sort(out)
	return out
}

func TestVerbs(t *testing.T) {
	if got := verbs("%[2]s de %[1]q, 100%%"); !slices.Equal(got, []string{"1:q", "2:s"}) {
		t.Errorf("verbs = %v", got)
	}
	if got := verbs("%q of %s"); !slices.Equal(got, []string{"1:q", "2:s"}) {
		t.Errorf("verbs = %v", got)
	}
}

func TestGetFallsBack(t *testing.T) {
	if got := Get("pt", "guided.badField", "x"); got != "Não consegui ler esse campo: x" {
		t.Errorf("pt = %q", got)
	}
	if got := Get("fr", "guided.skipWord"); got != "skip" {
		t.Errorf("unknown language = %q, want English", got)
	}
	if got := Get("pt", "no.such.key"); got != "no.such.key" {
		t.Errorf("unknown key = %q", got)
	}
	if got := N("pt", "guided.warnings", 1); got != " (1 aviso)" {
		t.Errorf("plural one = %q", got)
	}
	if got := N("en", "guided.warnings", 3); got != " (3 warnings)" {
		t.Errorf("plural other = %q", got)
	}
}

func TestDetect(t *testing.T) {
	env := map[string]string{"LANG": "pt_BR.UTF-8"}
	if got := FromEnv(func(k string) string { return env[k] }); got != PT {
		t.Errorf("LANG=pt_BR: %q", got)
	}
	env["DATAENG_LANG"] = "en"
	if got := FromEnv(func(k string) string { return env[k] }); got != EN {
		t.Errorf("DATAENG_LANG wins: %q", got)
	}
	if got := FromEnv(func(string) string { return "C" }); got != "" {
		t.Errorf("C locale: %q", got)
	}
	for h, want := range map[string]string{
		"pt-BR,pt;q=0.9,en-US;q=0.8": PT, "en-US,en;q=0.9,pt;q=0.5": EN, "fr-FR": "", "": "",
		"en;q=0.3, pt-BR;q=0.7": PT,
	} {
		if got := FromAcceptLanguage(h); got != want {
			t.Errorf("FromAcceptLanguage(%q) = %q, want %q", h, got, want)
		}
	}
}

func TestTranslate(t *testing.T) {
	for in, want := range map[string]string{
		`data: unknown type "need id" (use string, integer, number, boolean, date, timestamp, time)`: `data: tipo desconhecido "need id" (use string, integer, number, boolean, date, timestamp, time)`,
		`min=5 is above max=1`: `min=5 está acima de max=1`,
		`nothing known here`:   `nothing known here`,
		`"x y": start with the field name, then ':' (e.g. ` + "`order_id: string, required`)": `"x y": comece pelo nome do campo, depois ':' (ex.: ` + "`order_id: string, required`)",
	} {
		if got := Translate(in, "pt", "fields."); got != want {
			t.Errorf("Translate(%q)\n got %q\nwant %q", in, got, want)
		}
	}
	if got := Translate("min=5 is above max=1", "en", "fields."); got != "min=5 is above max=1" {
		t.Errorf("en changed: %q", got)
	}
}
