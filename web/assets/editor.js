// editor.js: the contract form, live YAML preview, live validation with
// findings next to their field, and save with conflict detection.
"use strict";
(function () {
  const { api, debounce, el } = window.cockpit;
  const root = document.getElementById("editor");
  if (!root) return;
  const objectsBox = document.getElementById("objects");
  const preview = document.getElementById("yaml-preview");
  const summary = document.getElementById("validation-summary");
  const others = document.getElementById("findings-other");
  const status = document.getElementById("save-status");
  const filePath = document.getElementById("file-path");
  const tplObject = document.getElementById("tpl-object");
  const tplProp = document.getElementById("tpl-prop");

  // state: what the form was loaded from (its hidden fields are kept on save).
  const state = { file: root.dataset.file || "", hash: "", base: "", opts: {}, fileTouched: !!root.dataset.file, quiet: !root.dataset.file };
  let ready = null; // init()'s promise: a draft never races the file fetch
  window.cockpitEditor = { loadDraft, state, hasFile: () => !!state.hash };

  function fillSelect(sel, values, blank) {
    sel.replaceChildren();
    if (blank !== undefined) sel.append(el("option", { value: "", text: blank }));
    for (const v of values) sel.append(el("option", { value: v, text: v }));
  }
  function setSelect(sel, v) {
    if (v && ![...sel.options].some(o => o.value === v)) sel.append(el("option", { value: v, text: v }));
    sel.value = v || "";
  }
  const tagsOut = s => s.split(",").map(t => t.trim()).filter(Boolean);

  // --- building the form -------------------------------------------------
  function addObject(o) {
    const frag = tplObject.content.cloneNode(true);
    const fs = frag.querySelector("fieldset");
    fs.dataset.key = o && o.key !== undefined && o.key !== null ? o.key : "";
    for (const inp of fs.querySelectorAll("[data-okey]")) {
      const k = inp.dataset.okey;
      inp.value = o ? (k === "tags" ? (o.tags || []).join(", ") : (o[k] || "")) : "";
    }
    fs.querySelector(".add-prop").addEventListener("click", () => { addProp(fs, null); renumber(); changed(); });
    fs.querySelector(".del-object").addEventListener("click", () => { fs.remove(); renumber(); changed(); });
    objectsBox.append(frag);
    for (const p of (o && o.properties) || []) addProp(fs, p);
    return fs;
  }

  function addProp(fs, p) {
    const frag = tplProp.content.cloneNode(true);
    const tr = frag.querySelector("tr.prop");
    tr.dataset.key = p && p.key !== undefined && p.key !== null ? p.key : "";
    fillSelect(tr.querySelector('[data-pkey="logicalType"]'), state.opts.logicalTypes || [], "—");
    fillSelect(tr.querySelector('[data-pkey="classification"]'), state.opts.classifications || [], "unclassified");
    fillSelect(tr.querySelector('[data-pkey="masking"]'), state.opts.maskingValues || [], "—");
    for (const inp of tr.querySelectorAll("[data-pkey]")) {
      const k = inp.dataset.pkey, v = p ? p[k] : undefined;
      if (inp.type === "checkbox") inp.checked = !!v;
      else if (inp.tagName === "SELECT") setSelect(inp, v);
      else inp.value = k === "tags" ? ((v || []).join(", ")) : (v || "");
    }
    frag.querySelector(".del-prop").addEventListener("click", () => {
      tr.nextElementSibling.remove(); tr.remove(); renumber(); changed();
    });
    fs.querySelector(".prop-rows").append(frag);
  }

  // renumber gives every field the finding path of what it edits, so that
  // a finding at schema[0].properties[2].classification lands beside it.
  function renumber() {
    [...objectsBox.querySelectorAll("fieldset.object")].forEach((fs, i) => {
      const op = "schema[" + i + "]";
      fs.dataset.path = op;
      fs.querySelector(".obj-title").textContent = cockpit.t("web.js.table", i + 1);
      fs.querySelector(".obj-findings").dataset.for = op;
      for (const f of fs.querySelectorAll(":scope > .grid > .field")) f.dataset.path = op + "." + f.dataset.rel;
      [...fs.querySelectorAll("tr.prop")].forEach((tr, j) => {
        const pp = op + ".properties[" + j + "]";
        tr.dataset.path = pp;
        tr.nextElementSibling.querySelector(".prop-findings").dataset.for = pp;
        for (const td of tr.querySelectorAll(".field")) td.dataset.path = pp + "." + td.dataset.rel;
      });
    });
  }

  function setForm(f) {
    for (const inp of document.querySelectorAll("fieldset.meta [data-key]")) {
      const k = inp.dataset.key, v = f[k];
      if (inp.tagName === "SELECT") setSelect(inp, v); else inp.value = k === "tags" ? (v || []).join(", ") : (v || "");
    }
    objectsBox.replaceChildren();
    for (const o of f.objects || []) addObject(o);
    renumber();
  }

  function collect() {
    const f = {};
    for (const inp of document.querySelectorAll("fieldset.meta [data-key]")) {
      f[inp.dataset.key] = inp.dataset.key === "tags" ? tagsOut(inp.value) : inp.value;
    }
    f.objects = [...objectsBox.querySelectorAll("fieldset.object")].map(fs => {
      const o = { properties: [] };
      if (fs.dataset.key !== "") o.key = Number(fs.dataset.key);
      for (const inp of fs.querySelectorAll("[data-okey]")) o[inp.dataset.okey] = inp.dataset.okey === "tags" ? tagsOut(inp.value) : inp.value;
      o.properties = [...fs.querySelectorAll("tr.prop")].map(tr => {
        const p = {};
        if (tr.dataset.key !== "") p.key = Number(tr.dataset.key);
        for (const inp of tr.querySelectorAll("[data-pkey]")) {
          const k = inp.dataset.pkey;
          p[k] = inp.type === "checkbox" ? inp.checked : (k === "tags" ? tagsOut(inp.value) : inp.value);
        }
        return p;
      });
      return o;
    });
    return f;
  }

  // --- findings ------------------------------------------------------------
  // Some rules point at the property or object as a whole; send them to the
  // field that fixes them.
  const ruleField = {
    "gov-pii-unclassified": "classification", "gov-pii-description": "description",
    "gov-pii-critical": "criticalDataElement", "gov-pii-masking": "customProperties",
    "gov-logical-type": "logicalType", "gov-object-description": "description",
  };
  function refine(f) {
    const p = f.path || "";
    return ruleField[f.rule] && p.endsWith("]") ? p + "." + ruleField[f.rule] : p;
  }

  function findTarget(path) {
    let p = path || "";
    while (p) {
      const hit = document.querySelector('#editor [data-path="' + CSS.escape(p) + '"]') ||
        document.querySelector('#editor [data-alias~="' + CSS.escape(p) + '"]');
      if (hit) return hit;
      const cut = Math.max(p.lastIndexOf("."), p.lastIndexOf("["));
      p = cut > 0 ? p.slice(0, cut) : "";
    }
    return null;
  }

  function findingsBoxFor(target) {
    if (target.matches("tr.prop, td.field")) {
      const tr = target.closest("tr.prop");
      return tr.nextElementSibling.querySelector(".prop-findings");
    }
    if (target.matches("fieldset.object")) return target.querySelector(".obj-findings");
    return target; // a .field div: the message goes inside it, under the input
  }

  function findingEl(f) {
    const d = el("div", { class: "finding " + f.severity, "data-path": f.path || "", "data-rule": f.rule || "" });
    d.append(el("strong", { text: f.severity === "error" ? "✖ " : "⚠ " }), f.message);
    if (f.hint) d.append(el("span", { class: "hint", text: " — " + f.hint }));
    return d;
  }

  function showFindings(res) {
    for (const n of document.querySelectorAll("#editor .finding.inline")) n.remove();
    for (const n of document.querySelectorAll("#editor .has-finding")) n.classList.remove("has-finding", "error", "warning");
    others.replaceChildren();
    if (state.quiet) { // a blank new contract: no findings before anything is typed or saved
      summary.className = "badge"; summary.id = "validation-summary"; summary.dataset.errors = 0;
      summary.textContent = cockpit.t("web.editor.quiet");
      return;
    }
    const fs = res.findings || [];
    for (const f of fs) {
      const t = findTarget(refine(f));
      const item = findingEl(f);
      item.classList.add("listed");
      if (t) {
        const inline = findingEl(f);
        inline.classList.add("inline");
        findingsBoxFor(t).append(inline);
        t.classList.add("has-finding", f.severity);
        item.addEventListener("click", () => { const i = t.querySelector("input,select,textarea") || t; i.focus(); });
        item.classList.add("clickable");
      }
      others.append(el("li", {}, item));
    }
    summary.className = "badge " + (res.errors ? "err" : res.warnings ? "warn" : "ok");
    summary.id = "validation-summary";
    summary.textContent = res.errors ? cockpit.t("web.js.errorsWarnings", res.errors, res.warnings || 0) :
      res.warnings ? cockpit.t("web.js.warnings", res.warnings) : cockpit.t("web.catalog.valid");
    summary.dataset.errors = res.errors || 0;
  }

  // --- preview loop ---------------------------------------------------------
  let seq = 0;
  async function refresh() {
    const mine = ++seq;
    const res = await api("POST", "/api/preview", { form: collect(), base: state.base, file: currentFile() || "<editor>" });
    if (mine !== seq) return; // a newer edit already asked
    if (res.status !== 200) { preview.textContent = ""; showFindings({ findings: res.body.findings || [], errors: 1 }); setStatus(res.body.error, "error"); return; }
    preview.textContent = res.body.yaml;
    showFindings(res.body);
    showChanges(res.body);
    root.dataset.ready = "1";
  }

  // showChanges lists what a save would change against the saved file, as
  // `dataeng-os diff` reports it; breaking changes come first and are marked.
  const changesList = document.getElementById("changes-list");
  const changesBadge = document.getElementById("changes-breaking");
  function showChanges(res) {
    if (!changesList) return;
    const cs = (res.changes || []).slice().sort((a, b) => (b.level === "breaking" || b.level === "error") - (a.level === "breaking" || a.level === "error"));
    changesList.replaceChildren();
    const breaking = cs.filter(c => c.level === "breaking" || c.level === "error").length;
    changesBadge.hidden = breaking === 0;
    changesBadge.textContent = cockpit.t("web.changes.breaking", breaking);
    if (!res.saved) { changesList.append(el("li", { class: "muted", text: cockpit.t("web.changes.new") })); return; }
    if (!cs.length) { changesList.append(el("li", { class: "muted", text: cockpit.t("web.changes.none") })); return; }
    for (const c of cs) {
      changesList.append(el("li", { class: "change change-" + c.level, "data-rule": c.rule },
        el("span", { class: "badge " + (c.level === "breaking" || c.level === "error" ? "err" : c.level === "warning" ? "warn" : "ok"), text: c.level }),
        " ", c.message));
    }
  }
  const changed = debounce(refresh, 250);

  function slug(s) { return (s || "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, ""); }
  function currentFile() { return filePath.value.trim(); }
  function setStatus(msg, cls) { status.textContent = msg || ""; status.className = "save-status " + (cls || ""); }

  root.addEventListener("input", (ev) => {
    if (ev.target === filePath) { state.fileTouched = true; return; }
    if (ev.target.closest("#chat-panel")) return;
    state.quiet = false;
    if (!state.fileTouched && !state.hash && (ev.target.id === "f-id" || ev.target.id === "f-name")) {
      const s = slug(document.getElementById("f-name").value || document.getElementById("f-id").value);
      filePath.value = s ? "contracts/" + s + ".odcs.yaml" : "";
    }
    changed();
  });
  root.addEventListener("change", (ev) => { if (!ev.target.closest("#chat-panel") && ev.target !== filePath) { state.quiet = false; changed(); } });
  document.getElementById("add-object").addEventListener("click", () => {
    const fs = addObject(null); addProp(fs, null); renumber(); changed();
  });

  // --- save -------------------------------------------------------------------
  async function save() {
    state.quiet = false;
    const file = currentFile();
    if (!file) { setStatus(cockpit.t("web.js.chooseFile"), "error"); filePath.focus(); return; }
    setStatus(cockpit.t("web.js.saving"));
    const res = await api("PUT", "/api/contract?file=" + encodeURIComponent(file),
      { form: collect(), base: state.base, hash: state.hash });
    if (res.status === 200 || res.status === 201) {
      state.hash = res.body.hash; state.base = res.body.yaml; state.file = file;
      filePath.readOnly = true;
      if (res.body.form) setForm(res.body.form);
      preview.textContent = res.body.yaml; showFindings(res.body);
      history.replaceState(null, "", "/editor?file=" + encodeURIComponent(file));
      document.getElementById("editor-title").textContent = cockpit.t("web.editor.edit");
      setStatus(cockpit.t("web.js.saved", file) + (res.body.valid ? "" : cockpit.t("web.js.withFindings")), "ok");
      root.dataset.saved = file;
    } else if (res.status === 409 && res.body.idMismatch) {
      setStatus(res.body.error, "error conflict");
      filePath.readOnly = false; state.hash = ""; state.file = ""; state.fileTouched = false;
      const s = slug(collect().id || collect().name);
      filePath.value = s ? "contracts/" + s + ".odcs.yaml" : "";
      filePath.focus();
    } else if (res.status === 409) {
      setStatus(cockpit.t("web.js.conflict", res.body.error), "error conflict");
    } else {
      setStatus(cockpit.t("web.js.notSaved", res.body.error), "error");
    }
  }
  document.getElementById("save-btn").addEventListener("click", save);

  // --- scaffold ------------------------------------------------------------------
  const scaffoldOut = document.getElementById("scaffold-result");
  async function scaffold(dry) {
    if (!state.hash) { setStatus(cockpit.t("web.js.saveFirst"), "error"); return; }
    scaffoldOut.replaceChildren(el("li", { class: "muted", text: dry ? cockpit.t("web.js.rendering") : cockpit.t("web.js.writing") }));
    const res = await api("POST", "/api/scaffold" + (dry ? "?dry_run=1" : ""), { file: state.file });
    scaffoldOut.replaceChildren();
    if (res.status !== 200) {
      scaffoldOut.append(el("li", { class: "finding error", text: res.body.error }));
      return;
    }
    for (const f of res.body.files) {
      const li = el("li", { class: "sf sf-" + f.status, "data-path": f.path },
        el("span", { class: "badge", text: f.status }), " ", el("code", { text: f.path }));
      if (f.detail) li.append(el("div", { class: "muted small", text: f.detail }));
      scaffoldOut.append(li);
    }
    if (!dry) {
      const a = el("a", { href: "/lineage?focus=" + encodeURIComponent("contract:" + state.file), id: "see-lineage", text: cockpit.t("web.js.seeLineage") });
      scaffoldOut.append(el("li", {}, a));
      root.dataset.scaffolded = "1";
    }
  }
  document.getElementById("scaffold-preview").addEventListener("click", () => scaffold(true));
  document.getElementById("scaffold-write").addEventListener("click", () => scaffold(false));

  // loadDraft puts YAML (an Architect draft) into the form, keeping its
  // hidden fields as the base of the next save. A draft never lands on an
  // open file: with one open it asks first, and then edits a new file.
  async function loadDraft(yaml, opts) {
    opts = opts || {};
    await ready;
    const res = await api("POST", "/api/parse", { yaml, file: "<draft>" });
    if (res.status !== 200 || !res.body.form) { setStatus(cockpit.t("web.js.draftBad", ((res.body.findings || [])[0] || {}).message), "error"); return false; }
    const name = res.body.form.name || res.body.form.id || "the draft";
    if (state.hash) {
      if (opts.ask === false) return false;
      if (!window.confirm("Load the Architect's draft of " + name + "? It replaces the form showing " + state.file +
        ", and saving it creates a new file: " + state.file + " stays as it is.")) return false;
      state.hash = ""; state.file = ""; state.fileTouched = false;
      filePath.readOnly = false;
      history.replaceState(null, "", "/editor" + (opts.session ? "?session=" + encodeURIComponent(opts.session) : ""));
    }
    state.base = yaml;
    state.quiet = false;
    setForm(res.body.form);
    if (!state.fileTouched) {
      const s = slug(res.body.form.name || res.body.form.id);
      if (s) filePath.value = "contracts/" + s + ".odcs.yaml";
    }
    document.getElementById("editor-title").textContent = cockpit.t("web.js.fromChat", opts.session || "");
    await refresh();
    setStatus(cockpit.t("web.js.draftLoaded", name), "ok");
    return true;
  }

  async function init() {
    const sess = await api("GET", "/api/session");
    state.opts = sess.body || {};
    fillSelect(document.getElementById("f-status"), state.opts.statuses || [], "—");
    if (state.file) {
      const res = await api("GET", "/api/contract?file=" + encodeURIComponent(state.file));
      if (res.status !== 200) { setStatus(res.body.error, "error"); return; }
      state.hash = res.body.hash; state.base = res.body.yaml;
      if (!res.body.form) {
        preview.textContent = res.body.yaml; showFindings(res.body);
        setStatus(cockpit.t("web.js.yamlErrors"), "error");
        document.getElementById("save-btn").disabled = true;
        return;
      }
      setForm(res.body.form);
    } else {
      setForm({ version: "1.0.0", status: "draft", objects: [{ properties: [{}] }] });
    }
    await refresh();
  }
  ready = init();
})();
