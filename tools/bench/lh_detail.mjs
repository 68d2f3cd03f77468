// One Lighthouse run (mobile preset) of one URL, in detail: the metrics, the failing accessibility
// audits with their elements, and where the main thread's time goes. For finding out WHY a score
// of tools/bench.py --lighthouse is what it is:  node tools/bench/lh_detail.mjs http://127.0.0.1:PORT/page/
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
const url = process.argv[2];
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless', '--no-sandbox'] });
const { lhr } = await lighthouse(url, { port: chrome.port, logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
chrome.kill();
for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
  const a = lhr.audits[id]; console.log(id, a.displayValue, a.score);
}
console.log('benchmarkIndex (this machine\'s CPU as Lighthouse rates it; its 4x slowdown is not scaled to it)', lhr.environment.benchmarkIndex);
for (const [cat, c] of Object.entries(lhr.categories)) console.log(cat, c.score);
for (const ref of lhr.categories.accessibility.auditRefs) { const a = lhr.audits[ref.id]; if (a.score !== null && a.score < 1) console.log('A11Y FAIL', ref.id, JSON.stringify(a.details?.items?.slice(0, 3).map(i => i.node?.snippet || i.node?.selector)).slice(0, 600)); }
for (const id of ['mainthread-work-breakdown', 'bootup-time', 'long-tasks', 'dom-size-insight', 'dom-size']) { const a = lhr.audits[id]; if (!a) continue; console.log(id, a.displayValue, JSON.stringify((a.details?.items || []).slice(0, 6).map(i => [i.groupLabel || i.url || i.statistic || i.startTime, Math.round(i.duration || i.total || i.value?.value || i.value || 0), Math.round(i.scripting || 0)])).slice(0, 700)); }
