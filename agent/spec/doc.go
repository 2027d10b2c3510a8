// Package spec is the typed intermediate draft of a data product: what an
// interviewer or the notes extractor learned (tables, columns, keys, PII,
// owner, source, SLA, marts and the questions still open), and the one
// deterministic assembler that turns it into a Product Canvas and an ODCS
// v3.1.0 contract.
//
// The package is pure: it knows no provider, reads no file and prints
// nothing. The same Draft always assembles to the same bytes.
package spec
