/* Filters for tables marked data-jm-filter (the pain-point index). The controls are built
   here, so a reader without JavaScript gets the whole table and no dead controls. The table's
   data-jm-filter holds the choices as [value, label] pairs; each row lists its own values in
   space-separated data attributes of the same names. */
(function () {
  "use strict";

  var FIELDS = [["severity", "Severity"], ["stage", "Stage"], ["team", "Team"], ["persona", "Persona"], ["status", "Status"]];

  function control(name, label, choices) {
    var wrapper = document.createElement("label");
    wrapper.className = "jm-filter__field";
    wrapper.appendChild(document.createTextNode(label + " "));
    var select = document.createElement("select");
    select.name = name;
    select.add(new Option("All", ""));
    choices.forEach(function (pair) { select.add(new Option(pair[1], pair[0])); });
    wrapper.appendChild(select);
    return wrapper;
  }

  function matches(row, form) {
    return FIELDS.every(function (field) {
      var select = form.elements[field[0]];
      if (!select || !select.value) return true;
      return (row.getAttribute("data-" + field[0]) || "").split(" ").indexOf(select.value) !== -1;
    });
  }

  function setUp(table) {
    if (table.getAttribute("data-jm-filter-ready")) return;
    table.setAttribute("data-jm-filter-ready", "true");
    var choices = JSON.parse(table.getAttribute("data-jm-filter"));
    var form = document.createElement("form");
    form.className = "jm-filter";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Filter the table");
    FIELDS.forEach(function (field) {
      if ((choices[field[0]] || []).length) form.appendChild(control(field[0], field[1], choices[field[0]]));
    });
    var reset = document.createElement("button");
    reset.type = "reset";
    reset.className = "md-button";
    reset.textContent = "Show all";
    form.appendChild(reset);
    var count = document.createElement("p");
    count.className = "jm-filter__count";
    count.setAttribute("aria-live", "polite");

    function apply() {
      var rows = table.tBodies[0].rows;
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        rows[i].hidden = !matches(rows[i], form);
        if (!rows[i].hidden) shown++;
      }
      count.textContent = "Showing " + shown + " of " + rows.length + ".";
    }

    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var place = table.closest(".jm-grid-scroll") || table;
    place.parentNode.insertBefore(form, place);
    place.parentNode.insertBefore(count, place);
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-jm-filter]"), setUp);
  }

  // Material's instant navigation swaps pages without a load event; document$ fires on each.
  // It never fires where Material cannot fetch (Material 9.x with navigation.instant over
  // file://, the offline plugin's use), so the page's own load starts this too; init() is
  // safe to run twice.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
