// Tag suggestions in the activity editor: action lines suggest SDG targets from the WSIS–SDG matrix,
// and chosen targets suggest action lines. Works without it; this only adds shortcuts.
(function () {
  const box = document.getElementById("suggestions");
  if (!box) return;
  const primary = document.getElementById("id_primary_line");
  const others = document.querySelectorAll("#other-lines input[type=checkbox]");
  const targets = document.getElementById("id_sdg_targets");

  function chosenLines() {
    const out = [];
    if (primary && primary.value) out.push(primary.value);
    others.forEach((c) => { if (c.checked) out.push(c.value); });
    return out;
  }
  function chosenTargets() {
    return Array.from(targets.selectedOptions).map((o) => o.value);
  }
  function button(label, onClick) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = "chip";
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  }
  async function refresh() {
    const params = new URLSearchParams();
    chosenLines().forEach((l) => params.append("action_line", l));
    chosenTargets().forEach((t) => params.append("target", t));
    box.replaceChildren();
    if ([...params].length === 0) return;
    const resp = await fetch(box.dataset.url + "?" + params.toString(), { headers: { Accept: "application/json" } });
    if (!resp.ok) return;
    const data = await resp.json();
    const have = new Set(chosenTargets());
    const newTargets = data.sdg_targets.filter((t) => !have.has(t));
    if (newTargets.length) {
      const p = document.createElement("p");
      p.textContent = box.dataset.labelTargets + " ";
      newTargets.forEach((t) => p.append(button(t, () => {
        const opt = Array.from(targets.options).find((o) => o.value === t);
        if (opt) { opt.selected = true; targets.dispatchEvent(new Event("change", { bubbles: true })); }
      })));
      box.append(p);
    }
    const haveLines = new Set(chosenLines());
    const newLines = data.action_lines.filter((l) => !haveLines.has(l));
    if (newLines.length) {
      const p = document.createElement("p");
      p.textContent = box.dataset.labelLines + " ";
      newLines.forEach((l) => p.append(button(l, () => {
        if (primary && !primary.value) { primary.value = l; }
        else { others.forEach((c) => { if (c.value === l) c.checked = true; }); }
        refresh();
      })));
      box.append(p);
    }
  }
  [primary, targets].forEach((el) => el && el.addEventListener("change", refresh));
  others.forEach((c) => c.addEventListener("change", refresh));
  refresh();
})();
