/* Charts: tooltips on hover and keyboard focus, arrow keys between marks, downloads (SVG, PNG, CSV) and a
   copy-link button. Progressive enhancement: the server's SVG, its <title>s and aria-labels, the data table
   and the share/embed links work without this file. */
(function () {
  "use strict";
  if (window.wsisCharts) { return; }
  window.wsisCharts = true;

  var SVGNS = "http://www.w3.org/2000/svg";

  function save(blob, filename) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function button(label, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "chart-tool";
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  }

  /* The chart as a standalone SVG: the legend of the page drawn under it, so the file names its series. */
  function standalone(fig, svg) {
    var clone = svg.cloneNode(true);
    var vb = (svg.getAttribute("viewBox") || "0 0 720 320").split(/[\s,]+/).map(Number);
    var w = vb[2], h = vb[3];
    var items = fig.querySelectorAll(".legend li");
    var g = document.createElementNS(SVGNS, "g");
    var rtl = document.documentElement.dir === "rtl";
    Array.prototype.forEach.call(items, function (li, i) {
      var mark = li.querySelector("line, rect");
      var colour = mark ? (mark.getAttribute("stroke") !== "#1b1f24" && mark.tagName === "line"
        ? mark.getAttribute("stroke") : mark.getAttribute("fill")) : "#000";
      if (colour && colour.indexOf("url(#") === 0) {
        colour = colour.replace(/-l(\d+)\)$/, "-p$1)");
      }
      var y = h + 10 + i * 20;
      var r = document.createElementNS(SVGNS, "rect");
      r.setAttribute("x", rtl ? String(w - 26) : "10");
      r.setAttribute("y", String(y));
      r.setAttribute("width", "16");
      r.setAttribute("height", "12");
      r.setAttribute("fill", colour || "#000");
      var t = document.createElementNS(SVGNS, "text");
      t.setAttribute("x", rtl ? String(w - 32) : "32");
      t.setAttribute("y", String(y + 11));
      t.setAttribute("font-size", "13");
      if (rtl) { t.setAttribute("direction", "rtl"); }
      t.textContent = li.textContent.trim();
      g.appendChild(r);
      g.appendChild(t);
    });
    var extra = items.length ? items.length * 20 + 14 : 0;
    clone.appendChild(g);
    var bg = document.createElementNS(SVGNS, "rect");
    bg.setAttribute("width", "100%");
    bg.setAttribute("height", "100%");
    bg.setAttribute("fill", "#ffffff");
    clone.insertBefore(bg, clone.firstChild);
    clone.setAttribute("viewBox", [vb[0], vb[1], w, h + extra].join(" "));
    clone.setAttribute("width", String(w));
    clone.setAttribute("height", String(h + extra));
    return { xml: new XMLSerializer().serializeToString(clone), width: w, height: h + extra };
  }

  function png(fig, svg, name) {
    var s = standalone(fig, svg);
    var img = new Image();
    img.onload = function () {
      var scale = 2;
      var canvas = document.createElement("canvas");
      canvas.width = s.width * scale;
      canvas.height = s.height * scale;
      var ctx = canvas.getContext("2d");
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob(function (blob) { if (blob) { save(blob, name + ".png"); } }, "image/png");
    };
    img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(s.xml);
  }

  /* The table's rows as CSV: a cell's data-value (the number in the C locale) when it has one, else its text. */
  function csv(table) {
    var lines = [];
    Array.prototype.forEach.call(table.querySelectorAll("tr"), function (tr) {
      var cells = [];
      Array.prototype.forEach.call(tr.querySelectorAll("th, td"), function (c) {
        var v = c.hasAttribute("data-value") ? c.getAttribute("data-value") : c.textContent.trim().replace(/\s+/g, " ");
        cells.push(/[",\n;]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v);
      });
      lines.push(cells.join(","));
    });
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }

  function findTable(fig) {
    var id = fig.getAttribute("data-table");
    if (id && document.getElementById(id)) { return document.getElementById(id); }
    var section = fig.closest("section") || fig.parentNode;
    return section ? section.querySelector("table") : null;
  }

  function tooltip(fig) {
    var tip = document.createElement("div");
    tip.className = "chart-tip";
    tip.setAttribute("aria-hidden", "true"); /* the mark's own aria-label is what assistive technology reads */
    tip.hidden = true;
    fig.appendChild(tip);
    function show(mark) {
      tip.textContent = mark.getAttribute("aria-label");
      tip.hidden = false;
      var box = fig.getBoundingClientRect();
      var m = mark.getBoundingClientRect();
      var left = m.left + m.width / 2 - box.left;
      var top = m.top - box.top - tip.offsetHeight - 8;
      left = Math.max(4, Math.min(left - tip.offsetWidth / 2, box.width - tip.offsetWidth - 4));
      tip.style.left = left + "px";
      tip.style.top = Math.max(0, top) + "px";
      mark.classList.add("active");
    }
    function hide(mark) {
      tip.hidden = true;
      if (mark) { mark.classList.remove("active"); }
    }
    return { show: show, hide: hide };
  }

  function enhance(fig) {
    var svg = fig.querySelector("svg.chart, svg.map");
    if (!svg) { return; }
    var marks = Array.prototype.slice.call(svg.querySelectorAll(".mark"));
    var tip = tooltip(fig);
    marks.forEach(function (m, i) {
      var title = m.querySelector("title");
      if (title) { title.remove(); } /* our tooltip replaces the browser's */
      /* One tab stop per chart; the arrow keys move between its marks. */
      m.setAttribute("tabindex", i === 0 ? "0" : "-1");
      m.addEventListener("mouseenter", function () { tip.show(m); });
      m.addEventListener("mouseleave", function () { tip.hide(m); });
      m.addEventListener("focus", function () { tip.show(m); });
      m.addEventListener("blur", function () { tip.hide(m); });
      m.addEventListener("keydown", function (e) {
        var step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
        if (e.key === "Home") { step = -i; }
        if (e.key === "End") { step = marks.length - 1 - i; }
        if (e.key === "Escape") { tip.hide(m); return; }
        if (step === undefined) { return; }
        e.preventDefault();
        var next = marks[Math.max(0, Math.min(marks.length - 1, i + step))];
        m.setAttribute("tabindex", "-1");
        next.setAttribute("tabindex", "0");
        next.focus();
      });
    });
    var tools = fig.querySelector("[data-chart-tools]");
    if (!tools) { return; }
    var name = fig.getAttribute("data-name") || "chart";
    var first = tools.firstChild;
    tools.insertBefore(button(tools.getAttribute("data-label-svg"), function () {
      save(new Blob([standalone(fig, svg).xml], { type: "image/svg+xml" }), name + ".svg");
    }), first);
    tools.insertBefore(button(tools.getAttribute("data-label-png"), function () { png(fig, svg, name); }), first);
    var table = findTable(fig);
    if (table && !tools.querySelector("a.csv")) {
      tools.insertBefore(button(tools.getAttribute("data-label-csv"), function () {
        save(new Blob([csv(table)], { type: "text/csv;charset=utf-8" }), name + ".csv");
      }), first);
    }
    var share = tools.querySelector(".share-link");
    if (share && navigator.clipboard) {
      var copy = button(tools.getAttribute("data-label-copy"), function () {
        navigator.clipboard.writeText(share.href).then(function () {
          copy.textContent = tools.getAttribute("data-label-copied");
        });
      });
      share.after(copy);
    }
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-chart]"), enhance);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
