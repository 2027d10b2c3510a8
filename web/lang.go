package web

import (
	"encoding/json"
	"html/template"
	"net/http"
	"strings"

	"github.com/dataeng-os/dataeng-os/contract"
	"github.com/dataeng-os/dataeng-os/internal/msg"
)

// pageLang is the language of a page: ?lang=pt|en, else the browser's
// Accept-Language, else English.
func pageLang(r *http.Request) string {
	if l := msg.Normalize(r.URL.Query().Get("lang")); l != "" {
		return l
	}
	if l := msg.FromAcceptLanguage(r.Header.Get("Accept-Language")); l != "" {
		return l
	}
	return msg.EN
}

// htmlLang is the <html lang> attribute of a catalog language.
func htmlLang(lang string) string {
	if lang == msg.PT {
		return "pt-BR"
	}
	return "en"
}

// langFuncs are the templates' catalog functions: t (text), th (catalog
// text with markup, trusted) and tn (plural forms).
var langFuncs = template.FuncMap{
	"t": func(lang, key string, args ...any) string { return msg.Get(lang, msg.Key(key), args...) },
	"th": func(lang, key string) template.HTML {
		return template.HTML(msg.Get(lang, msg.Key(key))) // #nosec G203 -- the catalog's own markup
	},
	"tn":       func(lang, key string, n int) string { return msg.N(lang, msg.Key(key), n) },
	"htmlLang": htmlLang,
	"help":     helpMark,
}

// helpMark is a field's "?" with its short help (catalog key) in lang,
// shown on hover or focus (style.css .help) and read by screen readers.
func helpMark(lang, key string) template.HTML {
	h := template.HTMLEscapeString(msg.Get(lang, msg.Key(key)))
	return template.HTML(`<span class="help" tabindex="0" role="note" aria-label="` + h + `" data-help="` + h + `">?</span>`) // #nosec G203 -- escaped above
}

// jsMessages is the catalog's cockpit table ("web.*" keys) in lang, as
// JSON for the pages' scripts (cockpit.t in common.js).
func jsMessages(lang string) string {
	m := map[string]string{}
	for _, k := range msg.Keys(msg.EN) {
		if strings.HasPrefix(string(k), "web.") {
			m[string(k)] = msg.Get(lang, k)
		}
	}
	b, _ := json.Marshal(m)
	return string(b)
}

var titleKeys = map[string]string{"catalog": "web.title.catalog", "editor": "web.title.editor", "chat": "web.title.chats", "lineage": "web.title.lineage"}

// localized renders a check's findings in the request's language (the
// editor's fetches carry the browser's Accept-Language).
func localized(res checkResult, r *http.Request) checkResult {
	res.Findings = contract.Localize(res.Findings, pageLang(r))
	return res
}
