/* Sort and filter generated tables in the browser. Vendored with the site: no CDN.
 * - table.sa-sortable: each column header becomes a button; cells may carry data-sort.
 * - table[data-filter=ID]: the form #ID (hidden until this script runs) filters rows
 *   by text, data-region and data-instruments. */
(function () {
  "use strict";

  function key(cell) {
    var raw = cell.getAttribute("data-sort");
    if (raw === null) raw = cell.textContent.trim();
    var number = Number(raw);
    return raw !== "" && !isNaN(number) ? number : raw.toLowerCase();
  }

  function compare(a, b) {
    if (typeof a === typeof b) return a < b ? -1 : a > b ? 1 : 0;
    return typeof a === "number" ? -1 : 1;
  }

  function sortable(table) {
    var headers = table.querySelectorAll("thead th");
    headers.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sa-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var order = compare(key(r1.cells[column]), key(r2.cells[column]));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function filterable(table) {
    var form = document.getElementById(table.getAttribute("data-filter"));
    if (!form) return;
    form.hidden = false;
    var output = form.querySelector("output");
    function apply() {
      var text = form.elements.text.value.trim().toLowerCase();
      var region = form.elements.region.value;
      var instrument = form.elements.instrument.value;
      var rows = table.tBodies[0].rows, shown = 0;
      for (var i = 0; i < rows.length; i++) {
        var row = rows[i];
        var ok = (!text || row.textContent.toLowerCase().indexOf(text) !== -1) &&
          (!region || row.getAttribute("data-region") === region) &&
          (!instrument || (" " + row.getAttribute("data-instruments") + " ").indexOf(" " + instrument + " ") !== -1);
        row.hidden = !ok;
        if (ok) shown++;
      }
      if (output) {
        output.textContent = output.getAttribute("data-template")
          .replace("{shown}", shown).replace("{total}", rows.length);
      }
    }
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    apply();
  }

  function start() {
    document.querySelectorAll("table.sa-sortable").forEach(sortable);
    document.querySelectorAll("table[data-filter]").forEach(filterable);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
