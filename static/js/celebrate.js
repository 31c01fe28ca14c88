// Celebrations: reaching a milestone or achieving a goal bursts into confetti around the news.
// The news itself is a flash message in the page's live region (role="status"), so a screen
// reader hears it; the confetti is decoration, hidden from assistive technology, and skipped
// for anyone who asked their system for reduced motion. Without this file the message and its
// CSS flourish still show.
(function () {
  "use strict";

  var NEWS = ".flash-celebrate, .flash-celebration";
  var COLOURS = ["cp-confetti-a", "cp-confetti-b", "cp-confetti-c", "cp-confetti-d"];

  function stillness() {
    return window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  }

  function burst(news, pieces) {
    var box = news.getBoundingClientRect();
    var layer = document.createElement("div");
    layer.className = "cp-confetti";
    layer.setAttribute("aria-hidden", "true");
    for (var i = 0; i < pieces; i++) {
      var piece = document.createElement("span");
      piece.className = "cp-confetti-piece " + COLOURS[i % COLOURS.length];
      // CSSOM custom properties: the Content-Security-Policy allows these, unlike style="".
      piece.style.setProperty("--x", Math.round(box.left + Math.random() * box.width) + "px");
      piece.style.setProperty("--y", Math.round(box.top + box.height / 2) + "px");
      piece.style.setProperty("--dx", Math.round((Math.random() - 0.5) * 320) + "px");
      piece.style.setProperty("--dy", Math.round(-80 - Math.random() * 220) + "px");
      piece.style.setProperty("--spin", Math.round(Math.random() * 720 - 360) + "deg");
      piece.style.setProperty("--delay", Math.round(Math.random() * 150) + "ms");
      layer.appendChild(piece);
    }
    document.body.appendChild(layer);
    window.setTimeout(function () { layer.remove(); }, 1800);
  }

  function celebrate(root, fromLoad) {
    root.querySelectorAll(NEWS).forEach(function (news) {
      if (news.dataset.celebrated) return;
      news.dataset.celebrated = "1";
      // After a plain form post the page is new: the news takes the focus, so it is read
      // out and a keyboard user continues from there.
      if (fromLoad) {
        news.setAttribute("tabindex", "-1");
        news.focus({ preventScroll: false });
      }
      if (!stillness()) burst(news, news.matches(".flash-celebrate") ? 60 : 36);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { celebrate(document, true); });
  document.addEventListener("htmx:afterSettle", function () { celebrate(document, false); });
  document.addEventListener("htmx:oobAfterSwap", function () { celebrate(document, false); });
})();
