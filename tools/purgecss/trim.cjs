// Trim the theme's CSS with PurgeCSS (pinned in package.json). Called by trim.py, which builds the
// site and says what to read: node trim.cjs <job.json>  ->  prints JSON [{name, css, rejected}].
//
// job.json: {"css": [{"name", "path"}], "html": [paths], "js": [paths], "own_css": [paths], "safelist": {...}}
// HTML is read for what a selector can match (tag names, classes, ids, attribute names and short
// attribute values), never for its prose, so editing text does not change the output. JavaScript
// (the theme's bundle, ours) is read for every word in it: class names it adds at run time are
// string literals there.
"use strict";
const fs = require("fs");
const { PurgeCSS } = require("purgecss");
const postcss = require("postcss"); // PurgeCSS's own parser (same locked version)

const job = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));

function fromHtml(content) {
  const tags = new Set(), classes = new Set(), ids = new Set(), names = new Set(), values = new Set();
  for (const m of content.matchAll(/<([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    tags.add(m[1].toLowerCase());
    for (const a of m[2].matchAll(/([^\s=/"'>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      const name = a[1].toLowerCase(), value = a[2] ?? a[3] ?? a[4];
      names.add(name);
      if (value === undefined) continue;
      if (name === "class") value.split(/\s+/).filter(Boolean).forEach((c) => classes.add(c));
      else if (name === "id") ids.add(value);
      else if (/^[\w.#-]{1,40}$/.test(value)) values.add(value);
    }
  }
  return { attributes: { names: [...names], values: [...values] }, classes: [...classes], ids: [...ids], tags: [...tags], undetermined: [] };
}

// After the selectors are trimmed, custom properties nothing can read any more go too (most are
// icons as inline SVG, for features this site does not use). A property is read if a kept
// declaration of the theme's sheets uses it, if a page, a script or our own CSS names it, or if
// the value of a property that is read uses it. Runs over both sheets at once: the palette
// declares what the main sheet uses.
function dropUnreadProperties(roots, elsewhere) {
  const uses = (text) => [...text.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]);
  const read = new Set(elsewhere.flatMap((text) => text.match(/--[A-Za-z][\w-]*/g) || []));
  const declared = new Map();
  for (const root of roots) {
    root.walkDecls((d) => {
      if (d.prop.startsWith("--")) declared.set(d.prop, [...(declared.get(d.prop) || []), d]);
      else uses(d.value).forEach((name) => read.add(name));
    });
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const [name, decls] of declared) {
      if (!read.has(name)) continue;
      for (const d of decls) for (const used of uses(d.value)) if (!read.has(used)) { read.add(used); grew = true; }
    }
  }
  const dropped = [...declared.keys()].filter((name) => !read.has(name)).sort();
  for (const name of dropped) declared.get(name).forEach((d) => d.remove());
  for (const root of roots) {
    root.walk((node) => { if ((node.type === "rule" || node.type === "atrule") && node.nodes && !node.nodes.length) node.remove(); });
  }
  return dropped;
}

(async () => {
  const content = [
    ...job.html.map((p) => ({ raw: fs.readFileSync(p, "utf8"), extension: "html" })),
    ...job.js.map((p) => ({ raw: fs.readFileSync(p, "utf8"), extension: "js" })),
  ];
  const safelist = {
    standard: job.safelist.standard.map((s) => new RegExp(s)),
    deep: job.safelist.deep.map((s) => new RegExp(s)),
    greedy: job.safelist.greedy.map((s) => new RegExp(s)),
  };
  const out = [];
  for (const sheet of job.css) {
    const [result] = await new PurgeCSS().purge({
      content,
      css: [{ raw: fs.readFileSync(sheet.path, "utf8") }],
      extractors: [
        { extractor: fromHtml, extensions: ["html"] },
        { extractor: (s) => s.match(/[A-Za-z0-9_-]+/g) || [], extensions: ["js"] },
      ],
      safelist,
      blocklist: job.blocklist.map((s) => new RegExp(s)),
      variables: false, keyframes: false, fontFace: false,  // custom properties: below; every animation, font
      rejected: true,
    });
    out.push({ name: sheet.name, root: postcss.parse(result.css), rejected: result.rejected || [] });
  }
  const elsewhere = [...content.map((c) => c.raw), ...(job.own_css || []).map((p) => fs.readFileSync(p, "utf8"))];
  const dropped = dropUnreadProperties(out.map((o) => o.root), elsewhere);
  process.stdout.write(JSON.stringify(out.map((o) => ({ name: o.name, css: o.root.toString(), rejected: o.rejected, dropped }))));
})().catch((e) => { console.error(e); process.exit(1); });
