/* Help in place, without leaving the page. 1. Previews (explainer/previews.py writes their texts
   into the page): a glossary link, a short citation or a date. Touch: a first tap opens, a second
   tap (or "Open") follows the link. Mouse: hover. Keyboard: focus; Enter follows. Escape or a tap
   outside closes. No fetch. 2. A claim or box reached by a link names its passage. 3. Boxes opened
   stay open after Back; a long open box folds from its foot. */
(function () {
  "use strict";
  var article = document.querySelector("article.md-content__inner");
  if (!article || !window.matchMedia) return;
  var data = null;
  var sheet = matchMedia("(max-width: 44.9375em)");
  var box, title, body, open, link = null, anchored = false, touched = 0, timer;

  function preview(a) {
    if (!a || !article.contains(a)) return null;
    if (!data) { // read on first use: the data block comes after this script
      var store = document.getElementById("previews");
      data = store ? JSON.parse(store.textContent) : {};
    }
    var href = a.getAttribute("href");
    if (data[href]) return data[href];
    if (a.classList.contains("cite")) {
      var li = document.getElementById(decodeURIComponent(href.slice(1)));
      if (li) return { k: "c", li: li };
    }
    return null;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function make() {
    box = el("div", "pv");
    box.id = "pv";
    box.hidden = true;
    box.tabIndex = -1;
    box.setAttribute("role", "dialog");
    box.setAttribute("aria-labelledby", "pv-title");
    title = el("p", "pv__title");
    title.id = "pv-title";
    body = el("div", "pv__body");
    open = el("a", "pv__open");
    var close = el("button", "pv__close", "×");
    close.type = "button";
    close.setAttribute("aria-label", "Close preview");
    close.addEventListener("click", function () { hide(true); });
    box.appendChild(close);
    box.appendChild(title);
    box.appendChild(body);
    box.appendChild(open);
    box.addEventListener("pointerenter", function () { clearTimeout(timer); });
    box.addEventListener("pointerleave", function (e) { if (e.pointerType === "mouse" && anchored) later(hide); });
    box.addEventListener("click", function (e) { if (e.target.closest("a")) hide(false); });
    article.parentNode.appendChild(box);
  }
  function later(fn, a) { clearTimeout(timer); timer = setTimeout(function () { fn(a); }, 250); }

  function show(a, how) {
    var p = preview(a);
    if (!p) return;
    if (!box) make();
    if (link && link !== a) { link.removeAttribute("aria-expanded"); link.removeAttribute("aria-controls"); }
    clearTimeout(timer);
    link = a;
    body.textContent = "";
    open.href = a.getAttribute("href");
    if (p.k === "g") {
      title.textContent = p.t;
      body.appendChild(el("p", "", p.d));
      if (p.r) {
        var role = el("p", "", p.r);
        role.insertBefore(el("strong", "", "In this story: "), role.firstChild);
        body.appendChild(role);
      }
      open.textContent = "Open entry";
    } else if (p.k === "d") {
      title.textContent = p.t;
      body.appendChild(el("p", "", p.d));
      open.textContent = "Open on the timeline";
    } else {
      title.textContent = "Source";
      var ref = el("p");
      Array.prototype.forEach.call(p.li.childNodes, function (n) { ref.appendChild(n.cloneNode(true)); });
      body.appendChild(ref);
      var url = p.li.querySelector("a.source-url");
      if (url) body.appendChild(el("p", "pv__url", url.href));
      open.textContent = "Open in the reference list";
    }
    a.setAttribute("aria-expanded", "true");
    a.setAttribute("aria-controls", "pv");
    anchored = !sheet.matches;
    box.className = anchored ? "pv pv--anchored" : "pv pv--sheet";
    box.hidden = false;
    place();
    if (how === "tap") box.focus({ preventScroll: true });
  }
  function place() {
    var r = link.getBoundingClientRect(), w = box.offsetWidth, h = box.offsetHeight;
    if (!anchored) { // a bottom sheet: keep the link above it, so a second tap can follow it
      box.style.left = box.style.top = "";
      if (r.bottom > innerHeight - h - 8) window.scrollBy(0, r.bottom - innerHeight + h + 16);
      return;
    }
    var top = r.bottom + 6;
    if (top + h > innerHeight - 8 && r.top - h - 6 > 8) top = r.top - h - 6;
    box.style.left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - w - 8)) + "px";
    box.style.top = top + "px";
  }
  function hide(refocus) {
    clearTimeout(timer);
    if (!box || box.hidden) return;
    box.hidden = true;
    if (link) {
      link.removeAttribute("aria-expanded");
      link.removeAttribute("aria-controls");
      if (refocus === true) link.focus({ preventScroll: true });
    }
    link = null;
  }

  document.addEventListener("pointerdown", function (e) { if (e.pointerType !== "mouse") touched = Date.now(); });
  document.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a[href]");
    // A tap or click outside closes (on click: after the browser has moved focus).
    if (box && !box.hidden && !box.contains(e.target) && a !== link) hide(true);
    if (!a || Date.now() - touched > 1000 || !preview(a)) return;
    if (a === link && !box.hidden) return; // second tap: follow the link
    e.preventDefault();
    show(a, "tap");
  });
  article.addEventListener("pointerover", function (e) {
    var a = e.pointerType === "mouse" && e.target.closest("a[href]");
    if (a && a !== link && preview(a)) later(function () { show(a, "hover"); });
  });
  article.addEventListener("pointerout", function (e) {
    var a = e.pointerType === "mouse" && e.target.closest("a[href]");
    if (a && !(e.relatedTarget && a.contains(e.relatedTarget))) {
      if (a === link && anchored) later(hide); else if (a !== link) clearTimeout(timer);
    }
  });
  article.addEventListener("focusin", function (e) {
    var a = e.target.closest("a[href]");
    if (a && a.matches(":focus-visible") && Date.now() - touched > 1000 && preview(a)) show(a, "focus");
  });
  article.addEventListener("focusout", function (e) {
    if (link === e.target && anchored && !(box.contains(e.relatedTarget))) hide(false);
  });
  // Capture, before site.js's Escape (which folds the box holding the focus).
  window.addEventListener("keydown", function (e) {
    if (e.key !== "Escape" || !box || box.hidden) return;
    e.stopPropagation();
    hide(true);
  }, true);
  window.addEventListener("scroll", function () { if (box && !box.hidden && anchored) place(); }, { passive: true });
  window.addEventListener("resize", function () { hide(false); });

  // 2. Context on arrival: "In the passage <title>" at the top of a linked claim or box.
  function arrive() {
    var old = article.querySelector(".arrival");
    if (old) old.parentNode.removeChild(old);
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var passage = target && target.closest(".passage");
    var heading = passage && passage.querySelector("h3[id]");
    if (!heading || !target.matches(".claim, .forecast, details")) return;
    var line = el("p", "arrival", "In the passage ");
    var a = el("a", "", heading.firstChild.textContent.trim());
    a.href = "#" + heading.id;
    line.appendChild(a);
    var summary = target.tagName === "DETAILS" && target.querySelector("summary");
    target.insertBefore(line, summary ? summary.nextSibling : target.firstChild);
  }
  window.addEventListener("hashchange", arrive);
  arrive();

  // 3. The reader's place: open boxes come back after Back (or a reload), by their order.
  var boxes = article.querySelectorAll("details"), key = "open:" + location.pathname;
  try {
    var nav = performance.getEntriesByType("navigation")[0];
    var saved = nav && nav.type !== "navigate" && sessionStorage.getItem(key);
    if (saved) saved.split(",").forEach(function (i) { if (boxes[i]) boxes[i].open = true; });
  } catch (e) { /* no storage: nothing kept */ }
  // Once per frame however many boxes toggled ("Open all boxes"): one layout, then the writes.
  var toggled = [];
  function settle() {
    var open = [], list = toggled;
    toggled = [];
    Array.prototype.forEach.call(boxes, function (b, i) { if (b.open) open.push(i); });
    try { sessionStorage.setItem(key, open.join(",")); } catch (err) { /* full or off */ }
    list.filter(function (d) {
      return d.open && d.matches("details.annot") && !d.querySelector(".fold") && d.offsetHeight >= innerHeight;
    }).forEach(function (d) {
      var fold = el("button", "fold", "Fold this box");
      fold.type = "button";
      fold.addEventListener("click", function () {
        var summary = d.querySelector("summary");
        d.open = false;
        if (summary.getBoundingClientRect().top < 0) summary.scrollIntoView();
        summary.focus({ preventScroll: true });
      });
      d.appendChild(fold);
    });
  }
  document.addEventListener("toggle", function (e) {
    if (!toggled.length) requestAnimationFrame(settle);
    toggled.push(e.target);
  }, true);
})();
