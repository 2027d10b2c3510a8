// chat.js: the Architect panel. Each conversation is its own session; the
// panel opens the one named by ?session=ID (or none: "New conversation"
// starts one; a page visit never does). Agent events arrive over SSE with
// the fields of agent.Event (events.js mirrors them); contract drafts load
// into the editor only when asked, or live into an empty editor.
"use strict";
(function () {
  const { api, el } = window.cockpit;
  const T = window.cockpitEvents.types;
  const panel = document.getElementById("chat-panel");
  const log = document.getElementById("chat-log");
  const form = document.getElementById("chat-form");
  const input = document.getElementById("chat-input");
  const label = document.getElementById("chat-session");
  if (!log || !form) return;
  const editor = window.cockpitEditor;
  let session = panel.dataset.session || "";
  let current = null; // the assistant bubble being streamed into
  let live = false;   // false while the history replays
  let es = null;
  const sendBtn = form.querySelector("button");

  function bubble(cls, text) {
    const b = el("div", { class: "msg " + cls, text: text || "" });
    log.append(b); log.scrollTop = log.scrollHeight;
    return b;
  }

  function draftBubble(yaml) {
    const b = bubble("system draft", cockpit.t("web.js.draftReady"));
    const btn = el("button", { type: "button", class: "load-draft", text: cockpit.t("web.js.loadDraft") });
    btn.addEventListener("click", () => editor.loadDraft(yaml, { ask: true, session }));
    b.append(btn);
    if (live && !editor.hasFile()) editor.loadDraft(yaml, { ask: false, session });
  }

  function onEvent(ev) {
    switch (ev.type) {
      case T.user: current = null; bubble("user", ev.text); break;
      case T.token:
        if (ev.phase && ev.phase !== "interview") break;
        if (!current) current = bubble("assistant", "");
        current.textContent += ev.text || ""; break;
      case T.assistant: case T.question:
        if (ev.type === T.assistant && ev.phase && ev.phase !== "interview") { current = null; break; }
        // a streamed answer is already on screen; the complete one replaces it
        if (current) { current.textContent = ev.text || ""; current = null; }
        else if (ev.text) bubble("assistant", ev.text);
        break;
      case T.info: case T.repair: current = null; bubble("system", ev.text); break;
      case T.stop: current = null; if (ev.text) bubble("system", ev.text); break;
      case T.draft:
        current = null;
        if (ev.doc === "contract" && ev.content) draftBubble(ev.content);
        else if (ev.doc) bubble("system", cockpit.t("web.js.draftUpdated", ev.doc));
        break;
      case T.findings: {
        const n = (ev.findings || []).length;
        bubble("system", n ? cockpit.t("web.js.revising", n) : cockpit.t("web.js.passes")); break;
      }
      case T.saved: {
        const p = ev.paths || {};
        bubble("system", cockpit.t("web.js.saved", [p.canvas, p.contract].filter(Boolean).join(", "))); break;
      }
      case T.error: current = null; bubble("error", ev.text); break;
      case T.turnEnd: current = null; sendBtn.disabled = false; break;
      case T.historyEnd: live = true; break;
      default: break;
    }
  }

  function open(id) {
    if (es) es.close();
    session = id; live = false; log.replaceChildren();
    panel.dataset.session = id;
    label.textContent = id ? cockpit.t("web.editor.conversation") + " " + id : cockpit.t("web.editor.noChat");
    sendBtn.disabled = !id;
    if (!id) { bubble("system", cockpit.t("web.js.startChat")); return; }
    const u = new URL(location.href); u.searchParams.set("session", id); history.replaceState(null, "", u);
    es = new EventSource("/api/chat/events?session=" + encodeURIComponent(id));
    es.onmessage = (m) => { try { onEvent(JSON.parse(m.data)); } catch (e) { /* ignore malformed */ } };
  }

  document.getElementById("chat-new").addEventListener("click", async () => {
    const res = await api("POST", "/api/chat/sessions", {});
    if (res.status !== 201) { bubble("error", res.body.error); return; }
    open(res.body.session);
  });

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text || !session) return;
    sendBtn.disabled = true;
    const res = await api("POST", "/api/chat", { session, message: text });
    if (res.status !== 202) { bubble("error", res.body.error); sendBtn.disabled = false; return; }
    input.value = "";
  });
  open(session);
})();
