// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";

  // Preselect the browser's time zone on sign-up, unless the person already chose one.
  function preselectTimezone(root) {
    var zone;
    try {
      zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    } catch (e) {
      return;
    }
    root.querySelectorAll("select[data-browser-timezone]").forEach(function (select) {
      if (select.dataset.touched || select.value !== "UTC" || !zone) return;
      var option = Array.prototype.find.call(select.options, function (o) { return o.value === zone; });
      if (option) select.value = zone;
    });
  }

  document.addEventListener("DOMContentLoaded", function () { preselectTimezone(document); });
  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("select[data-browser-timezone]")) {
      event.target.dataset.touched = "1";
    }
  });
})();
