// Package contract is the ODCS data-contract model and the deterministic
// validator of DataEngOS: it parses contracts with line numbers, checks them
// against the official ODCS JSON Schema and the project's governance rules,
// and upgrades v2.2.x contracts to v3.1.0. It performs no I/O beyond what a
// caller hands it and never prints.
package contract
