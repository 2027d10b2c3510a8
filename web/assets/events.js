// events.js: the agent's event types and fields, mirrored from agent.Event
// (agent/event.go). TestEventsJSMirrorsAgent checks that both agree, so a
// renderer never guesses a field name.
"use strict";
window.cockpitEvents = {
  types: {
    session: "session", user: "user", token: "token", assistant: "assistant",
    question: "question", attempt: "attempt", draft: "draft", findings: "findings",
    repair: "repair", usage: "usage", stop: "stop", saved: "saved", error: "error",
    cancelled: "cancelled", info: "info", turnEnd: "turn_end", historyEnd: "history_end",
  },
  // the JSON fields an event may carry
  fields: [
    "type", "time", "session", "phase", "text", "doc", "content", "findings", "question", "step", "steps",
    "attempt", "maxAttempts", "reason", "usage", "total", "cost", "paths", "name",
    "mode", "provider", "model", "lang",
  ],
};
