/* Header menu enhancements; every part works without this file (the menus are <details> elements and the
   language form has its own button). Here: one sub-menu open at a time, Escape and a click elsewhere close
   it, the wide-screen menu stays open where ::details-content is not supported, and the language applies as
   soon as it is chosen. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function groups() { return Array.prototype.slice.call(document.querySelectorAll("details[data-nav-group]")); }

  function closeAll(except) {
    groups().forEach(function (d) { if (d !== except && !d.contains(except)) { d.open = false; } });
  }

  function init() {
    groups().forEach(function (d) {
      d.addEventListener("toggle", function () { if (d.open) { closeAll(d); } });
    });
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape") { return; }
      var open = groups().filter(function (d) { return d.open; });
      if (open.length) {
        open.forEach(function (d) { d.open = false; });
        var s = open[open.length - 1].querySelector("summary");
        if (s && open[open.length - 1].contains(document.activeElement)) { s.focus(); }
        return;
      }
      var menu = document.querySelector("details[data-nav-menu]");
      if (menu && menu.open && narrow.matches) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
    document.addEventListener("click", function (e) {
      groups().forEach(function (d) { if (d.open && !d.contains(e.target)) { d.open = false; } });
    });

    // Wide screens show the menu whether or not the disclosure is open; browsers without ::details-content
    // need it open.
    var menu = document.querySelector("details[data-nav-menu]");
    var narrow = window.matchMedia("(max-width: 60rem)");  // the menu folds (site.css)
    var phone = window.matchMedia("(max-width: 43.75rem)");  // the filters fold
    var supported = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");
    function fit() { if (menu && !supported && !narrow.matches) { menu.open = true; } }
    fit();
    if (narrow.addEventListener) { narrow.addEventListener("change", fit); }

    // A table (or a .scroll box around one) that scrolls inside its own box: focusable (keyboard scrolling)
    // and named by its caption; a box that is not a table becomes a named region.
    function regions() {
      Array.prototype.forEach.call(document.querySelectorAll("main table.data, main .scroll"), function (t) {
        var scrolls = t.scrollWidth > t.clientWidth + 1 && getComputedStyle(t).overflowX !== "visible";
        if (scrolls && !t.hasAttribute("data-scroll-region")) {
          t.setAttribute("data-scroll-region", "");
          t.setAttribute("tabindex", "0");
          if (t.tagName !== "TABLE" && !t.hasAttribute("role")) { t.setAttribute("role", "region"); t.setAttribute("data-made-region", ""); }
          var cap = t.querySelector("caption");
          if (!t.hasAttribute("aria-label") && !t.hasAttribute("aria-labelledby")) {
            t.setAttribute("aria-label", cap ? cap.textContent.trim() : (document.documentElement.getAttribute("data-table-label") || "Table"));
          }
        } else if (!scrolls && t.hasAttribute("data-scroll-region")) {
          t.removeAttribute("data-scroll-region");
          t.removeAttribute("tabindex");
          if (t.hasAttribute("data-made-region")) { t.removeAttribute("role"); t.removeAttribute("data-made-region"); }
        }
      });
    }
    regions();
    window.addEventListener("resize", regions);

    // Filters: folded on phones, shown on wider screens where ::details-content is not supported.
    var folds = document.querySelectorAll("details.filter-fold");
    function unfold() { if (!supported && !phone.matches) { Array.prototype.forEach.call(folds, function (d) { d.open = true; }); } }
    unfold();
    if (phone.addEventListener) { phone.addEventListener("change", unfold); }

    var form = document.querySelector("form[data-autosubmit]");
    if (form) {
      var select = form.querySelector("select");
      select.addEventListener("change", function () { form.submit(); });
    }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
}());
