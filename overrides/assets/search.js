/* The search page: Pagefind's interface, bundled with the site (pagefind/), no CDN.
 * A query in the address (search.html?q=XAA) is searched at once. */
(function () {
  "use strict";
  var element = document.getElementById("search");
  if (!element || typeof PagefindUI === "undefined") return;
  var base = new URL("pagefind/", document.currentScript ? document.currentScript.src.replace(/assets\/search\.js.*$/, "") : location.href);
  var ui = new PagefindUI({
    element: "#search",
    bundlePath: base.pathname,
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    translations: { placeholder: element.getAttribute("data-placeholder") || "" }
  });
  var query = new URLSearchParams(location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
