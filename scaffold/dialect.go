package scaffold

import (
	"fmt"
	"sort"
	"strings"
)

// Dialects lists the supported warehouse dialects.
var Dialects = []string{"duckdb", "postgres", "snowflake", "bigquery"}

// dialect holds everything that differs between warehouses.
type dialect struct {
	name string
	// types maps a canonical type (see canonical) to the dialect's type.
	types map[string]string
	// quoteChar opens and closes a quoted identifier.
	quoteChar string
	// hashFmt wraps an expression to hash it (%s = expression).
	hashFmt string
	// regexFmt tests an expression against a pattern literal (%[1]s = expr,
	// %[2]s = quoted pattern); the pattern is unanchored, as in JSON Schema.
	regexFmt string
	// enforcesUnique is true where unique/primary key constraints are real.
	enforcesUnique bool
}

var dialects = map[string]*dialect{
	"duckdb": {
		name: "duckdb", quoteChar: `"`, enforcesUnique: true,
		hashFmt:  "sha256(cast(%s as varchar))",
		regexFmt: "regexp_matches(%[1]s, %[2]s)",
		types: map[string]string{
			"string": "varchar", "integer": "integer", "bigint": "bigint", "ubigint": "ubigint", "smallint": "smallint",
			"decimal": "decimal(38,9)", "float": "float", "double": "double", "boolean": "boolean",
			"date": "date", "timestamp": "timestamp", "timestamptz": "timestamp with time zone",
			"time": "time", "object": "json", "array": "json", "hash": "varchar",
		},
	},
	"postgres": {
		name: "postgres", quoteChar: `"`, enforcesUnique: true,
		hashFmt:  "encode(sha256(convert_to(cast(%s as text), 'UTF8')), 'hex')",
		regexFmt: "%[1]s ~ %[2]s",
		types: map[string]string{
			"string": "text", "integer": "integer", "bigint": "bigint", "ubigint": "numeric(20,0)", "smallint": "smallint",
			"decimal": "numeric", "float": "real", "double": "double precision", "boolean": "boolean",
			"date": "date", "timestamp": "timestamp", "timestamptz": "timestamp with time zone",
			"time": "time", "object": "jsonb", "array": "jsonb", "hash": "text",
		},
	},
	"snowflake": {
		name: "snowflake", quoteChar: `"`,
		hashFmt:  "sha2(cast(%s as varchar), 256)",
		regexFmt: "regexp_instr(%[1]s, %[2]s) > 0",
		types: map[string]string{
			"string": "varchar", "integer": "number(38,0)", "bigint": "number(38,0)", "ubigint": "number(38,0)", "smallint": "number(38,0)",
			"decimal": "number(38,9)", "float": "float", "double": "float", "boolean": "boolean",
			"date": "date", "timestamp": "timestamp_ntz", "timestamptz": "timestamp_tz",
			"time": "time", "object": "variant", "array": "array", "hash": "varchar",
		},
	},
	"bigquery": {
		name: "bigquery", quoteChar: "`",
		hashFmt:  "to_hex(sha256(cast(%s as string)))",
		regexFmt: "regexp_contains(%[1]s, %[2]s)",
		types: map[string]string{
			"string": "string", "integer": "int64", "bigint": "int64", "ubigint": "numeric", "smallint": "int64",
			"decimal": "numeric", "float": "float64", "double": "float64", "boolean": "bool",
			"date": "date", "timestamp": "timestamp", "timestamptz": "timestamp",
			"time": "time", "object": "json", "array": "json", "hash": "string",
		},
	},
}

func lookupDialect(name string) (*dialect, error) {
	if name == "" {
		name = "duckdb"
	}
	d, ok := dialects[strings.ToLower(name)]
	if !ok {
		names := append([]string(nil), Dialects...)
		sort.Strings(names)
		return nil, fmt.Errorf("unknown dialect %q (one of %s)", name, strings.Join(names, ", "))
	}
	return d, nil
}

// quote writes an identifier, quoted only when it must be: not a simple
// lower-case identifier, or a reserved word.
func (d *dialect) quote(ident string, reserved map[string]bool) string {
	if isSimpleIdent(ident) && !reserved[ident] {
		return ident
	}
	q := d.quoteChar
	return q + strings.ReplaceAll(ident, q, q+q) + q
}

// physType is a parsed physicalType: base name and numeric arguments
// (varchar(18) → varchar [18]; decimal(10,2) → decimal [10 2]).
type physType struct {
	base string
	args []int
}

