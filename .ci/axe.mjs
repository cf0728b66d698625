// Loads every page of a built site in headless Chromium and runs axe-core
// on it. Exits 1 when any page has a serious or critical violation.
//   node .ci/axe.mjs site
import { createRequire } from 'node:module';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const root = resolve(process.argv[2] || 'site');

function pages(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pages(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--allow-file-access-from-files', '--disable-gpu',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = 0;
for (const file of pages(root)) {
  const page = await browser.newPage();
  // The pages forbid scripts; axe is injected by the test, not by the site.
  await page.setBypassCSP(true);
  await page.goto('file://' + file, { waitUntil: 'load' });
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => await window.axe.run(document));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const rel = file.slice(root.length + 1);
  if (bad.length) {
    failed += 1;
    console.log(`${rel}: ${bad.length} serious or critical`);
    for (const v of bad) {
      console.log(`  ${v.impact} ${v.id}: ${v.help}`);
      for (const n of v.nodes.slice(0, 3)) console.log(`    ${n.target.join(' ')}`);
    }
  } else {
    const minor = result.violations.map((v) => `${v.id} (${v.impact})`).join(', ');
    console.log(`${rel}: ok${minor ? ` (minor: ${minor})` : ''}`);
  }
  await page.close();
}
await browser.close();
process.exit(failed ? 1 : 0);
