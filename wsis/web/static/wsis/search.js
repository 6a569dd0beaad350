/* Site search box: suggestions as you type (WAI-ARIA 1.2 combobox with a grouped listbox popup).
   Without JavaScript the box is a plain GET form to /search/. Up/Down move through the suggestions,
   Enter opens the chosen one (or submits the form when none is chosen), Escape closes the list. */
(function () {
  "use strict";
  var form = document.querySelector("form.site-search");
  if (!form || !window.fetch) { return; }
  var input = form.querySelector("input[name=q]");
  var list = form.querySelector("[role=listbox]");
  var status = form.querySelector("[role=status]");
  var api = form.getAttribute("data-api");
  var lang = form.getAttribute("data-lang") || "en";
  var options = [];
  var active = -1;
  var timer = null;
  var controller = null;
  var lastQuery = "";

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  function text(name, values) {
    var s = form.getAttribute("data-" + name) || "";
    Object.keys(values || {}).forEach(function (k) { s = s.split("%(" + k + ")s").join(values[k]); });
    return s;
  }

  function wanted(q) {
    // Two characters, or one of a script written without spaces (肯).
    return q.length >= 2 || /[\u3400-\u9fff\uf900-\ufaff]/.test(q);
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function open() {
    if (!options.length) { return; }
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function setActive(i) {
    if (active >= 0 && options[active]) { options[active].el.setAttribute("aria-selected", "false"); }
    active = i;
    if (i < 0) { input.removeAttribute("aria-activedescendant"); return; }
    var el = options[i].el;
    el.setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", el.id);
    if (el.scrollIntoView) { el.scrollIntoView({block: "nearest"}); }
  }

  function option(id, title, context, url, titleLang) {
    var el = document.createElement("span");
    el.id = id;
    el.className = "site-search-option";
    el.setAttribute("role", "option");
    el.setAttribute("aria-selected", "false");
    var t = document.createElement("span");
    t.className = "site-search-title";
    t.textContent = title;
    t.setAttribute("dir", "auto");
    if (titleLang) { t.setAttribute("lang", titleLang); }
    el.appendChild(t);
    if (context) {
      var c = document.createElement("span");
      c.className = "site-search-context";
      context.split(" · ").forEach(function (part, i) {
        if (i) { c.appendChild(document.createTextNode(" · ")); }
        var b = document.createElement("bdi");
        b.textContent = part;
        c.appendChild(b);
      });
      el.appendChild(c);
    }
    var index = options.length;
    el.addEventListener("mousedown", function (e) { e.preventDefault(); });  // keep focus in the box
    el.addEventListener("click", function () { go(index); });
    options.push({el: el, url: url});
    return el;
  }

  function go(i) {
    var o = options[i];
    if (o) { close(); window.location.assign(o.url); }
  }

  function render(answer, q) {
    list.textContent = "";
    options = [];
    active = -1;
    var n = 0;
    answer.groups.forEach(function (g, gi) {
      var group = document.createElement("span");
      group.className = "site-search-group";
      group.setAttribute("role", "group");
      var label = document.createElement("span");
      label.className = "site-search-label";
      label.id = "site-search-g" + gi;
      label.setAttribute("role", "presentation");
      label.textContent = g.label + " (" + g.count + ")";
      group.setAttribute("aria-labelledby", label.id);
      group.appendChild(label);
      g.hits.forEach(function (h, hi) {
        group.appendChild(option("site-search-o" + gi + "-" + hi, h.title, h.context, h.url, h.lang));
        n += 1;
      });
      list.appendChild(group);
    });
    if (n) {
      var all = document.createElement("span");
      all.className = "site-search-group";
      all.setAttribute("role", "group");
      all.setAttribute("aria-label", text("all", {q: q}));
      all.appendChild(option("site-search-all", text("all", {q: q}), "", form.action + "?q=" + encodeURIComponent(q), ""));
      list.appendChild(all);
      status.textContent = text("found", {n: String(n)});
      open();
    } else {
      status.textContent = text("none");
      close();
    }
  }

  function fetchSuggestions() {
    var q = input.value.trim();
    if (q === lastQuery) { open(); return; }
    lastQuery = q;
    if (!wanted(q)) { options = []; list.textContent = ""; close(); status.textContent = ""; return; }
    if (controller) { controller.abort(); }
    controller = window.AbortController ? new AbortController() : null;
    var url = api + "?" + new URLSearchParams({q: q.slice(0, 100), lang: lang, limit: "5"}).toString();
    fetch(url, {headers: {Accept: "application/json"}, credentials: "same-origin",
                signal: controller ? controller.signal : undefined})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (answer) {
        if (answer && input.value.trim() === q) { render(answer, q); }
      })
      .catch(function () { /* aborted or offline: the form still submits */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 200);
  });

  input.addEventListener("keydown", function (e) {
    var expanded = !list.hidden;
    if (e.key === "ArrowDown" || e.key === "Down") {
      e.preventDefault();
      if (!expanded) { if (options.length) { open(); } else { fetchSuggestions(); } return; }
      setActive(active + 1 < options.length ? active + 1 : 0);
    } else if (e.key === "ArrowUp" || e.key === "Up") {
      e.preventDefault();
      if (!expanded) { open(); }
      if (options.length) { setActive(active > 0 ? active - 1 : options.length - 1); }
    } else if (e.key === "Enter") {
      if (expanded && active >= 0) { e.preventDefault(); go(active); }
      // Otherwise the form submits to the results page.
    } else if (e.key === "Escape" || e.key === "Esc") {
      if (expanded) { e.preventDefault(); close(); }
      else if (input.value) { e.preventDefault(); input.value = ""; lastQuery = ""; }
    } else if (e.key === "Home" || e.key === "End") {
      if (expanded) { setActive(-1); }
    }
  });

  input.addEventListener("blur", function () { setTimeout(close, 150); });
  input.addEventListener("focus", function () { if (input.value.trim() === lastQuery && options.length) { open(); } });
})();
