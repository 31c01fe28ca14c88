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

  // The phone menu is a <details>: it opens and closes without this. Escape closes it and
  // gives the focus back to its button; a click elsewhere closes it too.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll("details[data-nav-menu][open]").forEach(function (menu) {
      menu.open = false;
      menu.querySelector("summary").focus();
    });
  });
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details[data-nav-menu][open]").forEach(function (menu) {
      if (!menu.contains(event.target)) menu.open = false;
    });
  });
  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("select[data-browser-timezone]")) {
      event.target.dataset.touched = "1";
    }
  });
})();
