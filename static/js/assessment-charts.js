// Draws each chart of the self-assessment from the data in its <script type="application/json">
// with Chart.js. The table next to each chart holds the same numbers: it stays for screen
// readers (and shows on request), and it is all a browser without JavaScript shows.
(function () {
  "use strict";

  function css(name, fallback) {
    var value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return value || fallback;
  }

  // "#rrggbb" with an opacity; any other colour notation is used as it is.
  function alpha(colour, hex) {
    return /^#[0-9a-f]{6}$/i.test(colour) ? colour + hex : colour;
  }

  // Two series at most: the older one muted and dashed, the newer one in the primary colour,
  // so that the difference does not rest on colour alone.
  function datasets(config) {
    var primary = css("--pico-primary", "#0172ad");
    var muted = css("--pico-muted-color", "#7b8495");
    var count = config.series.length;
    return config.series.map(function (series, index) {
      var newest = index === count - 1;
      var colour = newest ? primary : muted;
      return {
        label: series.label,
        data: series.data,
        borderColor: colour,
        backgroundColor: config.type === "radar" ? alpha(colour, "33") : (newest ? colour : alpha(colour, "88")),
        borderWidth: 2,
        borderDash: newest ? [] : [6, 4],
        pointRadius: config.type === "radar" ? 3 : 0,
        spanGaps: false
      };
    });
  }

  function scale(config) {
    var text = css("--pico-muted-color", "#7b8495");
    var grid = css("--pico-muted-border-color", "#e7eaf0");
    var ticks = { stepSize: config.step, color: text, backdropColor: "transparent" };
    if (config.type === "radar") {
      return { r: { min: 0, max: config.max, ticks: ticks, grid: { color: grid }, angleLines: { color: grid }, pointLabels: { color: css("--pico-color", "#373c44") } } };
    }
    return {
      x: { min: 0, max: config.max, ticks: ticks, grid: { color: grid } },
      y: { ticks: { color: css("--pico-color", "#373c44") }, grid: { display: false } }
    };
  }

  function draw(figure) {
    if (figure.dataset.drawn || typeof Chart === "undefined") return;
    var source = document.getElementById(figure.dataset.chart);
    if (!source) return;
    var config = JSON.parse(source.textContent);
    var holder = figure.querySelector("[data-chart-canvas]");
    var table = figure.querySelector("[data-chart-table]");
    var canvas = document.createElement("canvas");
    // The table carries the numbers for assistive technology; the picture would repeat them.
    canvas.setAttribute("aria-hidden", "true");
    holder.appendChild(canvas);
    holder.classList.add("is-drawn", "chart-" + config.type);
    var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    new Chart(canvas, {
      type: config.type,
      data: { labels: config.labels, datasets: datasets(config) },
      options: {
        indexAxis: config.type === "bar" ? "y" : "x",
        responsive: true,
        maintainAspectRatio: false,
        animation: still ? false : { duration: 400 },
        scales: scale(config),
        plugins: { legend: { position: "bottom", labels: { color: css("--pico-color", "#373c44") } } }
      }
    });
    figure.dataset.drawn = "1";
    table.classList.add("visually-hidden");
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "secondary outline chart-toggle";
    toggle.textContent = "Show the numbers as a table";
    toggle.addEventListener("click", function () {
      var shown = table.classList.toggle("visually-hidden") === false;
      toggle.textContent = shown ? "Hide the table" : "Show the numbers as a table";
    });
    holder.after(toggle);
  }

  function drawAll() {
    document.querySelectorAll("figure[data-chart]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
