// common.js: shared helpers for the DataEngOS cockpit pages.
"use strict";
window.cockpit = (function () {
  const meta = document.querySelector('meta[name="csrf-token"]');
  const csrf = meta ? meta.content : "";

  // api sends a JSON (or raw text) request and returns {status, body}.
  // An AbortSignal cancels it (the server then stops working on it).
  async function api(method, url, body, raw, signal) {
    // The answers (findings, hints) come in the page's language.
    const opts = { method, signal, headers: { "X-CSRF-Token": csrf, "Accept": "application/json", "Accept-Language": document.documentElement.lang || "en" } };
    if (body !== undefined) {
      opts.headers["Content-Type"] = raw ? "application/yaml" : "application/json";
      opts.body = raw ? body : JSON.stringify(body);
    }
    const res = await fetch(url, opts);
    let data = null;
    try { data = await res.json(); } catch (e) { data = { error: "bad response (" + res.status + ")" }; }
    return { status: res.status, body: data };
  }

  function debounce(fn, ms) {
    let t = null;
    return function (...args) { clearTimeout(t); t = setTimeout(() => fn.apply(this, args), ms); };
  }

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v; else if (k === "text") e.textContent = v; else e.setAttribute(k, v);
    }
    for (const k of kids) e.append(k);
    return e;
  }

  // t renders a label of the catalog (the page's data-messages, in the
  // page's language), filling %s and %d with args in order.
  const messages = (function () {
    try { return JSON.parse(document.body.dataset.messages || "{}"); } catch (e) { return {}; }
  })();
  function t(key, ...args) {
    let i = 0;
    return (messages[key] || key).replace(/%[sdvq]/g, () => String(args[i++] ?? ""));
  }

  // A field's help opens towards the middle of its form, so that it is
  // never hidden under the panel beside it (style.css .help.flip).
  function placeHelp(ev) {
    const h = ev.target.closest && ev.target.closest(".help");
    if (!h) return;
    const f = (h.closest("form, fieldset") || document.body).getBoundingClientRect();
    h.classList.toggle("flip", h.getBoundingClientRect().left > f.left + f.width / 2);
  }
  document.addEventListener("mouseover", placeHelp);
  document.addEventListener("focusin", placeHelp);

  return { api, debounce, el, csrf, t };
})();
