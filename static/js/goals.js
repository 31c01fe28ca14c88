// Goals: the strategy suggestions follow the chosen kind of obstacle, and a picked suggestion is
// copied into the strategy field so the planner can edit it before saving. Without this script
// every suggestion is listed, grouped by kind, and the server copies the pick on submit.
(function () {
  "use strict";

  function suggestionsOf(form) {
    return form && form.querySelector("select[data-strategy-for]");
  }

  // Option groups are labelled like the kinds, so the chosen kind's label finds its group.
  function showGroupFor(kindSelect) {
    var suggestions = suggestionsOf(kindSelect.form);
    if (!suggestions || !kindSelect.selectedOptions.length) return;
    var label = kindSelect.selectedOptions[0].text;
    suggestions.querySelectorAll("optgroup").forEach(function (group) {
      group.hidden = Boolean(kindSelect.value) && group.label !== label;
    });
    var chosen = suggestions.selectedOptions[0];
    if (chosen && chosen.parentElement.hidden) suggestions.value = "";
  }

  function copySuggestion(select) {
    var field = select.form && select.form.querySelector("#" + select.dataset.strategyFor);
    if (!field || !select.value) return;
    var current = field.value.trim();
    if (current.indexOf(select.value) === -1) {
      field.value = current ? current + "\n" + select.value : select.value;
    }
  }

  function kindSelects(root) {
    return Array.prototype.filter.call(root.querySelectorAll("select[name='kind']"), function (s) {
      return suggestionsOf(s.form);
    });
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (!target.matches) return;
    if (target.matches("select[data-strategy-for]")) copySuggestion(target);
    else if (target.matches("select[name='kind']")) showGroupFor(target);
  });
  document.addEventListener("DOMContentLoaded", function () {
    kindSelects(document).forEach(showGroupFor);
    // A form sent back with errors: its summary takes focus (autofocus alone is not honoured
    // on every element), so the planner is taken to what needs fixing.
    var summary = document.getElementById("form-errors");
    if (summary && document.activeElement !== summary) summary.focus();
  });
  // Sections swapped in by htmx bring fresh forms.
  document.addEventListener("htmx:afterSettle", function (event) {
    kindSelects(event.target).forEach(showGroupFor);
  });
})();
