package contract

import "strings"

// v3LogicalTypes are the logicalType values ODCS v3 allows.
var v3LogicalTypes = map[string]bool{"string": true, "date": true, "timestamp": true, "time": true, "number": true,
	"integer": true, "object": true, "array": true, "boolean": true}

// v2TypeWords map the free-text type words v2 contracts use (database type
// names, mostly) to a v3 logicalType.
var v2TypeWords = map[string]string{
	"varchar": "string", "char": "string", "text": "string", "string": "string", "nvarchar": "string", "nchar": "string",
	"uuid": "string", "character": "string", "clob": "string", "enum": "string",
	"int": "integer", "integer": "integer", "bigint": "integer", "smallint": "integer", "tinyint": "integer", "long": "integer",
	"int64": "integer", "int32": "integer", "serial": "integer", "bigserial": "integer",
	"decimal": "number", "numeric": "number", "number": "number", "float": "number", "double": "number", "real": "number",
	"money": "number", "float64": "number",
	"bool": "boolean", "boolean": "boolean", "bit": "boolean",
	"date": "date", "time": "time",
	"timestamp": "timestamp", "datetime": "timestamp", "timestamptz": "timestamp", "timestamp_ntz": "timestamp",
	"timestamp_tz": "timestamp", "timestamp_ltz": "timestamp",
	"variant": "object", "json": "object", "jsonb": "object", "struct": "object", "object": "object", "map": "object",
	"record": "object", "array": "array", "list": "array",
}

// v3LogicalType maps a v2 logicalType to v3. ok is false when the word is
// not one it knows: the caller keeps the column without a logicalType and
// says so, rather than writing an invalid value.
func v3LogicalType(v2 string) (string, bool) {
	w := strings.ToLower(strings.TrimSpace(v2))
	if v3LogicalTypes[w] {
		return w, true
	}
	if i := strings.IndexAny(w, "(< ["); i > 0 {
		w = w[:i] // varchar(255), array<int>, double precision, int[]
	}
	t, ok := v2TypeWords[w]
	return t, ok
}
