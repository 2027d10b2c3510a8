// Package scaffold turns an ODCS data contract into dbt files: a sources
// file, one staging model per schema object (source → renamed, with casts),
// a properties file with data types, constraints, data tests and meta, and
// marts when the contract asks for them.
//
// Render is a pure function: the same contract, governance and options give
// byte-identical files. Write puts them on disk atomically, refuses to
// overwrite a file whose header hash shows a hand edit (unless forced), and in
// check mode reports drift as a unified diff. The lineage record ties each
// contract and schema object to the models generated from it; LoadLineage
// builds the canvas → contract → object → model graph from a project.
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
