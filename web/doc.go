// Package web is the DataEngOS cockpit: a local web UI (contract editor with
// live YAML preview and validation, catalog search, lineage graph, Architect
// chat) and the JSON API it is built on. It uses only net/http and assets
// embedded with go:embed, so it works offline. See API.md for the routes.
//
// The server binds to loopback by default, checks the Host header against
// DNS rebinding, checks Origin (or a CSRF token) on every write, limits
// request bodies and confines every file path to the project's contracts/
// directory.
package web
