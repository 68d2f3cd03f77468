/* Progressive help for annotations; nothing here is needed to read or link. */
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
  // Escape folds the annotation that holds focus and returns focus to its summary.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var block = document.activeElement && document.activeElement.closest("details.annot[open]");
    if (!block) return;
    block.open = false;
    block.querySelector("summary").focus();
  });
  // "Link to this passage" copies the full address where the clipboard is available.
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
/* A fragment that moved to another page leaves a note with its old id; go on to the new place. */
(function () {
  var id = decodeURIComponent(location.hash.slice(1));
  var note = id && document.getElementById(id);
  if (note && note.dataset && note.dataset.movedTo) location.replace(note.dataset.movedTo);
})();
