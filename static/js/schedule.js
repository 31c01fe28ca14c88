// The reminder schedule form: shows only the day field the chosen rhythm uses, and offers the
// browser's own time zone. Without this file both day fields show, each saying which rhythms
// it is for, and the zone field is a plain searchable list; the server reads the same form.
(function () {
  "use strict";

  function showDayFor(form) {
    var frequency = form.querySelector("select[name=frequency]");
    if (!frequency) return;
    form.querySelectorAll("[data-frequencies]").forEach(function (group) {
      group.hidden = group.dataset.frequencies.split(" ").indexOf(frequency.value) === -1;
    });
  }

  function browserZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (e) {
      return "";
    }
  }

  // Offers the browser's zone when it differs from the field, and lists it first.
  function suggestZone(form) {
    var input = form.querySelector("input[name=timezone]");
    var hint = form.querySelector("[data-timezone-suggestion]");
    var list = document.getElementById(input ? input.getAttribute("list") : "");
    var zone = browserZone();
    if (!input || !hint || !zone) return;
    if (list) {
      var known = Array.prototype.find.call(list.options, function (o) { return o.value === zone; });
      if (known) list.insertBefore(known, list.firstChild);
    }
    if (input.value === zone) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "secondary outline";
    button.textContent = "Use " + zone.replace(/_/g, " ") + " (your device's time zone)";
    button.addEventListener("click", function () {
      input.value = zone;
      hint.hidden = true;
      input.focus();
    });
    hint.replaceChildren(button);
    hint.hidden = false;
  }

  function enhance(root) {
    root.querySelectorAll("#schedule-panel form").forEach(function (form) {
      showDayFor(form);
      suggestZone(form);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  // The form comes back in place after an HTMX save.
  document.addEventListener("htmx:afterSettle", function () { enhance(document); });
  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("#schedule-panel select[name=frequency]")) {
      showDayFor(event.target.form);
    }
  });
})();
