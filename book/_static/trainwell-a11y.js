/* Names and roles for the theme's markup that axe-core flags under WCAG 2.1 A/AA:
   - the sidebar's collapsible sections are <summary> elements holding only an icon (summary-name):
     each gets a name from the page it sits under;
   - Sphinx's bibliography is a role="list" whose entries have the deprecated role doc-biblioentry,
     so the list has no list items (aria-required-children): they become list items. */
(function () {
  function fix() {
    document.querySelectorAll("details > summary").forEach(function (summary) {
      if (summary.textContent.trim() || summary.getAttribute("aria-label")) return;
      var item = summary.closest("li");
      var link = item && item.querySelector(":scope > a");
      var title = link ? link.textContent.trim() : "this section";
      summary.setAttribute("aria-label", "Show or hide the pages under " + title);
    });
    document.querySelectorAll('[role="list"] > [role="doc-biblioentry"]').forEach(function (entry) {
      entry.setAttribute("role", "listitem");
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fix);
  else fix();
})();
