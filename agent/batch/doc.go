// Package batch is the engine behind `dataeng-os draft`: it runs a drafting
// function over many stakeholder notes with a bounded worker pool, a global
// requests-per-minute limit and one shared rate-limit gate, records every
// note's outcome in an atomically written manifest so that a rerun skips
// finished work, and never overwrites a file a person edited.
//
// The engine knows nothing about the Architect: it calls a DraftFunc per
// note. The command wires the real agent in; tests use fakes.
package batch
