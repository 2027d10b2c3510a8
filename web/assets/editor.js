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

  function fillSelect(sel, values, blank, label) {
    sel.replaceChildren();
    if (blank !== undefined) sel.append(el("option", { value: "", text: blank }));
    for (const v of values) sel.append(el("option", { value: v, text: label ? label(v) : v }));
  }
  function setSelect(sel, v) {
    if (v && ![...sel.options].some(o => o.value === v)) sel.append(el("option", { value: v, text: v }));
    sel.value = v || "";
  }
  const tagsOut = s => s.split(",").map(t => t.trim()).filter(Boolean);
  const listKeys = new Set(["tags", "values"]); // comma-separated in the form, lists in the contract
  const typeLabel = v => { const k = "web.type." + v, s = cockpit.t(k); return s === k ? v : s; };

  // --- building the form -------------------------------------------------
  function addObject(o) {
    const frag = tplObject.content.cloneNode(true);
    const fs = frag.querySelector("fieldset");
    fs.dataset.key = o && o.key !== undefined && o.key !== null ? o.key : "";
    for (const inp of fs.querySelectorAll("[data-okey]")) {
      const k = inp.dataset.okey;
      inp.value = o ? (k === "tags" ? (o.tags || []).join(", ") : (o[k] || "")) : "";
    }
    const rows = fs.querySelector(":scope > .prop-rows");
    fs.querySelector(".add-prop").addEventListener("click", () => { addProp(rows, null); renumber(); changed(); });
    fs.querySelector(".del-object").addEventListener("click", () => { fs.remove(); renumber(); changed(); });
    objectsBox.append(frag);
    for (const p of (o && o.properties) || []) addProp(rows, p);
    return fs;
  }

  // ownInputs are a column card's own inputs (not those of its nested fields).
  const ownInputs = card => card.querySelectorAll(":scope > .prop-grid [data-pkey]");
  const nestedRows = card => card.querySelector(":scope > .nested > .prop-rows");
  const cards = rows => [...rows.children].filter(n => n.matches(".prop"));

  // addProp adds a column card to rows (a table's columns, or the fields
  // inside an object column); its nested fields are cards too.
  function addProp(rows, p) {
    const frag = tplProp.content.cloneNode(true);
    const card = frag.querySelector(".prop");
    card.dataset.key = p && p.key !== undefined && p.key !== null ? p.key : "";
    const type = card.querySelector('[data-pkey="logicalType"]');
    fillSelect(type, state.opts.logicalTypes || [], "—", typeLabel);
    fillSelect(card.querySelector('[data-pkey="classification"]'), state.opts.classifications || [], cockpit.t("web.editor.unclassified"));
    fillSelect(card.querySelector('[data-pkey="masking"]'), state.opts.maskingValues || [], "—");
    for (const inp of ownInputs(card)) {
      const k = inp.dataset.pkey, v = p ? p[k] : undefined;
      if (inp.type === "checkbox") inp.checked = !!v;
      else if (inp.tagName === "SELECT") setSelect(inp, v);
      else inp.value = listKeys.has(k) ? ((v || []).join(", ")) : (v || "");
    }
    // Facts guessed from the name show as chips until confirmed (inferred.js).
    window.cockpitInferred.attach(card, p && p.inferred, () => { state.quiet = false; changed(); });
    card.querySelector(":scope > .prop-head .del-prop").addEventListener("click", () => { card.remove(); renumber(); changed(); });
    const inner = nestedRows(card);
    card.querySelector(":scope > .nested > .add-field").addEventListener("click", () => { addProp(inner, null); renumber(); changed(); });
    type.addEventListener("change", () => showNested(card));
    rows.append(frag);
    for (const c of (p && p.properties) || []) addProp(inner, c);
    showNested(card);
    return card;
  }

  // showNested shows the "fields inside" of an object column (or of any
  // column that has some).
  function showNested(card) {
    const type = card.querySelector(':scope > .prop-grid [data-pkey="logicalType"]').value;
    card.querySelector(":scope > .nested").hidden = type !== "object" && cards(nestedRows(card)).length === 0;
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
      numberProps(fs.querySelector(":scope > .prop-rows"), op, "web.js.column");
    });
  }
  function numberProps(rows, base, title) {
    cards(rows).forEach((card, j) => {
      const pp = base + ".properties[" + j + "]";
      card.dataset.path = pp;
      card.querySelector(":scope > .prop-head .prop-title").textContent = cockpit.t(title, j + 1);
      card.querySelector(":scope > .prop-findings").dataset.for = pp;
      for (const f of card.querySelectorAll(":scope > .prop-grid > .field")) f.dataset.path = pp + "." + f.dataset.rel;
      numberProps(nestedRows(card), pp, "web.js.field");
    });
  }

  const slaInputs = () => document.querySelectorAll("fieldset.sla [data-skey]");
  function setForm(f) {
    for (const inp of document.querySelectorAll("fieldset.meta [data-key]")) {
      const k = inp.dataset.key, v = f[k];
      if (inp.tagName === "SELECT") setSelect(inp, v); else inp.value = k === "tags" ? (v || []).join(", ") : (v || "");
    }
    const sla = f.sla || {};
    for (const inp of slaInputs()) {
      if (inp.tagName === "SELECT") setSelect(inp, sla[inp.dataset.skey]); else inp.value = sla[inp.dataset.skey] || "";
    }
    objectsBox.replaceChildren();
    for (const o of f.objects || []) addObject(o);
    renumber();
  }

  function collectProps(rows) {
    return cards(rows).map(card => {
      const p = {};
      if (card.dataset.key !== "") p.key = Number(card.dataset.key);
      for (const inp of ownInputs(card)) {
        const k = inp.dataset.pkey;
        p[k] = inp.type === "checkbox" ? inp.checked : (listKeys.has(k) ? tagsOut(inp.value) : inp.value);
      }
      p.inferred = window.cockpitInferred.facts(card);
      p.properties = collectProps(nestedRows(card));
      return p;
    });
  }

  function collect() {
    const f = { sla: {} };
    for (const inp of document.querySelectorAll("fieldset.meta [data-key]")) {
      f[inp.dataset.key] = inp.dataset.key === "tags" ? tagsOut(inp.value) : inp.value;
    }
    for (const inp of slaInputs()) f.sla[inp.dataset.skey] = inp.value;
    f.objects = [...objectsBox.querySelectorAll("fieldset.object")].map(fs => {
      const o = {};
      if (fs.dataset.key !== "") o.key = Number(fs.dataset.key);
      for (const inp of fs.querySelectorAll("[data-okey]")) o[inp.dataset.okey] = inp.dataset.okey === "tags" ? tagsOut(inp.value) : inp.value;
      o.properties = collectProps(fs.querySelector(":scope > .prop-rows"));
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
    if (target.matches(".prop, .prop .field")) {
      return target.closest(".prop").querySelector(":scope > .prop-findings");
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
  let seq = 0, inflight = null;
  async function refresh() {
    const mine = ++seq;
    if (inflight) inflight.abort(); // a newer edit: the server stops the older check
    inflight = new AbortController();
    let res;
    try {
      res = await api("POST", "/api/preview", { form: collect(), base: state.base, file: currentFile() || "<editor>" }, false, inflight.signal);
    } catch (e) {
      if (e.name === "AbortError") return;
      throw e;
    }
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
    const unit = document.getElementById("f-unit");
    if (ev.target.id === "f-freshness" && ev.target.value.trim() && !unit.value) unit.value = "h";
    if (!state.fileTouched && !state.hash && (ev.target.id === "f-id" || ev.target.id === "f-name")) {
      const s = slug(document.getElementById("f-name").value || document.getElementById("f-id").value);
      filePath.value = s ? "contracts/" + s + ".odcs.yaml" : "";
    }
    changed();
  });
  root.addEventListener("change", (ev) => { if (!ev.target.closest("#chat-panel") && ev.target !== filePath) { state.quiet = false; changed(); } });
  document.getElementById("add-object").addEventListener("click", () => {
    const fs = addObject(null); addProp(fs.querySelector(":scope > .prop-rows"), null); renumber(); changed();
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
