// Repeated rows of a form (e.g. an activity's partners): "Add" clones the row template, "Remove" takes a row out.
// Without JavaScript the page already shows a few empty rows and an empty row counts for nothing.
(function () {
  "use strict";
  document.querySelectorAll("[data-rows]").forEach((list) => {
    const form = list.closest("form") || document;
    const fieldset = list.closest("fieldset") || form;
    const count = fieldset.querySelector("[data-rows-count]");
    const tpl = fieldset.querySelector("template[data-row-template]");
    const add = fieldset.querySelector("[data-add-row]");
    if (!count || !tpl || !add) return;

    function wire(row) {
      const b = row.querySelector("[data-remove-row]");
      if (!b) return;
      b.hidden = false;
      b.addEventListener("click", () => {
        const rows = Array.from(list.querySelectorAll("[data-row]"));
        const i = rows.indexOf(row);
        row.remove();
        const rest = Array.from(list.querySelectorAll("[data-row]"));
        const next = rest[Math.min(i, rest.length - 1)];
        const target = next ? next.querySelector("input:not([type=hidden]), select:not([hidden])") : add;
        (target || add).focus();
      });
    }
    list.querySelectorAll("[data-row]").forEach(wire);
    add.hidden = false;
    add.addEventListener("click", () => {
      // Row numbers only grow, so names never collide with a removed row's; the server skips gaps.
      const i = parseInt(count.value, 10) || 0;
      const n = list.querySelectorAll("[data-row]").length + 1;
      const html = tpl.innerHTML.split("__i__").join(String(i)).split("__n__").join(String(n));
      const holder = document.createElement("ol");
      holder.innerHTML = html;
      const row = holder.querySelector("[data-row]");
      list.append(row);
      count.value = String(i + 1);
      wire(row);
      if (window.wsisPicker) window.wsisPicker.init(row);
      const first = row.querySelector("input:not([type=hidden]), select:not([hidden])");
      if (first) first.focus();
    });
  });
})();
