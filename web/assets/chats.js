// chats.js: the /chat page. "New conversation" starts one and opens it in
// the editor; nothing starts on a page visit.
"use strict";
(function () {
  const { api } = window.cockpit;
  const btn = document.getElementById("chat-new-page");
  if (!btn) return;
  btn.addEventListener("click", async () => {
    btn.disabled = true;
    const res = await api("POST", "/api/chat/sessions", {});
    if (res.status !== 201) { alert(res.body.error || "could not start a conversation"); btn.disabled = false; return; }
    location.href = "/editor?session=" + encodeURIComponent(res.body.session);
  });
})();