func parsePhysical(s string) physType {
	s = strings.ToLower(strings.TrimSpace(s))
	base, rest := s, ""
	if i := strings.IndexAny(s, "(["); i >= 0 {
		base, rest = strings.TrimSpace(s[:i]), s[i+1:]
	}
	var pt physType
	pt.base = strings.Join(strings.Fields(base), " ")
	for _, f := range strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == ')' || r == ']' || r == ' ' }) {
		var n int
		if _, err := fmt.Sscanf(f, "%d", &n); err == nil {
			pt.args = append(pt.args, n)
		}
	}
	return pt
}

// civilTimestamps are physical types of a timestamp without a zone.
var civilTimestamps = map[string]bool{"datetime": true, "timestamp_ntz": true, "timestamp without time zone": true}

// physicalFamilies maps physical base types to canonical types.
var physicalFamilies = map[string]string{
	"varchar": "string", "char": "string", "character": "string", "character varying": "string",
	"nvarchar": "string", "nchar": "string", "text": "string", "string": "string", "uuid": "string",
	"int": "integer", "int4": "integer", "integer": "integer", "serial": "integer", "mediumint": "integer",
	"bigint": "bigint", "int8": "bigint", "long": "bigint", "bigserial": "bigint", "int64": "bigint", "hugeint": "bigint",
	"smallint": "smallint", "int2": "smallint", "tinyint": "smallint", "smallserial": "smallint",
	"decimal": "decimal", "numeric": "decimal", "number": "decimal", "money": "decimal",
	"float": "float", "float4": "float", "real": "float",
	"double": "double", "float8": "double", "double precision": "double", "float64": "double",
	"bool": "boolean", "boolean": "boolean",
	"date": "date", "time": "time", "timetz": "time",
	"timestamp": "timestamp", "datetime": "timestamp", "timestamp_ntz": "timestamp", "timestamp without time zone": "timestamp",
	"timestamptz": "timestamptz", "timestamp_tz": "timestamptz", "timestamp_ltz": "timestamptz", "timestamp with time zone": "timestamptz",
	"json": "object", "jsonb": "object", "struct": "object", "object": "object", "variant": "object", "map": "object", "record": "object",
	"array": "array", "list": "array",
}

// logicalFamilies maps each ODCS logicalType to the canonical types its
// physicalType may refine it to.
var logicalFamilies = map[string][]string{
	"string":    {"string"},
	"integer":   {"integer", "bigint", "smallint"},
	"number":    {"double", "decimal", "float", "integer", "bigint", "smallint"},
	"boolean":   {"boolean"},
	"date":      {"date", "timestamp", "timestamptz"},
	"timestamp": {"timestamp", "timestamptz"},
	"time":      {"time"},
	"object":    {"object"},
	"array":     {"array"},
}

// canonical picks the canonical type of a property: the logicalType, refined
// by a physicalType of the same family (number + decimal(10,2) → decimal).
// A physicalType of another family (a source-specific domain type) is
// ignored. It returns "" when neither says anything usable.
func canonical(logical, physical string, tz bool) (string, physType) {
	pt := parsePhysical(physical)
	fromPhys := physicalFamilies[pt.base]
	if pt.base == "timestamp" && tz {
		fromPhys = "timestamptz"
	}
	fam, ok := logicalFamilies[strings.ToLower(logical)]
	if !ok {
		return fromPhys, pt
	}
	for _, f := range fam {
		if f == fromPhys {
			return f, pt
		}
	}
	if fam[0] == "timestamp" && tz {
		return "timestamptz", pt
	}
	return fam[0], pt
}

// sqlType renders the dialect type of a canonical type, keeping lengths and
// precision from the physical type where the dialect uses them.
func (d *dialect) sqlType(canon string, pt physType) string {
	t := d.types[canon]
	switch {
	case canon == "decimal" && len(pt.args) > 0:
		p, s := pt.args[0], 0
		if len(pt.args) > 1 {
			s = pt.args[1]
		}
		if p > 38 {
			p = 38
		}
		switch d.name {
		case "bigquery":
			if s <= 9 && p-s <= 29 {
				return fmt.Sprintf("numeric(%d,%d)", p, s)
			}
			return fmt.Sprintf("bignumeric(%d,%d)", p, s)
		case "snowflake":
			return fmt.Sprintf("number(%d,%d)", p, s)
		case "postgres":
			return fmt.Sprintf("numeric(%d,%d)", p, s)
		}
		return fmt.Sprintf("decimal(%d,%d)", p, s)
	case canon == "timestamp" && d.name == "bigquery" && civilTimestamps[pt.base]:
		// BigQuery's timestamp is an instant; datetime is a wall-clock
		// reading with no zone, used only when the physical type says so.
		return "datetime"
	case canon == "string" && len(pt.args) == 1 && (d.name == "postgres" || d.name == "snowflake") && strings.Contains(pt.base, "char"):
		return fmt.Sprintf("varchar(%d)", pt.args[0])
	}
	return t
}
