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
package scaffold
