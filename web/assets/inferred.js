// inferred.js: the chips on a column card for facts that were guessed
// from the column's name rather than stated (the property's "inferred"
// custom property). Clicking a chip's confirm button, or changing its
// box, confirms the fact: it leaves the card's list, and the next save
// drops it from the contract (web/form_inferred.go).
"use strict";
(function () {
  const { el } = window.cockpit;
  // Each fact's box: the field it sits beside and the input that edits it.
  const boxes = { logicalType: "logicalType", primaryKey: "primaryKey", pii: "classification" };
  const fieldOf = (card, f) => card.querySelector(':scope > .prop-grid > .field[data-rel="' + boxes[f] + '"]');
  const inputOf = (card, f) => card.querySelector(':scope > .prop-grid [data-pkey="' + boxes[f] + '"]');

  function render(card) {
    for (const c of card.querySelectorAll(":scope > .prop-grid > .field > .inferred-chip")) c.remove();
    for (const f of card.inferredFacts) {
      const field = boxes[f] && fieldOf(card, f);
      if (!field) continue;
      const ok = el("button", { type: "button", class: "link confirm-inferred", title: cockpit.t("web.inferred.confirm"),
        "aria-label": cockpit.t("web.inferred.confirm") + ": " + cockpit.t("web.inferred." + f), text: "✓" });
      ok.addEventListener("click", () => confirm(card, f));
      field.append(el("span", { class: "inferred-chip", "data-fact": f }, el("span", { text: cockpit.t("web.inferred." + f) }), ok));
    }
  }

  function confirm(card, f) {
    if (!card.inferredFacts.includes(f)) return;
    card.inferredFacts = card.inferredFacts.filter(x => x !== f);
    render(card);
    card.dispatchEvent(new CustomEvent("inferred-confirmed", { bubbles: true, detail: f }));
  }

  // attach shows the chips of facts (the form's inferred list) on card and
  // confirms each when its box changes; onConfirm runs after each.
  function attach(card, facts, onConfirm) {
    card.inferredFacts = (facts || []).slice();
    for (const f of Object.keys(boxes)) {
      const inp = inputOf(card, f);
      if (inp) inp.addEventListener("change", () => confirm(card, f));
    }
    card.addEventListener("inferred-confirmed", (ev) => { if (ev.target === card) onConfirm(ev.detail); });
    render(card);
  }

  window.cockpitInferred = { attach, facts: card => (card.inferredFacts || []).slice() };
})();
