// The priority matrix: drag a card to another place or quadrant, and keep keyboard focus where
// it was after the matrix is redrawn. Every move also works with the card's buttons, without
// this file.
(function () {
  "use strict";

  var dragged = null;
  // What to focus once the matrix is redrawn: { control: id or null, card: id }.
  var focusAfterSwap = null;

  function quadrantOf(node) {
    return node && node.closest ? node.closest("[data-quadrant]") : null;
  }

  // The card the dragged one should go before, from the pointer's height; null for the end.
  function cardBelow(list, y) {
    var cards = list.querySelectorAll("[data-goal]:not(.is-dragging)");
    for (var i = 0; i < cards.length; i++) {
      var box = cards[i].getBoundingClientRect();
      if (y < box.top + box.height / 2) return cards[i];
    }
    return null;
  }

  function clearTargets() {
    document.querySelectorAll(".quadrant.is-drop-target").forEach(function (q) {
      q.classList.remove("is-drop-target");
    });
  }

  function hidden(form, name, value) {
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }

  function send(quadrant, card) {
    var form = document.getElementById("matrix-reorder");
    if (!form) return;
    form.querySelectorAll("input[name=order]").forEach(function (input) { input.remove(); });
    form.elements.goal.value = card.dataset.goal;
    form.elements.quadrant.value = quadrant.dataset.quadrant;
    quadrant.querySelectorAll("[data-goal]").forEach(function (c) { hidden(form, "order", c.dataset.goal); });
    focusAfterSwap = { control: null, card: card.id };
    // htmx takes the submit event; without htmx the form posts and the page reloads.
    form.requestSubmit();
  }

  document.addEventListener("dragstart", function (event) {
    var card = event.target.closest && event.target.closest("[data-goal]");
    if (!card) return;
    dragged = card;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.dataset.goal);
    card.classList.add("is-dragging");
  });

  document.addEventListener("dragover", function (event) {
    var quadrant = quadrantOf(event.target);
    if (!dragged || !quadrant) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    if (!quadrant.classList.contains("is-drop-target")) {
      clearTargets();
      quadrant.classList.add("is-drop-target");
    }
    var list = quadrant.querySelector(".matrix-cards");
    var below = cardBelow(list, event.clientY);
    if (below !== dragged.nextElementSibling || dragged.parentNode !== list) {
      list.insertBefore(dragged, below);
    }
  });

  document.addEventListener("drop", function (event) {
    var quadrant = quadrantOf(event.target);
    if (!dragged || !quadrant) return;
    event.preventDefault();
    var card = dragged;
    card.classList.remove("is-dragging");
    clearTargets();
    dragged = null;
    send(quadrant, card);
  });

  document.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("is-dragging");
    dragged = null;
    clearTargets();
  });

  // The matrix is redrawn after every move: put focus back on the same button, or on the
  // moved card when that button is gone (a new quadrant) or disabled (now at the top).
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (focusAfterSwap || !event.target.closest || !event.target.closest("#matrix")) return;
    var active = document.activeElement;
    var card = active && active.closest && active.closest("[data-goal]");
    if (card) focusAfterSwap = { control: active.id || null, card: card.id };
  });

  document.addEventListener("htmx:afterSettle", function () {
    var wanted = focusAfterSwap;
    focusAfterSwap = null;
    if (!wanted) return;
    var control = wanted.control && document.getElementById(wanted.control);
    if (control && !control.disabled) {
      control.focus();
      return;
    }
    var card = document.getElementById(wanted.card);
    if (card) card.focus();
  });

  document.addEventListener("htmx:sendError", function () { focusAfterSwap = null; });
})();
