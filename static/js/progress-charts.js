// Draws each chart over time (check-in confidence, goal progress) from the data in its
// <script type="application/json"> with Chart.js, on a date axis shared by every line. The table
// beside each chart holds the same numbers: it stays for screen readers (and shows on request),
// and it is all a browser without JavaScript shows.
(function () {
  "use strict";

  // Each line differs by colour, dash and marker, so that lines on top of each other (three
  // goals at 25 %) and colour-blind eyes can still tell them apart.
  var DASHES = [[], [10, 5], [3, 4], [14, 4, 3, 4], [6, 3], [2, 8], [18, 6], [8, 3, 2, 3]];
  var MARKERS = ["circle", "triangle", "rect", "rectRot", "star", "crossRot", "rectRounded", "cross"];
  var DAY = 24 * 60 * 60 * 1000;

  function css(name, fallback) {
    var value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  // "2026-09-07" as a moment that formats back to the same calendar day, whatever the zone.
  function moment(iso) {
    var parts = iso.split("-").map(Number);
    return Date.UTC(parts[0], parts[1] - 1, parts[2]);
  }

  var dayFormat = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", timeZone: "UTC" });
  var fullFormat = new Intl.DateTimeFormat(undefined, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

  function datasets(config, xs) {
    var background = css("--pico-background-color", "#fff");
    var count = config.series.length;
    return config.series.map(function (series, index) {
      var colour = css("--cp-series-" + (index + 1), css("--pico-primary", "#0172ad"));
      var points = [];
      series.data.forEach(function (value, i) {
        if (value !== null) points.push({ x: xs[i], y: value });
      });
      // Earlier lines are wider with bigger, hollow markers and lie underneath: where lines
      // coincide, each one still shows round the edges of the one on top of it.
      return {
        label: series.label,
        data: points,
        borderColor: colour,
        backgroundColor: colour,
        borderWidth: Math.max(5 - index * 1.25, 1.5),
        borderDash: DASHES[index % DASHES.length],
        pointStyle: MARKERS[index % MARKERS.length],
        pointRadius: Math.max(9 - index * 2, 3),
        pointHoverRadius: Math.max(11 - index * 2, 5),
        pointBorderWidth: 2,
        pointBackgroundColor: background,
        order: count - index,
        tension: 0
      };
    });
  }

  // At most `count` ticks, each on a check-in's date, the first and last always among them.
  function dateTicks(xs, count) {
    var unique = xs.filter(function (x, i) { return xs.indexOf(x) === i; });
    if (unique.length <= count) return unique;
    var picked = [];
    for (var i = 0; i < count; i++) {
      picked.push(unique[Math.round((i * (unique.length - 1)) / (count - 1))]);
    }
    return picked;
  }

  function draw(figure) {
    if (figure.dataset.drawn || typeof Chart === "undefined") return;
    var source = document.getElementById(figure.dataset.timeChart);
    if (!source) return;
    var config = JSON.parse(source.textContent);
    var xs = config.dates.map(moment);
    var holder = figure.querySelector("[data-chart-canvas]");
    var table = figure.querySelector("[data-chart-table]");
    var canvas = document.createElement("canvas");
    // The table carries the numbers for assistive technology; the picture would repeat them.
    canvas.setAttribute("aria-hidden", "true");
    holder.appendChild(canvas);
    holder.classList.add("is-drawn");
    var text = css("--pico-color", "#373c44");
    var muted = css("--pico-muted-color", "#7b8495");
    var grid = css("--pico-muted-border-color", "#e7eaf0");
    var narrow = window.matchMedia("(max-width: 576px)").matches;
    var first = Math.min.apply(null, xs);
    var last = Math.max.apply(null, xs);
    // Half a day either side, so the first and last markers are not cut in half by the edge.
    var pad = Math.max((last - first) * 0.03, DAY / 2);
    var unit = config.unit;
    new Chart(canvas, {
      type: "line",
      data: { datasets: datasets(config, xs) },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? false : { duration: 400 },
        interaction: { mode: "x", intersect: false },
        scales: {
          x: {
            type: "linear",
            min: first - pad,
            max: last + pad,
            title: { display: true, text: config.x_title, color: muted },
            grid: { color: grid },
            afterBuildTicks: function (axis) {
              axis.ticks = dateTicks(xs, narrow ? 3 : 6).map(function (x) { return { value: x }; });
            },
            ticks: {
              color: text,
              maxRotation: 0,
              callback: function (value) { return dayFormat.format(new Date(value)); }
            }
          },
          y: {
            min: 0,
            max: config.max,
            title: { display: true, text: config.y_title, color: muted },
            grid: { color: grid },
            ticks: {
              stepSize: config.step,
              color: text,
              callback: function (value) { return unit === "%" ? value + "%" : value; }
            }
          }
        },
        plugins: {
          legend: {
            position: "bottom",
            labels: {
              color: text,
              usePointStyle: true,
              padding: 16,
              font: { size: 13 },
              // The drawing order puts the first goal underneath; the legend keeps the table's order.
              sort: function (a, b) { return a.datasetIndex - b.datasetIndex; }
            }
          },
          tooltip: {
            callbacks: {
              title: function (items) { return items.length ? fullFormat.format(new Date(items[0].parsed.x)) : ""; },
              label: function (item) { return item.dataset.label + ": " + item.parsed.y + unit; }
            }
          }
        }
      }
    });
    figure.dataset.drawn = "1";
    table.classList.add("visually-hidden");
    table.removeAttribute("tabindex");
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "secondary outline chart-toggle";
    toggle.textContent = "Show the numbers as a table";
    toggle.setAttribute("aria-expanded", "false");
    toggle.addEventListener("click", function () {
      var shown = table.classList.toggle("visually-hidden") === false;
      if (shown) table.setAttribute("tabindex", "0"); else table.removeAttribute("tabindex");
      toggle.setAttribute("aria-expanded", String(shown));
      toggle.textContent = shown ? "Hide the table" : "Show the numbers as a table";
    });
    holder.after(toggle);
  }

  // Chart.js is fetched once, when the first chart comes near the screen; then each chart is
  // drawn as it does.
  var library = document.currentScript && document.currentScript.dataset.chartjs;
  var loading = null;

  function withChartJs(then) {
    if (typeof Chart !== "undefined" || !library) return then();
    if (!loading) {
      loading = [];
      var script = document.createElement("script");
      script.src = library;
      script.addEventListener("load", function () { loading.forEach(function (f) { f(); }); });
      document.head.appendChild(script);
    }
    loading.push(then);
  }

  function drawAll() {
    var figures = document.querySelectorAll("figure[data-time-chart]");
    if (!("IntersectionObserver" in window)) {
      withChartJs(function () { figures.forEach(draw); });
      return;
    }
    var watcher = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        watcher.unobserve(entry.target);
        withChartJs(function () { draw(entry.target); });
      });
    }, { rootMargin: "300px 0px" });
    figures.forEach(function (figure) { watcher.observe(figure); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
