// Type-ahead picker: progressive enhancement of <select data-picker> (single or multiple).
// Without JavaScript the plain <select> works. With it, the select stays in the form (hidden) and
// holds the choice; a combobox (WAI-ARIA 1.2: input + listbox, aria-activedescendant) filters its
// options by label or code, accent- and case-insensitive; chosen items of a multiple select are shown
// as removable chips and every change is announced in a live region.
(function () {
  "use strict";
  const S = document.getElementById("picker-strings");
  const t = (key, vars) => {
    let s = (S && S.dataset[key]) || key;
    Object.entries(vars || {}).forEach(([k, v]) => { s = s.split("{" + k + "}").join(v); });
    return s;
  };
  const LIMIT = 80;
  let uid = 0;

  function fold(s) {
    return (s || "").normalize("NFD").replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, "").toLocaleLowerCase();
  }

  function enhance(select) {
    if (select.dataset.pickerReady) return;
    select.dataset.pickerReady = "1";
    const multiple = select.multiple;
    const n = ++uid;
    const label = select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
    const items = Array.from(select.options).map((o) => {
      const group = o.parentElement && o.parentElement.tagName === "OPTGROUP" ? o.parentElement.label : "";
      const text = o.textContent.trim();
      return { option: o, value: o.value, text: text, group: group,
               key: fold(text + " " + o.value + " " + (o.dataset.search || "") + " " + group) };
    }).filter((it) => it.value !== "" || !multiple);

    const wrap = document.createElement("div");
    wrap.className = "picker" + (multiple ? " picker-multi" : " picker-single");
    const chips = document.createElement("ul");
    chips.className = "picker-chips";
    if (label) chips.setAttribute("aria-label", t("chosen", { label: label.textContent.trim() }));
    const box = document.createElement("div");
    box.className = "picker-box";
    const input = document.createElement("input");
    input.type = "text";
    input.id = (select.id || "picker-" + n) + "-input";
    input.className = "picker-input";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("autocomplete", "off");
    input.setAttribute("spellcheck", "false");
    input.placeholder = t("placeholder");
    const list = document.createElement("ul");
    list.id = input.id + "-list";
    list.className = "picker-list";
    list.setAttribute("role", "listbox");
    if (multiple) list.setAttribute("aria-multiselectable", "true");
    list.hidden = true;
    input.setAttribute("aria-controls", list.id);
    const empty = document.createElement("p");
    empty.className = "picker-empty";
    empty.textContent = t("none");
    empty.hidden = true;
    const hint = document.createElement("span");
    hint.id = input.id + "-hint";
    hint.className = "sr-only";
    hint.textContent = t(multiple ? "hintMulti" : "hintSingle");
    const live = document.createElement("div");
    live.className = "sr-only";
    live.setAttribute("aria-live", "polite");
    live.setAttribute("role", "status");

    if (label) {
      if (!label.id) label.id = input.id + "-label";
      label.htmlFor = input.id;
      list.setAttribute("aria-labelledby", label.id);
    }
    // Hints written for the plain select ("hold Ctrl") do not describe the picker.
    const described = (select.getAttribute("aria-describedby") || "").split(/\s+/).filter((id) => {
      const el = id && document.getElementById(id);
      return el && !el.classList.contains("picker-nojs");
    }).concat([hint.id]).join(" ");
    input.setAttribute("aria-describedby", described);
    if (select.getAttribute("aria-invalid")) input.setAttribute("aria-invalid", select.getAttribute("aria-invalid"));
    if (select.required) input.setAttribute("aria-required", "true");
    if (select.disabled) input.disabled = true;

    box.append(input, list, empty);
    if (multiple) wrap.append(chips);
    wrap.append(box, hint, live);
    select.after(wrap);
    select.hidden = true;
    select.tabIndex = -1;
    const field = select.parentElement;
    if (field) field.querySelectorAll(".picker-nojs").forEach((el) => { el.hidden = true; });
    (select.getAttribute("aria-describedby") || "").split(/\s+/).forEach((id) => {
      const el = id && document.getElementById(id);
      if (el && el.classList.contains("picker-nojs")) el.hidden = true;
    });

    let shown = [];
    let active = -1;

    function say(msg) {
      live.textContent = "";
      window.setTimeout(() => { live.textContent = msg; }, 30);
    }
    function chosenItems() { return items.filter((it) => it.option.selected && it.value !== ""); }
    function notify() { select.dispatchEvent(new Event("change", { bubbles: true })); }

    function renderChips() {
      if (!multiple) {
        const cur = items.find((it) => it.option.selected);
        if (document.activeElement !== input) input.value = cur && cur.value !== "" ? cur.text : "";
        return;
      }
      chips.replaceChildren();
      chosenItems().forEach((it) => {
        const li = document.createElement("li");
        const b = document.createElement("button");
        b.type = "button";
        b.className = "picker-chip";
        b.dataset.value = it.value;
        b.setAttribute("aria-label", t("remove", { label: it.text }));
        const span = document.createElement("span");
        span.textContent = it.text;
        span.dir = "auto";
        const x = document.createElement("span");
        x.setAttribute("aria-hidden", "true");
        x.className = "picker-x";
        x.textContent = "×";
        b.append(span, x);
        b.addEventListener("click", () => remove(it, b));
        li.append(b);
        chips.append(li);
      });
      chips.hidden = chips.children.length === 0;
    }

    function remove(it, button) {
      const buttons = Array.from(chips.querySelectorAll("button"));
      const i = buttons.indexOf(button);
      it.option.selected = false;
      renderChips();
      notify();
      const rest = chips.querySelectorAll("button");
      (rest[Math.min(i, rest.length - 1)] || input).focus();
      say(t("removed", { label: it.text, n: chosenItems().length }));
    }

    function filter(q) {
      const f = fold(q.trim());
      if (!f) return items.slice();
      const words = f.split(/\s+/);
      const hits = items.filter((it) => words.every((w) => it.key.includes(w)));
      const starts = (it) => (fold(it.value) === f ? 0 : fold(it.text).startsWith(f) || fold(it.value).startsWith(f) ? 1
        : (" " + fold(it.text)).includes(" " + words[0]) ? 2 : 3);
      return hits.map((it, i) => [starts(it), i, it]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[2]);
    }

    function open(q) {
      shown = filter(q);
      list.replaceChildren();
      let lastGroup = null;
      shown.slice(0, LIMIT).forEach((it, i) => {
        if (it.group && it.group !== lastGroup && !input.value.trim()) {
          const g = document.createElement("li");
          g.setAttribute("role", "presentation");
          g.className = "picker-group";
          g.textContent = it.group;
          list.append(g);
        }
        lastGroup = it.group;
        const li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.className = "picker-option";
        li.setAttribute("aria-selected", it.option.selected && it.value !== "" ? "true" : "false");
        li.textContent = it.text;
        li.dir = "auto";
        li.addEventListener("mousedown", (e) => { e.preventDefault(); choose(i); });
        list.append(li);
      });
      // An empty listbox is not allowed: "no match" is said beside it instead.
      empty.hidden = shown.length > 0;
      if (shown.length > LIMIT) {
        const li = document.createElement("li");
        li.className = "picker-more";
        li.setAttribute("role", "presentation");
        li.textContent = t("more", { n: shown.length - LIMIT });
        list.append(li);
      }
      list.hidden = shown.length === 0;
      input.setAttribute("aria-expanded", shown.length ? "true" : "false");
      setActive(shown.length && input.value.trim() ? 0 : -1);
      if (input.value.trim()) say(shown.length ? t("results", { n: shown.length }) : t("none"));
    }

    function close() {
      list.hidden = true;
      empty.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(i) {
      const prev = document.getElementById(list.id + "-" + active);
      if (prev) prev.classList.remove("active");
      active = i;
      const el = document.getElementById(list.id + "-" + i);
      if (el) {
        el.classList.add("active");
        input.setAttribute("aria-activedescendant", el.id);
        el.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function choose(i) {
      const it = shown[i];
      if (!it) return;
      if (multiple) {
        if (it.option.selected) {
          it.option.selected = false;
          say(t("removed", { label: it.text, n: chosenItems().length }));
        } else {
          it.option.selected = true;
          say(t("added", { label: it.text, n: chosenItems().length }));
        }
        input.value = "";
        renderChips();
        close();
      } else {
        it.option.selected = true;
        select.value = it.value;
        input.value = it.value === "" ? "" : it.text;
        say(t("selected", { label: it.text }));
        close();
      }
      notify();
    }

    input.addEventListener("input", () => open(input.value));
    input.addEventListener("focus", () => { if (!multiple) input.select(); });
    input.addEventListener("click", () => { if (list.hidden) open(multiple ? input.value : ""); });
    input.addEventListener("blur", () => {
      window.setTimeout(() => {
        close();
        if (!multiple) {
          if (!input.value.trim()) {
            const blank = items.find((it) => it.value === "");
            if (blank && !blank.option.selected) { blank.option.selected = true; notify(); }
          }
          renderChips();
        }
      }, 120);
    });
    input.addEventListener("keydown", (e) => {
      const max = Math.min(shown.length, LIMIT) - 1;
      if (e.key === "ArrowDown") {
        e.preventDefault();
        if (list.hidden) { open(multiple ? input.value : ""); if (!e.altKey) setActive(0); }
        else setActive(active >= max ? 0 : active + 1);
      } else if (e.key === "ArrowUp") {
        e.preventDefault();
        if (list.hidden) { open(multiple ? input.value : ""); setActive(max); }
        else setActive(active <= 0 ? max : active - 1);
      } else if (e.key === "Enter") {
        if (!list.hidden && active >= 0) { e.preventDefault(); choose(active); }
        else if (!list.hidden && input.value.trim()) { e.preventDefault(); }
      } else if (e.key === "Escape") {
        if (!list.hidden) { e.preventDefault(); close(); }
        else if (input.value) { e.preventDefault(); input.value = ""; if (!multiple) renderChips(); }
      } else if (e.key === "Backspace" && multiple && !input.value) {
        const last = chosenItems().pop();
        if (last) {
          last.option.selected = false;
          renderChips();
          notify();
          say(t("removed", { label: last.text, n: chosenItems().length }));
        }
      } else if (e.key === "Tab") {
        close();
      }
    });
    // Another script (e.g. the matrix suggestions) may change the select: show it.
    select.addEventListener("change", renderChips);
    renderChips();
  }

  function init(root) {
    (root || document).querySelectorAll("select[data-picker]").forEach(enhance);
  }
  window.wsisPicker = { init: init };
  init(document);
})();
