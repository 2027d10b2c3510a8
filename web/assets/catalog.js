// catalog.js: live search over /api/contracts as you type.
"use strict";
(function () {
  const { api, debounce, el } = window.cockpit;
  const q = document.getElementById("catalog-q");
  const rows = document.getElementById("catalog-rows");
  const count = document.getElementById("catalog-count");
  if (!q || !rows) return;

  function badge(cls, text) { return el("span", { class: "badge " + cls, text }); }
  function plural(n, w) { return n + " " + w + (n === 1 ? "" : "s"); }

  function row(c) {
    const edit = "/editor?file=" + encodeURIComponent(c.file);
    const lin = "/lineage?focus=" + encodeURIComponent("contract:" + c.file);
    const name = el("td", {}, el("a", { class: "contract-name", href: edit, text: c.name || c.file }),
      el("div", { class: "muted small", text: c.file + (c.id ? " · " + c.id : "") }));
    if (c.tags && c.tags.length) name.append(el("div", { class: "tags" }, ...c.tags.map(t => el("span", { class: "tag", text: t }))));
    const val = el("td");
    val.append(c.valid ? badge("ok", "valid") : badge("err", plural(c.errors, "error")));
    if (c.warnings) { val.append(" "); val.append(badge("warn", plural(c.warnings, "warning"))); }
    const pii = el("td");
    if (c.hasPII) { const b = badge("pii", "PII"); b.title = (c.pii || []).join(" "); pii.append(b); }
    const links = el("td", { class: "links" }, el("a", { href: edit, text: "edit" }), " · ", el("a", { href: lin, text: "lineage" }));
    const tr = el("tr", { class: "catalog-row", "data-file": c.file }, name,
      el("td", { text: c.domain || "" }), el("td", { text: c.owner || "" }),
      el("td", {}, el("span", { class: "status status-" + (c.status || ""), text: c.status || "" })),
      el("td", { text: c.version || "" }), val, pii, links);
    return tr;
  }

  const search = debounce(async function () {
    const term = q.value;
    const res = await api("GET", "/api/contracts?q=" + encodeURIComponent(term));
    if (res.status !== 200 || term !== q.value) return;
    rows.replaceChildren(...res.body.contracts.map(row));
    if (!res.body.contracts.length) {
      rows.append(el("tr", { class: "empty" }, el("td", { colspan: "8", text: cockpit.t("web.catalog.none") })));
    }
    count.textContent = res.body.contracts.length + " of " + res.body.total + " contracts";
    const u = new URL(location.href);
    if (term) u.searchParams.set("q", term); else u.searchParams.delete("q");
    history.replaceState(null, "", u);
  }, 200);
  q.addEventListener("input", search);
})();
