package scaffold

import "fmt"

// jsonOps are a dialect's JSON functions for rebuilding a nested value:
// get reads an object's key, set replaces it, hash turns a JSON value into
// the JSON string of its SHA-256, each maps an array's items (v names the
// item in body, o its position); object, when set, gives a rebuilt object
// column back the column's type.
type jsonOps struct {
	get    func(x, key string) string
	set    func(obj, key, val string) string
	hash   func(x string) string
	each   func(arr, v, o, body string) string
	object string
}

var jsonFuncs = map[string]jsonOps{
	"duckdb": {
		get: func(x, k string) string { return fmt.Sprintf(`json_extract(%s, '$."%s"')`, x, k) },
		set: func(obj, k, v string) string {
			return fmt.Sprintf("json_merge_patch(%s, json_object('%s', %s))", obj, k, v)
		},
		hash: func(x string) string { return fmt.Sprintf("to_json(sha256(json_extract_string(%s, '$')))", x) },
		each: func(arr, v, _, body string) string {
			return fmt.Sprintf("to_json(list_transform(cast(%s as json[]), lambda %s: %s))", arr, v, body)
		},
	},
	"postgres": {
		get: func(x, k string) string { return fmt.Sprintf("(%s -> '%s')", x, k) },
		set: func(obj, k, v string) string { return fmt.Sprintf("(%s || jsonb_build_object('%s', %s))", obj, k, v) },
		hash: func(x string) string {
			return fmt.Sprintf("to_jsonb(encode(sha256(convert_to(%s #>> '{}', 'UTF8')), 'hex'))", x)
		},
		each: func(arr, v, o, body string) string {
			return fmt.Sprintf("(select jsonb_agg(%[4]s order by %[3]s) from jsonb_array_elements(%[1]s) with ordinality as a_%[2]s(%[2]s, %[3]s))", arr, v, o, body)
		},
	},
	"snowflake": {
		get: func(x, k string) string { return fmt.Sprintf("get(%s, '%s')", x, k) },
		set: func(obj, k, v string) string {
			return fmt.Sprintf("object_insert(cast(%s as object), '%s', %s, true)", obj, k, v)
		},
		hash:   func(x string) string { return fmt.Sprintf("to_variant(sha2(cast(%s as varchar), 256))", x) },
		each:   func(arr, v, _, body string) string { return fmt.Sprintf("transform(%s, %s -> %s)", arr, v, body) },
		object: "to_variant(%s)", // object_insert gives an OBJECT; the column is a VARIANT
	},
	"bigquery": {
		get: func(x, k string) string { return fmt.Sprintf(`json_query(%s, '$."%s"')`, x, k) },
		set: func(obj, k, v string) string { return fmt.Sprintf(`json_set(%s, '$."%s"', %s)`, obj, k, v) },
		hash: func(x string) string {
			return fmt.Sprintf("to_json(to_hex(sha256(coalesce(json_value(%[1]s), to_json_string(%[1]s)))))", x)
		},
		each: func(arr, v, o, body string) string {
			return fmt.Sprintf("to_json(array(select %[4]s from unnest(json_query_array(%[1]s)) as %[2]s with offset as %[3]s order by %[3]s))", arr, v, o, body)
		},
	},
}

// rebuildColumn is rebuild for a whole column of canonical type canon,
// null kept null.
func (d *dialect) rebuildColumn(col, canon string, n *piiNode) string {
	expr := d.rebuild(col, n, 1)
	if f := jsonFuncs[d.name].object; f != "" && canon == "object" {
		expr = fmt.Sprintf(f, expr)
	}
	return fmt.Sprintf("case when %s is null then null else %s end", col, expr)
}

// rebuild is the SQL that rewrites x (a JSON value described by n) with
// its hash-masked PII leaves hashed; depth names the array item variables.
func (d *dialect) rebuild(x string, n *piiNode, depth int) string {
	ops := jsonFuncs[d.name]
	switch {
	case n.leaf:
		return ops.hash(x)
	case n.items != nil && n.items.hashed():
		v, o := fmt.Sprintf("e%d", depth), fmt.Sprintf("o%d", depth)
		return ops.each(x, v, o, d.rebuild(v, n.items, depth+1))
	}
	out := x
	for _, k := range n.keys {
		if k.hashed() {
			out = ops.set(out, k.key, d.rebuild(ops.get(x, k.key), k, depth))
		}
	}
	return out
}
