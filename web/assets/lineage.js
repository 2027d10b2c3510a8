// lineage.js: highlight what a node feeds and what feeds it; show details.
"use strict";
(function () {
  const svg = document.getElementById("lineage-svg");
  if (!svg) return;
  const details = document.getElementById("node-details");
  const edges = [...svg.querySelectorAll(".edge")];
  const nodes = new Map([...svg.querySelectorAll("g.node")].map(g => [g.dataset.id, g]));

  function walk(start, dir) {
    const seen = new Set([start]), todo = [start];
    while (todo.length) {
      const id = todo.pop();
      for (const e of edges) {
        const [a, b] = dir > 0 ? [e.dataset.from, e.dataset.to] : [e.dataset.to, e.dataset.from];
        if (a === id && !seen.has(b)) { seen.add(b); todo.push(b); }
      }
    }
    return seen;
  }

  function focus(id) {
    const g = nodes.get(id);
    if (!g) return;
    const lit = new Set([...walk(id, 1), ...walk(id, -1)]);
    svg.classList.add("has-focus");
    for (const [nid, n] of nodes) n.classList.toggle("lit", lit.has(nid));
    for (const e of edges) e.classList.toggle("lit", lit.has(e.dataset.from) && lit.has(e.dataset.to));
    for (const n of nodes.values()) n.classList.remove("focus");
    g.classList.add("focus");
    if (details) {
      details.hidden = false;
      details.replaceChildren();
      const h = document.createElement("h2"); h.textContent = g.querySelector(".label").textContent;
      const p = document.createElement("p"); p.textContent = g.dataset.kind + (g.dataset.file ? " · " + g.dataset.file : "");
      details.append(h, p);
      if (g.dataset.kind === "contract" && g.dataset.file) {
        const a = document.createElement("a"); a.href = "/editor?file=" + encodeURIComponent(g.dataset.file); a.textContent = cockpit.t("web.js.openEditor");
        details.append(a);
      }
    }
  }

  svg.addEventListener("click", function (ev) {
    const g = ev.target.closest("g.node");
    if (!g || g.dataset.kind === "contract") return; // contracts follow their link to the editor
    ev.preventDefault();
    focus(g.dataset.id);
    const u = new URL(location.href); u.searchParams.set("focus", g.dataset.id); history.replaceState(null, "", u);
  });
  const f = new URL(location.href).searchParams.get("focus");
  if (f) focus(f);
})();
