// Package scaffold turns an ODCS data contract into dbt files: a sources
// file, one staging model per schema object (source → renamed, with casts),
// a properties file with data types, constraints, data tests and meta, and
// marts when the contract asks for them.
//
// Render is a pure function: the same contract, governance and options give
// byte-identical files. Write puts them on disk atomically, refuses to
// overwrite a file whose header hash shows a hand edit (unless forced), and in
// check mode reports drift as a unified diff. With Prune it also finds stale
// files: files under models/ whose header names a contract being written
// but that the contract no longer generates (a removed schema object or
// mart, a renamed file); check mode shows them as deletions, otherwise
// unedited ones are removed and hand-edited ones kept unless forced. The
// lineage record ties each contract and schema object to the models
// generated from it; LoadLineage builds the canvas → contract → object →
// model graph from a project.
//
// Run is the one scaffold workflow the CLI, the demo and the cockpit use:
// check each contract, gate it (Gate: schema errors refuse, governance
// findings are warnings unless Strict), render, merge the contracts' files,
// refuse id collisions (CheckIDs), write (Write, symlinks refused) and
// record the lineage. Without a project root the output directory is the
// root: it names dbt_project.yml and holds the lineage record. Run never
// prints; its Report says what happened to each contract and file.
//
// Every generated file is owned by exactly one contract (its header names
// it), except the shared generic tests and dbt_project.yml, which are the
// same for every contract. Many contracts may share one dbt source: each
// writes its own property files in models/staging/<source>/,
// _<source>__<contract>__sources.yml and _<source>__<contract>__models.yml,
// where <contract> is the contract's name (else the last segment of its id)
// in snake_case; the files are _<source>__sources.yml and
// _<source>__models.yml when that equals the source. dbt merges the tables
// of one source declared in several files. Two contracts with the same name
// on one source, or two objects giving the same model name, still clash.
//
// Conventions read from the contract (see bench/README.md "## Scaffold"):
//   - source name: Options.Source, else the contract custom property
//     `dbtSource` (or `source`), else servers[0].database, servers[0].server,
//     domain, dataProduct, name.
//   - entity name: the schema object's custom property `dbtEntity`, else its
//     name, snake_cased and pluralised when naming.json asks for it.
//   - marts: the schema object custom property `dbtMart: fact|dimension`
//     (or a contract-level `dbtMart` default for every object).
//   - freshness: an SLA property `freshness` or `latency` whose element names
//     a table.column becomes that table's loaded_at_field and error_after.
//   - relationships: a property-level one, or an object-level one (ODCS
//     v3.1 `relationships:` with from/to) on one column, becomes dbt's
//     relationships test; a composite one (from/to lists) becomes the
//     package-free dataeng_os_relationships test in tests/generic/.
//
// # PII in marts
//
// A PII column (a PII classification or tag) is hashed in a mart when its
// masking is hash or tokenize, kept when the policy allows PII in marts,
// otherwise left out. PII nested in an object or array column (leaves under
// properties: or items:) is never copied raw: the column gets meta.pii and
// meta.pii_fields, and the mart rebuilds the value with the hash-masked
// leaves replaced by their SHA-256 (DuckDB json_merge_patch and
// list_transform, Postgres jsonb || and jsonb_array_elements, Snowflake
// object_insert and transform, BigQuery json_set and json_query_array). A
// column with a nested PII leaf that is not hash-masked is left out, with a
// comment in the mart's SQL saying why, unless the policy allows PII in
// marts.
//
// # Types
//
// Each property gets a canonical type: its logicalType, refined by a
// physicalType of the same family (number + decimal(10,2) → decimal;
// integer + bigint → bigint); a physicalType of another family (a domain
// type such as "Name") is ignored, and a physicalType alone is used when
// there is no logicalType. An integer with no physical refinement takes its
// width from logicalTypeOptions.format: i8, i16 and u8 → smallint; i32 and
// u16 → integer; i64 and u32 → bigint; u64 → ubigint. A timestamp with
// logicalTypeOptions.timezone: true, or a physical timestamptz, is
// timestamptz. The staging model casts to the dialect's type:
//
//	canonical   | duckdb                   | postgres                 | snowflake     | bigquery
//	string      | varchar                  | text                     | varchar       | string
//	integer     | integer                  | integer                  | number(38,0)  | int64
//	smallint    | smallint                 | smallint                 | number(38,0)  | int64
//	bigint      | bigint                   | bigint                   | number(38,0)  | int64
//	ubigint     | ubigint                  | numeric(20,0)            | number(38,0)  | numeric
//	decimal     | decimal(38,9)            | numeric                  | number(38,9)  | numeric
//	float       | float                    | real                     | float         | float64
//	double      | double                   | double precision         | float         | float64
//	boolean     | boolean                  | boolean                  | boolean       | bool
//	date        | date                     | date                     | date          | date
//	timestamp   | timestamp                | timestamp                | timestamp_ntz | timestamp
//	timestamptz | timestamp with time zone | timestamp with time zone | timestamp_tz  | timestamp
//	time        | time                     | time                     | time          | time
//	object      | json                     | jsonb                    | variant       | json
//	array       | json                     | jsonb                    | array         | json
//	hash        | varchar                  | text                     | varchar       | string
//
// Refinements of that table:
//   - decimal keeps the physical precision and scale (capped at 38):
//     decimal(p,s) on DuckDB, numeric(p,s) on Postgres, number(p,s) on
//     Snowflake, and on BigQuery numeric(p,s) when it fits (s <= 9,
//     p-s <= 29), else bignumeric(p,s).
//   - char and varchar lengths are kept on Postgres and Snowflake.
//   - BigQuery's timestamp is an instant; a physical datetime,
//     timestamp_ntz or "timestamp without time zone" gives datetime.
//   - number with no physicalType is double: give decimal(p,s) for money.
//   - BigQuery object and array columns use parse_json(x): BigQuery cannot
//     cast a string to JSON.
//
// A date or timestamp held as text (no physicalType, or a string one) with
// logicalTypeOptions.format is parsed instead of cast, the Java-style
// pattern f (MM/dd/yyyy, yyyy-MM-dd'T'HH:mm:ss.SSSXXX) converted to the
// dialect's:
//
//	dialect   | date                          | timestamp                             | timestamptz
//	duckdb    | strptime(x, '%m/%d/%Y')::date | strptime(x, f)::timestamp             | strptime(x, f)::timestamp with time zone
//	postgres  | to_date(x, 'MM/DD/YYYY')      | cast(to_timestamp(x, f) as timestamp) | to_timestamp(x, f)
//	snowflake | to_date(x, 'MM/DD/YYYY')      | to_timestamp_ntz(x, f)                | to_timestamp_tz(x, f)
//	bigquery  | parse_date('%m/%d/%Y', x)     | parse_timestamp(f, x)                 | parse_timestamp(f, x)
//
// (parse_datetime for a BigQuery datetime). Pattern letters: yyyy and yy
// (YYYY is read as yyyy), M to MMMM, dd and d (DD as dd), HH, hh, mm, ss,
// S… (fraction: %g, %f or %n on DuckDB, MS or US on Postgres, FFn on
// Snowflake, %E*S on BigQuery), a, E, X and Z (offset), and quoted literals
// ('T'). A pattern with another letter (week, era, zone name) falls back to
// a plain cast.
package scaffold
