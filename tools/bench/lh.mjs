// Lighthouse (mobile preset) for tools/bench.py: node lh.mjs RUNS URL...
// Prints one JSON object: {url: [{performance, accessibility, "best-practices", seo, tbt}, ...]}
// (tbt: total blocking time in ms).
// A fresh headless Chromium (CHROME_PATH, default /usr/bin/chromium) for every run.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const [runs, ...urls] = process.argv.slice(2);
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
const results = {};
for (const url of urls) {
  results[url] = [];
  for (let i = 0; i < Number(runs); i++) {
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      chromeFlags: ['--headless', '--no-sandbox'],
    });
    try {
      const { lhr } = await lighthouse(url, { port: chrome.port, logLevel: 'error', onlyCategories: categories });
      if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
      const scores = Object.fromEntries(categories.map((c) => [c, Math.round(lhr.categories[c].score * 100)]));
      scores.tbt = Math.round(lhr.audits['total-blocking-time'].numericValue);
      results[url].push(scores);
    } finally {
      chrome.kill();
    }
  }
}
console.log(JSON.stringify(results));
