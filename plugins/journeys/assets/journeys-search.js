/* Filter chips in Material's search box, with search: pagefind. The plugin's worker
   (journeys-search-worker.js) answers the box and, after each result, says on a
   BroadcastChannel which filter values its results have; the chips show them, between the
   result count and the results. A chip adds its filter to the query as `key:value` (or takes it out),
   which the reader sees and may type too; Material then searches again as after any key.
   Material's dialog outlives instant navigation, so the chips are built once. */
(function () {
  "use strict";

  var WORDS = {
    search_filters: "Filter the results",
    search_remove: "Remove the filter {filter}",
    search_found: "{found} found, the best {shown} shown",
    search_unavailable: "Search needs the handbook on a web server",
    search_unavailable_why: "A page opened from a file cannot load the search index: serve the site " +
      "(mkdocs serve, or any web server), or build it with Material's offline plugin."
  };
  var config = document.getElementById("__config");
  config = config && JSON.parse(config.textContent);
  if (!config || !/assets\/journeys\/journeys-search-worker\.js$/.test(config.search || "")) return;
  var worker = new URL(config.search, location.href);

  function fill(words, values) {
    return words.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }

  // Opened from a file, the page cannot start the worker, and Material hides its search box:
  // the box comes back, disabled, saying why.
  if (location.protocol === "file:") {
    var box = document.querySelector("[data-md-component=search]");
    var field = box && box.querySelector("input[name=query]");
    if (!field) return;
    box.hidden = false;
    field.disabled = true;
    field.placeholder = WORDS.search_unavailable;
    field.title = WORDS.search_unavailable_why;
    field.setAttribute("aria-label", WORDS.search_unavailable + ". " + WORDS.search_unavailable_why);
    return;
  }

  var QUOTED = /[\s"]/;

  function token(key, value) {
    return key + ":" + (QUOTED.test(value) ? "\"" + value.replace(/"/g, "") + "\"" : value);
  }

  // The query with the filter added, or taken out when it is there.
  function toggled(query, key, value, on) {
    var pattern = new RegExp("(^|\\s)" + key + ":(?:\"" + escapeRegExp(value) + "\"?|" + escapeRegExp(value) + ")(?=\\s|$)", "i");
    if (on) return query.replace(pattern, "$1").replace(/\s+/g, " ").trim();
    return (query.trim() + " " + token(key, value)).trim();
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function ask(input, query) {
    input.value = query;
    input.focus();
    // Material reads the query on keyup.
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }

  function chip(input, data, key, label, value) {
    var on = (data.active[key] || []).indexOf(value) !== -1;
    var query = toggled(input.value, key, value, on);
    var link = document.createElement("a");
    link.className = "jm-chip" + (on ? " jm-chip--on" : "");
    link.href = "?q=" + encodeURIComponent(query);
    link.setAttribute("role", "button");
    link.setAttribute("aria-pressed", on ? "true" : "false");
    link.appendChild(document.createTextNode(value));
    if (on) {
      var remove = document.createElement("span");
      remove.className = "jm-chip__remove";
      remove.setAttribute("aria-hidden", "true");
      remove.textContent = "×";
      link.appendChild(remove);
      link.title = fill(data.settings.words.search_remove || WORDS.search_remove, { filter: label + ": " + value });
    }
    // A chip stays in the search dialog: Material closes it on a click on any link, and its
    // keyboard handler takes a space to the query.
    link.addEventListener("click", function (event) {
      event.preventDefault();
      event.stopPropagation();
      ask(input, query);
    });
    link.addEventListener("keydown", function (event) {
      if (event.key !== " ") return;
      event.preventDefault();
      event.stopPropagation();
      link.click();
    });
    return link;
  }

  function status(data) {
    var translations = config.translations || {};
    if (data.total > data.shown)
      return fill(data.settings.words.search_found || WORDS.search_found, { found: data.total, shown: data.shown });
    if (data.total === 0) return translations["search.result.none"];
    if (data.total === 1) return translations["search.result.one"];
    return (translations["search.result.other"] || "#").replace("#", data.total);
  }

  // Between Material's count line (which counts what it lists, and is hidden while the chips
  // show) and the results: how many were found, and a group of chips a filter.
  function render(input, data) {
    var result = document.querySelector("[data-md-component=search-result]");
    if (!result) return;
    var meta = result.firstElementChild;
    var bar = result.querySelector(".jm-search-filters");
    if (!data.total && !Object.keys(data.active).length) {
      if (bar) bar.remove();
      meta.hidden = false;
      return;
    }
    if (!bar) {
      bar = document.createElement("div");
      bar.className = "jm-search-filters";
      meta.after(bar);
    }
    bar.textContent = "";
    bar.setAttribute("data-query", data.query);
    meta.hidden = true;
    var line = document.createElement("p");
    line.className = "md-search-result__meta jm-search-filters__status";
    line.textContent = status(data);
    bar.appendChild(line);
    var chips = document.createElement("div");
    chips.className = "jm-search-filters__chips";
    chips.setAttribute("role", "group");
    chips.setAttribute("aria-label", data.settings.words.search_filters || WORDS.search_filters);
    data.settings.filters.forEach(function (pair) {
      var values = data.chips[pair[0]] || [];
      if (!values.length) return;
      var group = document.createElement("span");
      group.className = "jm-chip-group";
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", pair[1]);
      var name = document.createElement("span");
      name.className = "jm-chip-group__name";
      name.setAttribute("aria-hidden", "true");
      name.textContent = pair[1];
      group.appendChild(name);
      values.forEach(function (value) {
        group.appendChild(chip(input, data, pair[0], pair[1], value));
      });
      chips.appendChild(group);
    });
    if (chips.childNodes.length) bar.appendChild(chips);
  }

  var input = null;
  var channel = new BroadcastChannel("journeys-search " + new URL("../../", worker).href);
  channel.addEventListener("message", function (event) {
    // Another tab of the same handbook asks its own worker: only this query's answer counts.
    if (input && event.data.query === input.value) render(input, event.data);
  });

  document$.subscribe(function () {
    var found = document.querySelector("[data-md-component=search-query]");
    if (!found || found === input) return;
    input = found;
    // The worker loads Pagefind when the reader comes to the box, before the first query.
    input.addEventListener("focus", function () { channel.postMessage({ warm: true }); }, { once: true });
  });
})();
