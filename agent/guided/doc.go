// Package guided is the Architect with no model: the guided interviewer a
// chat session runs when no provider is configured, and the notes
// extractor that `dataeng-os draft` uses without a model (and gives a
// model as its starting point). Both read what people write, in English or
// Portuguese (field lists in sentences, bullets or `name: type, options`
// lines; owners, teams, systems, schedules, marts and masking phrases),
// into the typed draft of agent/spec, which spec assembles into the canvas
// and the contract. It knows nothing of models: package agent drives it
// behind its Interviewer interface and renders its events (agent/event).
package guided
