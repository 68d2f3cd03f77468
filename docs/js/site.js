/* Optional help; nothing here is needed to read or link. */
(function () {
  "use strict";
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    for (var node = el; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
  }
  window.addEventListener("hashchange", openTarget);
  document.addEventListener("DOMContentLoaded", openTarget);

  // "Open all boxes" after the "as of" line; keeps the top passage in place.
  function addFoldAll() {
    var line = document.querySelector(".md-typeset .page-as-of");
    var boxes = document.querySelectorAll(".md-typeset .passage details");
    if (!line || !boxes.length) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "fold-all";
    function label() {
      var anyClosed = Array.prototype.some.call(boxes, function (d) { return !d.open; });
      button.textContent = anyClosed ? "Open all boxes" : "Fold all boxes";
      button.setAttribute("aria-pressed", anyClosed ? "false" : "true");
    }
    button.addEventListener("click", function () {
      var open = Array.prototype.some.call(boxes, function (d) { return !d.open; });
      var anchor = null;
      var passages = document.querySelectorAll(".md-typeset .passage");
      for (var i = 0; i < passages.length; i++) {
        if (passages[i].getBoundingClientRect().bottom > 0) { anchor = passages[i]; break; }
      }
      var before = anchor && anchor.getBoundingClientRect().top;
      Array.prototype.forEach.call(boxes, function (d) { d.open = open; });
      if (anchor) window.scrollBy(0, anchor.getBoundingClientRect().top - before);
      label();
    });
    document.addEventListener("toggle", label, true);
    label();
    line.appendChild(document.createTextNode(" "));
    line.appendChild(button);
  }
  document.addEventListener("DOMContentLoaded", addFoldAll);
  // Escape folds the focused annotation.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var block = document.activeElement && document.activeElement.closest("details.annot[open]");
    if (!block) return;
    block.open = false;
    block.querySelector("summary").focus();
  });
  // Copy a passage link.
  document.addEventListener("click", function (event) {
    var a = event.target.closest && event.target.closest("a.passage-copy");
    if (!a || !navigator.clipboard || !window.isSecureContext) return;
    event.preventDefault();
    var url = a.href;
    navigator.clipboard.writeText(url).then(function () {
      history.replaceState(null, "", url);
      a.textContent = "Link copied";
      setTimeout(function () { a.textContent = "Link to this passage"; }, 2000);
    }, function () { location.hash = a.hash; });
  });
})();
/* Moved fragment: go to its new page. Only a note the build wrote (explainer/redirects.py:
   p.moved-note in the article; prose may not write one, explainer/prose_rules.py), and only
   to an address inside this site: the folder site.js's own folder is in (works for file:). */
(function () {
  var script = document.currentScript;
  var id = decodeURIComponent(location.hash.slice(1));
  var note = id && document.getElementById(id);
  if (!script || !note || !note.matches("article > p.moved-note[data-moved-to]")) return;
  var root = new URL("..", script.src);
  var target;
  try { target = new URL(note.getAttribute("data-moved-to"), location.href); } catch (e) { return; }
  if (target.protocol !== root.protocol || target.origin !== root.origin) return;
  if (target.href.indexOf(root.href) !== 0) return;
  location.replace(target.href);
})();
