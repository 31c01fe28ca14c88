// Ranking values by drag and drop (SortableJS, touch included) between "Your top five" and
// "Also important to you". A drop sends the new top five with the board's hidden form; the
// server answers with the redrawn board and announces the result in the page's live region.
// Every move also works with the buttons, from the keyboard and without this file.
(function () {
  "use strict";

  // What to focus once the board is redrawn: the same control, else the value's other
  // control or the value itself (a value taken out of the top five has no "Take out" button).
  var focusAfterSwap = null;

  function send(top, item) {
    var form = document.getElementById("values-rank");
    if (!form) return;
    // SortableJS leaves style attributes behind; htmx would copy them onto the redrawn board,
    // which the Content-Security-Policy (no inline styles) refuses.
    document.querySelectorAll("#board [style]").forEach(function (node) { node.removeAttribute("style"); });
    form.querySelectorAll("input[name=ranked]").forEach(function (input) { input.remove(); });
    top.querySelectorAll("[data-value]").forEach(function (row) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = "ranked";
      input.value = row.dataset.value;
      form.appendChild(input);
    });
    focusAfterSwap = { control: null, value: item.dataset.value };
    form.requestSubmit();
  }

  function init(root) {
    if (typeof Sortable === "undefined" || !root.querySelector) return;
    var board = root.id === "board" ? root : root.querySelector("#board");
    if (!board || board.dataset.sortable) return;
    var top = board.querySelector("[data-sortable=top]");
    var others = board.querySelector("[data-sortable=others]");
    if (!top || !others) return;
    board.dataset.sortable = "1";
    board.classList.add("is-sortable");
    var capacity = parseInt(top.dataset.capacity, 10);
    var group = {
      name: "values",
      // The top five takes a value from the other list only while it has room.
      put: function (to) { return to.el !== top || top.children.length < capacity; }
    };
    var options = {
      group: group,
      handle: ".drag-handle",
      draggable: "[data-value]",
      animation: window.matchMedia("(prefers-reduced-motion: reduce)").matches ? 0 : 150,
      ghostClass: "is-dragging",
      onEnd: function (event) {
        if (event.from === event.to && event.oldIndex === event.newIndex) return;
        send(top, event.item);
      }
    };
    Sortable.create(top, options);
    Sortable.create(others, options);
  }

  document.addEventListener("DOMContentLoaded", function () { init(document); });
  document.addEventListener("htmx:load", function (event) { init(event.target); });

  // Which control to focus after the next redraw. A value's own buttons name themselves; a
  // drop has named the dropped value already (send); anything else on the board forgets it.
  // It is kept across redraws, so that a second key press landing while the first answer is
  // still settling keeps the focus too.
  document.addEventListener("htmx:beforeRequest", function (event) {
    var form = event.target.closest && event.target.closest("#board form");
    if (!form || form.id === "values-rank") return;
    var active = document.activeElement;
    var row = active && active.closest && active.closest("[data-value]");
    focusAfterSwap = row ? { control: active.id || null, value: row.dataset.value } : null;
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    var wanted = focusAfterSwap;
    if (!wanted || event.target.id !== "board") return;
    var ids = [wanted.control, "in-" + wanted.value, "out-" + wanted.value, "value-" + wanted.value];
    for (var i = 0; i < ids.length; i++) {
      var target = ids[i] && document.getElementById(ids[i]);
      if (target) {
        target.focus();
        return;
      }
    }
    event.target.focus();
  });

  document.addEventListener("htmx:sendError", function () { focusAfterSwap = null; });
})();
