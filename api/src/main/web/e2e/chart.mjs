// Loads the page in headless Chromium, waits until the chart has drawn bars from the API, saves a
// screenshot and prints {"barsDrawn":n,"markers":m,"positions":p} as the last line.
// Usage: node e2e/chart.mjs <page-url> <screenshot.png>
import { chromium } from 'playwright-core';

const [url, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 720 } });
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.__barsDrawn > 0 && window.__markers > 0 && window.__positions > 0, null, { timeout: 30000 });
  await page.waitForTimeout(300); // let the canvas paint before the screenshot
  await page.screenshot({ path: screenshot });
  const result = await page.evaluate(() => ({ barsDrawn: window.__barsDrawn, markers: window.__markers, positions: window.__positions, status: document.getElementById('status').textContent }));
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
