// Applies the saved display setting (light, dark or system) before the page
// is painted, as the DSFR examples do; the DSFR display component then keeps
// it in sync. A classic blocking script on purpose: it must run first.
// DSFR options, read by its script: no console messages in production.
window.dsfr = { production: true };
(function () {
  var root = document.documentElement;
  var saved = "";
  try {
    saved = window.localStorage.getItem("scheme") || "";
  } catch (error) {
    saved = "";
  }
  var scheme = saved || root.getAttribute("data-fr-scheme");
  var dark = scheme === "dark" || (scheme === "system" && window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches);
  if (dark) {
    root.setAttribute("data-fr-theme", "dark");
    root.style.colorScheme = "dark";
  }
})();
