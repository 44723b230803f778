// Audits each URL given on the command line with Lighthouse in one headless
// Debian chromium, and prints {url: {category: score, ..., bytes}} as JSON.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  // Root needs --no-sandbox; the CLI has no display, so headless; the rest keep
  // chromium from dialling out on a machine whose network is closed.
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--no-first-run"],
});
const results = {};
try {
  for (const url of process.argv.slice(2)) {
    const { lhr } = await lighthouse(url, {
      port: chrome.port, output: "json", logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
    });
    results[url] = Object.fromEntries(
      Object.entries(lhr.categories).map(([id, category]) => [id, category.score]));
    results[url].bytes = lhr.audits["total-byte-weight"].numericValue;
    results[url].benchmarkIndex = lhr.environment.benchmarkIndex;
    // What keeps accessibility, best practices or SEO under 1 (performance varies
    // from run to run on a shared machine and is read from its own figure).
    results[url].failed = Object.values(lhr.categories)
      .filter((category) => category.id !== "performance")
      .flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0))
      .map((ref) => lhr.audits[ref.id])
      .filter((audit) => audit.score !== null && audit.score < 1)
      .map((audit) => audit.id);
  }
} finally {
  await chrome.kill();
}
console.log(JSON.stringify(results));
