(function () {
  // Reload while a report is being generated, unless the reader stopped it or is typing in a form.
  var note = document.getElementById("report-refresh");
  if (!note) { return; }
  var stop = document.getElementById("report-refresh-stop");
  var delay = 1000 * (parseInt(note.getAttribute("data-seconds"), 10) || 3);
  var stopped = false, edited = false, timer;
  function tick() {
    var active = document.activeElement;
    if (stopped) { return; }
    if (edited || (active && active.form)) { timer = setTimeout(tick, delay); return; }
    window.location.replace(window.location.href);
  }
  document.addEventListener("input", function () { edited = true; });
  stop.addEventListener("click", function () {
    stopped = true;
    clearTimeout(timer);
    note.firstElementChild.textContent = note.getAttribute("data-stopped");
    stop.remove();
    note.setAttribute("tabindex", "-1");
    note.focus();
  });
  timer = setTimeout(tick, delay);
})();
