package scaffold

import (
	"fmt"
	"strings"
)

// dateToken is one field of a Java-style date pattern (MM/dd/yyyy):
// the pattern letter and how many times it repeats, or literal text.
type dateToken struct {
	letter  byte
	n       int
	literal string
}

// lexJavaDate splits a java.time / SimpleDateFormat pattern into fields and
// literals ('T' and other quoted text, punctuation). ok is false for an
// unterminated quote.
func lexJavaDate(pat string) ([]dateToken, bool) {
	var out []dateToken
	for i := 0; i < len(pat); {
		c := pat[i]
		switch {
		case c == '\'':
			if i+1 < len(pat) && pat[i+1] == '\'' {
				out = append(out, dateToken{literal: "'"})
				i += 2
				continue
			}
			end := strings.IndexByte(pat[i+1:], '\'')
			if end < 0 {
				return nil, false
			}
			out = append(out, dateToken{literal: pat[i+1 : i+1+end]})
			i += end + 2
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			j := i
			for j < len(pat) && pat[j] == c {
				j++
			}
			out = append(out, dateToken{letter: c, n: j - i})
			i = j
		default:
			out = append(out, dateToken{literal: string(c)})
			i++
		}
	}
	return out, true
}

// field normalises a pattern letter: Y (week year) and D (day of year) as
// people use them in contracts (YYYY-MM-DD) mean y and d; L is M; k is H.
func field(t dateToken) (byte, int) {
	switch t.letter {
	case 'Y':
		return 'y', t.n
	case 'D':
		if t.n <= 2 {
			return 'd', t.n
		}
	case 'L':
		return 'M', t.n
	case 'u':
		return 'y', t.n
	}
	return t.letter, t.n
}

// strftimeField converts one field to DuckDB (%-d: no padding) or BigQuery
// strftime; "" means no equivalent.
func strftimeField(letter byte, n int, bigquery bool) string {
	unpadded := func(padded, bare string) string {
		if n == 1 && !bigquery {
			return bare
		}
		return padded
	}
	switch letter {
	case 'y':
		if n == 2 {
			return "%y"
		}
		return "%Y"
	case 'M':
		switch {
		case n >= 4:
			return "%B"
		case n == 3:
			return "%b"
		}
		return unpadded("%m", "%-m")
	case 'd':
		return unpadded("%d", "%-d")
	case 'H':
		return unpadded("%H", "%-H")
	case 'h':
		return unpadded("%I", "%-I")
	case 'm':
		return unpadded("%M", "%-M")
	case 's':
		return unpadded("%S", "%-S")
	case 'S':
		if bigquery {
			return "\x00" // folded into %E*S below
		}
		switch {
		case n <= 3:
			return "%g"
		case n <= 6:
			return "%f"
		}
		return "%n"
	case 'a':
		return "%p"
	case 'E':
		if n >= 4 {
			return "%A"
		}
		return "%a"
	case 'X', 'x', 'Z':
		if bigquery && n == 3 {
			return "%Ez"
		}
		return "%z"
	}
	return ""
}

// templateField converts one field to a Postgres or Snowflake template
// pattern; "" means no equivalent.
func templateField(letter byte, n int, snowflake bool) string {
	pick := func(pg, sf string) string {
		if snowflake {
			return sf
		}
		return pg
	}
	switch letter {
	case 'y':
		if n == 2 {
			return "YY"
		}
		return "YYYY"
	case 'M':
		switch {
		case n >= 4:
			return pick("FMMonth", "MMMM")
		case n == 3:
			return pick("Mon", "MON")
		}
		return "MM"
	case 'd':
		return "DD"
	case 'H':
		return "HH24"
	case 'h':
		return "HH12"
	case 'm':
		return "MI"
	case 's':
		return "SS"
	case 'S':
		if snowflake {
			return fmt.Sprintf("FF%d", min(n, 9))
		}
		switch {
		case n <= 3:
			return "MS"
		case n <= 6:
			return "US"
		}
		return ""
	case 'a':
		return "AM"
	case 'E':
		if n >= 4 {
			return pick("FMDay", "")
		}
		return pick("Dy", "DY")
	case 'X', 'x', 'Z':
		if n == 3 {
			return "TZH:TZM"
		}
		if n == 1 && letter != 'Z' {
			return "TZH"
		}
		return "TZHTZM"
	}
	return ""
}

// convertDateFormat turns a Java-style pattern into the dialect's parse
// format; ok is false when a field has no equivalent (the column then gets
// a plain cast).
func (d *dialect) convertDateFormat(pat string) (string, bool) {
	toks, ok := lexJavaDate(pat)
	if !ok || len(toks) == 0 {
		return "", false
	}
	var b strings.Builder
	for _, t := range toks {
		if t.letter == 0 {
			b.WriteString(d.dateLiteral(t.literal))
			continue
		}
		letter, n := field(t)
		var f string
		switch d.name {
		case "duckdb", "bigquery":
			f = strftimeField(letter, n, d.name == "bigquery")
		default:
			f = templateField(letter, n, d.name == "snowflake")
		}
		if f == "" {
			return "", false
		}
		b.WriteString(f)
	}
	out := b.String()
	if d.name == "bigquery" {
		// BigQuery reads fractional seconds with the seconds: %E*S.
		out = strings.ReplaceAll(out, "%S.\x00", "%E*S")
		if strings.Contains(out, "\x00") {
			return "", false
		}
	}
	if strings.ContainsAny(out, "'\\") {
		return "", false
	}
	return out, true
}

// dateLiteral writes literal pattern text: % doubled for strftime, letters
// double-quoted for Postgres and Snowflake templates.
func (d *dialect) dateLiteral(s string) string {
	switch d.name {
	case "duckdb", "bigquery":
		return strings.ReplaceAll(s, "%", "%%")
	}
	if strings.IndexFunc(s, func(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }) >= 0 {
		return `"` + s + `"`
	}
	return s
}

// parseExpr parses a string column holding a formatted date or timestamp
// into the canonical type; ok is false when the format cannot be converted.
func (d *dialect) parseExpr(src, canon, dataType, javaFmt string) (string, bool) {
	f, ok := d.convertDateFormat(javaFmt)
	if !ok {
		return "", false
	}
	lit := "'" + f + "'"
	switch d.name {
	case "duckdb":
		return fmt.Sprintf("strptime(%s, %s)::%s", src, lit, dataType), true
	case "postgres":
		if canon == "date" {
			return fmt.Sprintf("to_date(%s, %s)", src, lit), true
		}
		if canon == "timestamptz" {
			return fmt.Sprintf("to_timestamp(%s, %s)", src, lit), true
		}
		return fmt.Sprintf("cast(to_timestamp(%s, %s) as %s)", src, lit, dataType), true
	case "snowflake":
		switch canon {
		case "date":
			return fmt.Sprintf("to_date(%s, %s)", src, lit), true
		case "timestamptz":
			return fmt.Sprintf("to_timestamp_tz(%s, %s)", src, lit), true
		}
		return fmt.Sprintf("to_timestamp_ntz(%s, %s)", src, lit), true
	case "bigquery":
		fn := "parse_timestamp"
		switch {
		case canon == "date":
			fn = "parse_date"
		case dataType == "datetime":
			fn = "parse_datetime"
		}
		return fmt.Sprintf("%s(%s, %s)", fn, lit, src), true
	}
	return "", false
}
