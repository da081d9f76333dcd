/* Draws every emotion chart (div.jm-chart) with plotly.js and re-themes them with the palette.
 *
 * A chart div carries its spec in data-chart and the URL of plotly.js in data-plotly. Specs
 * name colour roles ("@jm-series-1") instead of colours: they are read from CSS custom
 * properties on the chart, so the palette's stylesheet decides and a palette switch only
 * needs the roles read again. plotly.js (1.5 MB) is fetched when the first chart comes near the
 * viewport, so a page whose chart is further down is interactive before plotly is parsed; each
 * chart is drawn when it comes near. The promise is kept: Material's instant navigation keeps
 * this script alive, and plotly.js loads once per visit.
 */
(function () {
  "use strict";

  var plotly = null; // Promise of window.Plotly
  var drawn = []; // chart divs drawn so far, to re-theme or purge

  function loadPlotly(src) {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!plotly) {
      plotly = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () { resolve(window.Plotly); };
        script.onerror = function () {
          plotly = null; // let a later page try again
          reject(new Error("journeys: could not load plotly.js from " + src));
        };
        document.head.appendChild(script);
      });
    }
    return plotly;
  }

  // Custom properties may hold any colour syntax; the browser turns each into rgb()/rgba(),
  // which plotly reads. Unresolvable roles fall back to the text colour.
  function palette(el) {
    var style = getComputedStyle(el);
    var probe = document.createElement("span");
    probe.hidden = true;
    el.appendChild(probe);
    var cache = {};
    function colour(role) {
      if (!(role in cache)) {
        probe.style.color = "";
        probe.style.color = style.getPropertyValue("--" + role).trim() || style.color;
        cache[role] = getComputedStyle(probe).color;
      }
      return cache[role];
    }
    return {
      colour: colour,
      font: style.fontFamily,
      done: function () { probe.remove(); }
    };
  }

  // Only values under colour keys are roles: author text never sits there.
  function themed(value, key, colour) {
    if (Array.isArray(value)) {
      return value.map(function (item) { return themed(item, key, colour); });
    }
    if (value && typeof value === "object") {
      var out = {};
      Object.keys(value).forEach(function (k) { out[k] = themed(value[k], k, colour); });
      return out;
    }
    if (typeof value === "string" && value.charAt(0) === "@" && /colou?r(scale)?$/i.test(key)) {
      return colour(value.slice(1));
    }
    return value;
  }

  function draw(Plotly, el) {
    if (!el.jmSpec) el.jmSpec = JSON.parse(el.getAttribute("data-chart"));
    el.classList.add("jm-chart--live");
    var theme = palette(el);
    var figure = themed(el.jmSpec, "", theme.colour);
    figure.layout.font = Object.assign({}, figure.layout.font, { family: theme.font });
    theme.done();
    Plotly.react(el, figure.data, figure.layout, figure.config).catch(function (error) {
      console.warn("journeys: chart not drawn: " + error.message);
    });
  }

  // Near enough to start: plotly.js takes a moment to arrive and parse.
  var AHEAD = "400px 0px";
  var waiting = []; // chart divs not drawn yet
  var observer = null;

  function loadAndDraw(el) {
    loadPlotly(el.getAttribute("data-plotly")).then(function (Plotly) {
      if (!document.body.contains(el) || drawn.indexOf(el) >= 0) return;
      drawn.push(el);
      draw(Plotly, el);
    }).catch(function (error) {
      // The tables under the charts carry the same data; say why there is no picture.
      console.warn(error.message);
    });
  }

  function near(entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      observer.unobserve(entry.target);
      waiting = waiting.filter(function (el) { return el !== entry.target; });
      loadAndDraw(entry.target);
    });
  }

  // Hidden containers (no JavaScript) never intersect: hold the chart's place, at its height,
  // so the page does not jump when it is drawn.
  function reserve(el) {
    if (!el.jmSpec) el.jmSpec = JSON.parse(el.getAttribute("data-chart"));
    el.style.display = "block";
    el.style.minHeight = (el.jmSpec.layout.height || 0) + "px";
  }

  function render() {
    var charts = Array.prototype.slice.call(document.querySelectorAll(".jm-chart"));
    // Instant navigation swaps the page content: let go of the charts that left with it.
    drawn = drawn.filter(function (el) {
      if (document.body.contains(el)) return true;
      if (window.Plotly) window.Plotly.purge(el);
      return false;
    });
    waiting = waiting.filter(function (el) {
      if (document.body.contains(el)) return true;
      if (observer) observer.unobserve(el);
      return false;
    });
    charts = charts.filter(function (el) { return drawn.indexOf(el) < 0 && waiting.indexOf(el) < 0; });
    if (!charts.length) return;
    if (!window.IntersectionObserver) {
      charts.forEach(loadAndDraw);
      return;
    }
    if (!observer) observer = new IntersectionObserver(near, { rootMargin: AHEAD });
    charts.forEach(function (el) {
      reserve(el);
      waiting.push(el);
      observer.observe(el);
    });
  }

  function retheme() {
    if (!window.Plotly) return;
    drawn.forEach(function (el) { draw(window.Plotly, el); });
  }

  // Charts take the width of the paper when printed, and the screen's again afterwards. A chart
  // not drawn yet is drawn now if plotly.js is here (drawing is synchronous enough for the
  // print); otherwise its empty place is given up and the table prints instead.
  function beforePrint() {
    var pending = waiting;
    if (window.Plotly) {
      waiting = [];
      pending.forEach(function (el) {
        observer.unobserve(el);
        drawn.push(el);
        draw(window.Plotly, el);
      });
    } else {
      pending.forEach(function (el) { el.style.display = ""; });
    }
    resize();
  }

  function afterPrint() {
    waiting.forEach(function (el) { el.style.display = "block"; });
    resize();
  }

  function resize() {
    if (!window.Plotly) return;
    drawn.forEach(function (el) { window.Plotly.Plots.resize(el); });
  }

  var watching = false;

  function start() {
    if (!watching) {
      if (window.MutationObserver) {
        new MutationObserver(retheme).observe(document.body, {
          attributes: true,
          attributeFilter: ["data-md-color-scheme"]
        });
      }
      window.addEventListener("beforeprint", beforePrint);
      window.addEventListener("afterprint", afterPrint);
      watching = true;
    }
    render();
  }

  // Material's instant navigation swaps pages without a load event; document$ fires on each.
  // It never fires where Material cannot fetch (Material 9.x with navigation.instant over
  // file://, the offline plugin's use), so the page's own load starts this too; start() is
  // safe to run twice.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
