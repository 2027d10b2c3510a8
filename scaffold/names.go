package scaffold

import (
	"fmt"
	"path"
	"strings"
	"unicode"
)

// latin folds common accented letters so that Portuguese or Spanish names
// still give ASCII identifiers (endereço → endereco).
var latin = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ã", "a", "ä", "a", "å", "a",
	"é", "e", "è", "e", "ê", "e", "ë", "e",
	"í", "i", "ì", "i", "î", "i", "ï", "i",
	"ó", "o", "ò", "o", "ô", "o", "õ", "o", "ö", "o",
	"ú", "u", "ù", "u", "û", "u", "ü", "u",
	"ç", "c", "ñ", "n", "ß", "ss",
	"Á", "A", "À", "A", "Â", "A", "Ã", "A", "Ä", "A", "Å", "A",
	"É", "E", "È", "E", "Ê", "E", "Ë", "E",
	"Í", "I", "Ì", "I", "Î", "I", "Ï", "I",
	"Ó", "O", "Ò", "O", "Ô", "O", "Õ", "O", "Ö", "O",
	"Ú", "U", "Ù", "U", "Û", "U", "Ü", "U",
	"Ç", "C", "Ñ", "N",
)

// checkName rejects a contract name that could not safely become part of a
// file name or identifier: path separators, "..", control characters, or
// anything beyond letters, digits, space, '_' and '-'.
func checkName(what, name string) error {
	if strings.TrimSpace(name) == "" {
		return fmt.Errorf("%s: empty name", what)
	}
	if strings.Contains(name, "..") || strings.ContainsAny(name, `/\`) {
		return fmt.Errorf("%s %q: names must not contain path separators or \"..\" (rename it in the contract)", what, name)
	}
	for _, r := range name {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == ' ' || r == '-') {
			return fmt.Errorf("%s %q: character %q is not allowed (letters, digits, space, '_' and '-' only; rename it in the contract)", what, name, r)
		}
	}
	return nil
}

// fileExts are extensions that mark a candidate as a file name (a DuckDB or
// SQLite database, a data file) rather than free text.
var fileExts = map[string]bool{
	".duckdb": true, ".ddb": true, ".db": true, ".sqlite": true, ".sqlite3": true,
	".parquet": true, ".csv": true, ".json": true, ".jsonl": true, ".ndjson": true,
}

// identFrom turns a free-text or path-like name into a dbt identifier: a
// file path gives its base name without extension
// (../duckdb/melodify.duckdb → melodify), free text gives snake_case with
// punctuation dropped (Clientes (dataset sintetico) →
// clientes_dataset_sintetico). It returns "" when nothing usable is left.
func identFrom(name string) string {
	s := strings.TrimSpace(name)
	if strings.ContainsAny(s, `/\`) {
		s = strings.TrimRight(strings.ReplaceAll(s, `\`, "/"), "/")
		s = path.Base(s)
		if ext := path.Ext(s); ext != "" && ext != s {
			s = strings.TrimSuffix(s, ext)
		}
	} else if ext := strings.ToLower(path.Ext(s)); fileExts[ext] && len(ext) < len(s) {
		s = s[:len(s)-len(ext)]
	}
	if s == "." || s == ".." {
		return ""
	}
	return snake(s)
}

// snake converts a name to snake_case ASCII: camelCase and PascalCase split
// at case changes (UniqueID → unique_id), spaces and hyphens become '_'.
func snake(name string) string {
	rs := []rune(latin.Replace(strings.TrimSpace(name)))
	var b strings.Builder
	for i, r := range rs {
		switch {
		case r == ' ' || r == '-' || r == '_' || r == '.':
			b.WriteByte('_')
		case r < 128 && unicode.IsUpper(r):
			if i > 0 && needsBreak(rs, i) {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(r))
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	return tidyUnderscores(b.String())
}

// needsBreak reports whether an upper-case rune at i starts a new word.
func needsBreak(rs []rune, i int) bool {
	prev := rs[i-1]
	if unicode.IsLower(prev) || unicode.IsDigit(prev) {
		return true
	}
	next := i+1 < len(rs) && unicode.IsLower(rs[i+1])
	return unicode.IsUpper(prev) && next
}

func tidyUnderscores(s string) string {
	for strings.Contains(s, "__") {
		s = strings.ReplaceAll(s, "__", "_")
	}
	s = strings.Trim(s, "_")
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		s = "n_" + s
	}
	return s
}

var uncountable = map[string]bool{
	"data": true, "metadata": true, "info": true, "information": true, "news": true,
	"series": true, "species": true, "equipment": true, "staff": true, "feedback": true,
	"inventory": true, "telemetry": true, "headcount": true,
}

// abbreviations are short words that are not English nouns (they take no
// plural s).
var abbreviations = map[string]bool{
	"api": true, "kpi": true, "sku": true, "url": true, "uri": true, "edw": true, "etl": true,
	"ods": true, "raw": true, "src": true, "tmp": true, "dim": true, "fct": true, "stg": true,
	"agg": true, "ref": true, "crm": true, "erp": true, "pos": true, "iot": true,
}

// isAbbreviation reports whether a word looks like an abbreviation or a
// code: two letters or fewer (us, en, id), no vowel (tbl, txn), a digit
// (q4), or a known one (api, edw).
func isAbbreviation(w string) bool {
	if len(w) <= 2 || abbreviations[w] {
		return true
	}
	return !strings.ContainsAny(w, "aeiouy") || strings.ContainsAny(w, "0123456789")
}

// plural gives the English plural of the last word of a snake_case name. A
// word that already ends in s (orders, status, address) or is an
// abbreviation (tbl, en, api) is left alone.
func plural(name string) string {
	i := strings.LastIndexByte(name, '_')
	head, w := name[:i+1], name[i+1:]
	switch {
	case w == "" || uncountable[w] || isAbbreviation(w) || strings.HasSuffix(w, "s"):
		return name
	case strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"),
		strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		return head + w + "es"
	case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return head + w[:len(w)-1] + "ies"
	case w == "person":
		return head + "people"
	}
	return head + w + "s"
}

// isSimpleIdent reports whether s can be written unquoted in SQL.
func isSimpleIdent(s string) bool {
	if s == "" || !(s[0] == '_' || (s[0] >= 'a' && s[0] <= 'z')) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			return false
		}
	}
	return true
}
