package contract

import "github.com/dataeng-os/dataeng-os/internal/msg"

// Localize returns the findings with Message and Hint in lang ("pt", "en";
// "" or unknown: English, unchanged). Each text is matched against the
// catalog's English formats (internal/msg, keys "contract.*") and rendered
// with the same arguments in lang; a nested message (the reason after
// "relationship to ...: ") is translated too. Text the catalog does not
// know stays in English.
func Localize(fs []Finding, lang string) []Finding {
	if msg.Normalize(lang) != msg.PT || len(fs) == 0 {
		return fs
	}
	out := make([]Finding, len(fs))
	for i, f := range fs {
		f.Message = LocalizeText(f.Message, lang)
		f.Hint = LocalizeText(f.Hint, lang)
		out[i] = f
	}
	return out
}

// LocalizeText translates one validator sentence (see Localize).
func LocalizeText(s, lang string) string {
	return msg.Translate(s, lang, "contract.")
}
