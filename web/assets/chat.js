// chat.js: the Architect panel. Agent events arrive over SSE
// (/api/chat/events); contract drafts are loaded into the editor, where they
// are validated live like any edit.
"use strict";
(function () {
  const { api, el } = window.cockpit;
  const log = document.getElementById("chat-log");
  const form = document.getElementById("chat-form");
  const input = document.getElementById("chat-input");
  if (!log || !form) return;
  let current = null; // the assistant bubble being streamed into

  function bubble(cls, text) {
    const b = el("div", { class: "msg " + cls, text: text || "" });
    log.append(b); log.scrollTop = log.scrollHeight;
    return b;
  }
  const pick = (ev, ...keys) => { for (const k of keys) if (typeof ev[k] === "string" && ev[k]) return ev[k]; return ""; };

  function onEvent(ev) {
    switch (ev.type) {
      case "user": current = null; bubble("user", pick(ev, "text")); break;
      case "token": case "delta": case "text":
        if (!current) current = bubble("assistant", "");
        current.textContent += pick(ev, "text", "delta", "content"); break;
      case "assistant": case "question": case "message":
        // a streamed answer is already on screen; the complete one replaces it
        if (current) { current.textContent = pick(ev, "text", "content"); current = null; }
        else bubble("assistant", pick(ev, "text", "content", "message"));
        break;
      case "info": case "repair": current = null; bubble("system", pick(ev, "text")); break;
      case "stop": current = null; if (ev.text) bubble("system", ev.text); break;
      case "draft": {
        const yaml = pick(ev, "content", "yaml");
        const kind = pick(ev, "doc");
        if (yaml && (!kind || kind === "contract")) {
          bubble("system", "Contract draft received; loading it into the editor…");
          window.cockpitEditor.loadDraft(yaml);
        } else if (kind) bubble("system", "Draft " + kind + " updated.");
        current = null; break;
      }
      case "findings": {
        const n = (ev.findings || []).length;
        bubble("system", n ? "Validator: " + n + " finding(s); the Architect is revising." : "Validator: the draft passes."); break;
      }
      case "saved": bubble("system", "Saved " + pick(ev, "path", "file")); break;
      case "error": current = null; bubble("error", pick(ev, "error", "message", "text")); break;
      case "turn_end": current = null; form.querySelector("button").disabled = false; break;
      default: break;
    }
  }

  const es = new EventSource("/api/chat/events");
  es.onmessage = (m) => { try { onEvent(JSON.parse(m.data)); } catch (e) { /* ignore malformed */ } };

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    form.querySelector("button").disabled = true;
    const res = await api("POST", "/api/chat", { message: text });
    if (res.status !== 202) { bubble("error", res.body.error); form.querySelector("button").disabled = false; return; }
    input.value = "";
  });
})();
