/* Filters for tables marked data-jm-filter (the pain-point index, the insights index, the
   opportunity portfolio). The controls are built here, so a reader without JavaScript gets the
   whole table and no dead controls. The table's data-jm-filter holds the choices as
   [value, label] pairs by filter; data-jm-fields names the filters in order (default: the
   pain-point index's); each row lists its own values in space-separated data attributes of the
   same names; data-jm-words holds the interface words, a filter's label under its name.
   A large index spreads over several pages: its table then names, in data-jm-rows, a JSON
   file of every row (fetched on the first filter), and a filter shows the matching rows of
   every page in a table of its own (data-jm-columns: [row key, word] pairs, the row's text
   linked to its url), each linked to its row. A query such as ?stage=buy (the links from
   stage, team and persona pages) sets the filter on arrival. */
(function () {
  "use strict";

  var FIELDS = ["severity", "stage", "team", "persona", "status"];
  var COLUMNS = [["priority", "col_priority"], ["text", "col_pain_point"], ["severity", "col_severity"],
    ["status", "col_status"], ["places", "col_places"]];
  var WORDS = {
    severity: "Severity", stage: "Stage", team: "Team", persona: "Persona", status: "Status", all: "All",
    show_all: "Show all", form: "Filter the table", showing: "Showing {shown} of {total}.",
    everywhere: "Matching pain points on every page of the index", loading: "Loading every page's rows…",
    failed: "Could not load the other pages' rows; showing the matches on this page only.",
    col_priority: "Priority", col_pain_point: "Pain point", col_severity: "Severity", col_status: "Status",
    col_places: "Places"
  };
  var rowsCache = {};

  function fill(words, values) {
    return words.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }

  function control(name, label, choices, words) {
    var wrapper = document.createElement("label");
    wrapper.className = "jm-filter__field";
    wrapper.appendChild(document.createTextNode(label + " "));
    var select = document.createElement("select");
    select.name = name;
    select.add(new Option(words.all, ""));
    choices.forEach(function (pair) { select.add(new Option(pair[1], pair[0])); });
    wrapper.appendChild(select);
    return wrapper;
  }

  function wanted(form, fields) {
    var chosen = {};
    fields.forEach(function (name) {
      var select = form.elements[name];
      if (select && select.value) chosen[name] = select.value;
    });
    return chosen;
  }

  function rowMatches(row, chosen) {
    return Object.keys(chosen).every(function (name) {
      return (row.getAttribute("data-" + name) || "").split(" ").indexOf(chosen[name]) !== -1;
    });
  }

  function dataMatches(item, chosen) {
    return Object.keys(chosen).every(function (name) {
      var value = item[name];
      return Array.isArray(value) ? value.indexOf(chosen[name]) !== -1 : value === chosen[name];
    });
  }

  function loadRows(href) {
    var address = new URL(href, window.location.href).href;
    if (!rowsCache[address]) {
      rowsCache[address] = window.fetch(address).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      }).then(function (data) { return data.rows; });
      rowsCache[address].catch(function () { delete rowsCache[address]; });
    }
    return rowsCache[address];
  }

  /* The matches of every page as a table built with text nodes: the rows carry author text. */
  function resultsTable(items, words, root, columns, kind) {
    var table = document.createElement("table");
    table.className = kind;
    table.createCaption().textContent = words.everywhere;
    var head = table.createTHead().insertRow();
    columns.forEach(function (column) {
      var th = document.createElement("th");
      th.scope = "col";
      th.textContent = words[column[1]];
      head.appendChild(th);
    });
    var body = table.createTBody();
    items.forEach(function (item) {
      var tr = body.insertRow();
      tr.setAttribute("data-jm-id", item.id);
      columns.forEach(function (column) {
        var td = tr.insertCell();
        td.setAttribute("data-label", words[column[1]]);
        var value = item[column[0]];
        if (column[0] !== "text") {
          td.textContent = Array.isArray(value) ? value.join(", ") : (value === null || value === undefined ? "" : String(value));
          return;
        }
        var a = document.createElement("a");
        a.href = new URL(item.url, root).href;
        a.textContent = item.text;
        td.appendChild(a);
      });
    });
    return table;
  }

  function setUp(table) {
    if (table.getAttribute("data-jm-filter-ready")) return;
    table.setAttribute("data-jm-filter-ready", "true");
    var choices = JSON.parse(table.getAttribute("data-jm-filter"));
    var fields = JSON.parse(table.getAttribute("data-jm-fields") || "null") || FIELDS;
    var columns = JSON.parse(table.getAttribute("data-jm-columns") || "null") || COLUMNS;
    var kind = table.getAttribute("data-jm-results") || "jm-pain-results";
    var words = Object.assign({}, WORDS, JSON.parse(table.getAttribute("data-jm-words") || "{}"));
    var rowsHref = table.getAttribute("data-jm-rows");
    // Site-root-relative row URLs resolve against the site root, which this page names relatively.
    var root = new URL((table.getAttribute("data-jm-root") || ".").replace(/\/?$/, "/"), window.location.href);
    var form = document.createElement("form");
    form.className = "jm-filter";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", words.form);
    fields.forEach(function (name) {
      if ((choices[name] || []).length) form.appendChild(control(name, words[name], choices[name], words));
    });
    var reset = document.createElement("button");
    reset.type = "reset";
    reset.className = "md-button";
    reset.textContent = words.show_all;
    form.appendChild(reset);
    var count = document.createElement("p");
    count.className = "jm-filter__count";
    count.setAttribute("aria-live", "polite");
    var place = table.closest(".jm-table-scroll") || table;
    var results = document.createElement("div");
    results.className = "jm-filter__results";
    results.hidden = true;

    function filterHere(chosen) {
      var rows = table.tBodies[0].rows;
      var shown = 0;
      for (var i = 0; i < rows.length; i++) {
        rows[i].hidden = !rowMatches(rows[i], chosen);
        if (!rows[i].hidden) shown++;
      }
      return [shown, rows.length];
    }

    function showHere(chosen, note) {
      results.hidden = true;
      place.hidden = false;
      var figures = filterHere(chosen);
      count.textContent = (note ? note + " " : "") + fill(words.showing, {shown: figures[0], total: figures[1]});
    }

    var asked = 0;
    function apply() {
      var chosen = wanted(form, fields);
      var ask = ++asked;
      if (!rowsHref || !Object.keys(chosen).length) {
        showHere(chosen);
        return;
      }
      count.textContent = words.loading;
      loadRows(rowsHref).then(function (all) {
        if (ask !== asked) return;  // a later choice overtook this one
        var matching = all.filter(function (item) { return dataMatches(item, chosen); });
        results.replaceChildren(resultsTable(matching, words, root, columns, kind));
        results.hidden = false;
        place.hidden = true;
        count.textContent = fill(words.showing, {shown: matching.length, total: all.length});
      }, function () {
        if (ask === asked) showHere(chosen, words.failed);
      });
    }

    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    place.parentNode.insertBefore(form, place);
    place.parentNode.insertBefore(count, place);
    place.parentNode.insertBefore(results, place);
    var query = new URLSearchParams(window.location.search);
    fields.forEach(function (name) {
      var select = form.elements[name];
      var value = query.get(name);
      if (select && value && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
        select.value = value;
      }
    });
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
