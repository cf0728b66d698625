// Opens every page of one or more built sites in headless Chromium and checks
// what only a browser can see. Exits 1 when any check fails on any page.
//
//   node .ci/browser.mjs [--screenshots DIR] SITE_DIR [SITE_DIR...]
//
// Needs puppeteer-core and axe-core (npm install in .ci), Chromium at
// /usr/bin/chromium (or $CHROMIUM) and pdftotext (Debian/Ubuntu package
// poppler-utils). Without a SITE_DIR it checks ./site.
//
// Every *.html file under each SITE_DIR, in sorted order, is opened once per
// viewport width (320, 390 and 1280 CSS px wide, 900 high, device scale 1)
// with the page's Content-Security-Policy bypassed so axe can be injected.
// The checks, by the name the report gives them:
//
//   legible    (390, 1280) Every rendered <text> of an <svg> is at least
//              11 CSS px on screen: its computed font-size times the scale of
//              its screen transform (getScreenCTM). Hidden texts (the chart
//              variant CSS hides, closed <details>) are not rendered and are
//              skipped: rendered means a box wider and higher than 0 for the
//              text and its svg, and checkVisibility().
//   overlap    (390, 1280) No two rendered, non-empty texts of one svg have
//              boxes that overlap by more than 1 px both across and down.
//   outside    (390, 1280) Every rendered text's box lies inside its svg's box
//              (1 px of tolerance): nothing is cut off at the chart's edge.
//   inside     (390, 1280) A text of class "inside" lies within the box of at
//              least one rendered <rect> of its svg (1 px of tolerance). A
//              rect that covers the whole svg (the chart's background) does not
//              count, or every label would pass.
//   target     (390, 1280) A text of class "target" overlaps (by more than
//              1 px both ways) no <circle> (a data point) and no other text of
//              its svg.
//   overflow   (320, 390, 1280) The page does not scroll sideways:
//              documentElement.scrollWidth <= clientWidth. On failure the
//              outermost elements that stick out (past the right edge, or the
//              left edge on a right-to-left page) are named as tag.class.
//   axe        (1280) axe-core with its default rules and color-contrast
//              always on, once with prefers-color-scheme: light and once with
//              dark. Serious and critical violations fail; minor and moderate
//              ones are listed on the page's line.
//   direction  (1280) When <html lang> is a right-to-left language (see
//              RTL_LANGUAGES below; a script subtag such as ku-Arab or az-Arab
//              decides when present), <html> has dir="rtl" and computes
//              direction rtl. Every element (SVG text too) with a right-to-left
//              lang computes direction rtl, and every element with a
//              left-to-right lang whose closest lang-bearing ancestor is
//              right-to-left (lang="en" inside an Arabic page) computes ltr.
//              Chromium ignores dir="ltr" on SVG elements: SVG text needs
//              direction="ltr" (or the CSS property) instead.
//   print      (1280) The page is printed to PDF on A4 and on Letter
//              (printBackground) and the text pulled out with pdftotext
//              -layout. The header cells of every <table> (thead th, or the
//              th of the first row when there is no thead) must be in it:
//              whitespace, soft hyphens and bidi controls are removed on both
//              sides, and a header text that n tables have must occur at least
//              n times, so a "Count" elsewhere on the page cannot stand in for
//              a table that did not print. A last page with under 1/8 of the
//              average non-blank characters per page fails (its text is shown).
//              Page counts are always reported.
//
// With --screenshots DIR, full-page PNGs are saved: <page>-390.png,
// <page>-1280.png and <page>-390-dark.png, where <page> is the path below the
// site dir with / turned into _ (customer-expectations_ru_index.html-390.png).
// With several site dirs each gets a folder of DIR named after it.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');

const HEIGHT = 900;
const CHART_WIDTHS = [390, 1280];
const OVERFLOW_WIDTHS = [320, 390, 1280];
const DESKTOP = 1280; // axe, direction and print run on this page
const MIN_FONT_PX = 11;
const FONT_TOLERANCE = 0.05;
const BOX_TOLERANCE = 1;
const EXAMPLES = 4; // offending items shown per failure
const RTL_LANGUAGES = ['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb', 'syr', 'ks'];
const RTL_SCRIPTS = ['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg', 'mand', 'samr'];
// Removed from header and PDF text before they are compared: whitespace, soft
// hyphen, zero-width space and the bidi controls (LRM, RLM, LRE..RLO, LRI..PDI, ALM).
const INVISIBLE = /[\s\u00AD\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/gu;
// Chromium's PDFs give the Arabic lam-alef ligature (لا, لإ) back to
// pdftotext in visual order (ال, إل): "الإجابة" comes out as "اإلجابة". Both
// sides have every lam before an alef turned round, so either order matches.
const LAM_ALEF = /\u0644([\u0622\u0623\u0625\u0627\u0671])/gu;

// ---------------------------------------------------------------- arguments

function usage(message) {
  if (message) console.error(message);
  console.error('usage: node .ci/browser.mjs [--screenshots DIR] SITE_DIR [SITE_DIR...]');
  process.exit(2);
}

let shotsDir = null;
const siteArgs = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 1) {
  const arg = argv[i];
  if (arg === '--screenshots') {
    if (i + 1 >= argv.length) usage('--screenshots needs a directory');
    shotsDir = resolve(argv[(i += 1)]);
  } else if (arg.startsWith('--screenshots=')) {
    shotsDir = resolve(arg.slice('--screenshots='.length));
  } else if (arg === '-h' || arg === '--help') {
    usage();
  } else if (arg.startsWith('-')) {
    usage(`unknown option ${arg}`);
  } else {
    siteArgs.push(arg);
  }
}
if (!siteArgs.length) siteArgs.push('site');

function pages(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pages(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

// One entry per page: where it is, how the report names it, where its
// screenshots go.
const sites = siteArgs.map((arg) => resolve(arg));
for (const site of sites) {
  if (!statSync(site, { throwIfNoEntry: false })?.isDirectory()) usage(`not a directory: ${site}`);
}
const jobs = sites.flatMap((site, index) => {
  let shots = shotsDir;
  if (shotsDir && sites.length > 1) {
    const clash = sites.some((other, j) => j !== index && basename(other) === basename(site));
    shots = join(shotsDir, clash ? `${index + 1}-${basename(site)}` : basename(site));
  }
  return pages(site).map((file) => {
    const below = relative(site, file);
    const fromHere = relative(process.cwd(), file);
    return {
      file,
      name: fromHere.startsWith('..') ? file : fromHere,
      shot: shots && join(shots, below.split(/[\\/]/).join('_')),
    };
  });
});
if (shotsDir) for (const dir of new Set(jobs.map((job) => dirname(job.shot)))) mkdirSync(dir, { recursive: true });

try {
  execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
} catch {
  console.error('pdftotext not found: install poppler-utils');
  process.exit(2);
}

// ------------------------------------------------- functions run in the page
// Each is serialised by puppeteer and runs in the page, so it may only use
// its arguments and the DOM.

// The svg checks: legible, overlap, outside, inside, target.
function chartProblems({ minFont, fontTolerance, tolerance }) {
  const problems = { legible: [], overlap: [], outside: [], inside: [], target: [] };
  let texts = 0;
  const rendered = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && el.checkVisibility({ visibilityProperty: true });
  };
  const say = (el) => JSON.stringify(el.textContent.replace(/\s+/g, ' ').trim().slice(0, 50));
  const overlaps = (a, b) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > tolerance &&
    Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > tolerance;
  const within = (a, b) =>
    a.left >= b.left - tolerance && a.right <= b.right + tolerance &&
    a.top >= b.top - tolerance && a.bottom <= b.bottom + tolerance;
  const px = (n) => Math.round(n * 10) / 10;
  const svgs = [...document.querySelectorAll('svg')].filter((svg) => !svg.parentElement?.closest('svg'));
  svgs.forEach((svg, index) => {
    if (!rendered(svg)) return;
    const chart = `in ${svg.querySelector('title')?.id || svg.id || svg.closest('[id]')?.id || `svg #${index + 1}`}`;
    const svgBox = svg.getBoundingClientRect();
    const items = [...svg.querySelectorAll('text')].filter(rendered).map((el) => ({ el, box: el.getBoundingClientRect() }));
    const words = items.filter((t) => t.el.textContent.trim() !== '');
    texts += items.length;
    for (const { el, box } of items) {
      // The scale of the screen transform; hypot keeps it right for rotated text.
      const m = el.getScreenCTM();
      const size = parseFloat(getComputedStyle(el).fontSize) * Math.hypot(m.a, m.b);
      if (size < minFont - fontTolerance) problems.legible.push(`${say(el)} is ${px(size)} px ${chart}`);
      if (!within(box, svgBox)) {
        const by = Math.max(svgBox.left - box.left, box.right - svgBox.right, svgBox.top - box.top, box.bottom - svgBox.bottom);
        problems.outside.push(`${say(el)} sticks out of its svg by ${px(by)} px ${chart}`);
      }
    }
    for (let i = 0; i < words.length; i += 1) {
      for (let j = i + 1; j < words.length; j += 1) {
        if (overlaps(words[i].box, words[j].box)) problems.overlap.push(`${say(words[i].el)} and ${say(words[j].el)} ${chart}`);
      }
    }
    const whole = (box) => box.left <= svgBox.left + tolerance && box.right >= svgBox.right - tolerance &&
      box.top <= svgBox.top + tolerance && box.bottom >= svgBox.bottom - tolerance;
    const bars = [...svg.querySelectorAll('rect')].filter(rendered).map((r) => r.getBoundingClientRect()).filter((b) => !whole(b));
    for (const { el, box } of items.filter((t) => t.el.classList.contains('inside'))) {
      if (!bars.some((bar) => within(box, bar))) problems.inside.push(`${say(el)} is not within any bar ${chart}`);
    }
    const dots = [...svg.querySelectorAll('circle')].filter(rendered).map((c) => c.getBoundingClientRect());
    for (const { el, box } of items.filter((t) => t.el.classList.contains('target'))) {
      const hit = dots.filter((dot) => overlaps(box, dot)).length;
      if (hit) problems.target.push(`${say(el)} covers ${hit} data point${hit > 1 ? 's' : ''} ${chart}`);
      for (const other of words) {
        if (other.el !== el && overlaps(box, other.box)) problems.target.push(`${say(el)} overlaps ${say(other.el)} ${chart}`);
      }
    }
  });
  return { problems, texts };
}

// The overflow check: null when the page fits, else the outermost elements
// that stick out (their box, or only their text, such as a word too long to
// wrap), biggest overhang first. Whatever an ancestor clips does not count.
function overflowProblems() {
  const root = document.documentElement;
  const width = root.clientWidth;
  if (root.scrollWidth <= width) return null;
  const overhang = (box) => (box.width === 0 && box.height === 0 ? 0 : Math.max(box.right - width, -box.left));
  const clipped = (from) => {
    for (let up = from; up && up !== document.body && up !== root; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== 'visible') return true;
    }
    return false;
  };
  const out = new Map(); // element -> { by, text: whether only its text sticks out }
  for (const el of [document.body, ...document.body.querySelectorAll('*')]) {
    const by = overhang(el.getBoundingClientRect());
    if (by > 1 && !clipped(el.parentElement)) out.set(el, { by, text: false });
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.data.trim() === '') continue;
    range.selectNodeContents(node);
    const by = overhang(range.getBoundingClientRect());
    const el = node.parentElement;
    if (by > 1 && !out.has(el) && !clipped(el)) out.set(el, { by, text: true });
  }
  const outermost = (el) => {
    for (let up = el.parentElement; up; up = up.parentElement) if (out.has(up)) return false;
    return true;
  };
  const found = [...out].filter(([el]) => outermost(el)).sort((a, b) => b[1].by - a[1].by).map(([el, { by, text }]) => {
    const name = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + [...el.classList].map((c) => `.${c}`).join('');
    const words = (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `${name}${text ? "'s text" : ''} sticks out by ${Math.round(by)} px${words ? ` ${JSON.stringify(words)}` : ''}`;
  });
  const counts = new Map();
  for (const line of found) counts.set(line, (counts.get(line) || 0) + 1);
  const elements = [...counts].map(([line, n]) => (n > 1 ? `${line} (${n} times)` : line));
  return { scrollWidth: root.scrollWidth, clientWidth: width, elements };
}

// The direction check.
function directionProblems({ rtlLanguages, rtlScripts }) {
  const rtl = (lang) => {
    const parts = lang.toLowerCase().split(/[-_]/);
    const end = parts.findIndex((p, i) => i > 0 && p.length === 1); // extensions, x- private use
    const subtags = end < 0 ? parts : parts.slice(0, end);
    const script = subtags.slice(1).find((p) => /^[a-z]{4}$/.test(p));
    return script ? rtlScripts.includes(script) : rtlLanguages.includes(subtags[0]);
  };
  const problems = [];
  const html = document.documentElement;
  const say = (el) => {
    const text = el === html ? '' : ` ${JSON.stringify(el.textContent.replace(/\s+/g, ' ').trim().slice(0, 40))}`;
    return `<${el.tagName.toLowerCase()} lang="${el.getAttribute('lang')}">${text}`;
  };
  const pageLang = html.getAttribute('lang') || '';
  const rtlPage = pageLang !== '' && rtl(pageLang);
  if (rtlPage && (html.getAttribute('dir') || '').toLowerCase() !== 'rtl') {
    const dir = html.getAttribute('dir');
    problems.push(`<html lang="${pageLang}"> has ${dir === null ? 'no dir' : `dir="${dir}"`}, not dir="rtl"`);
  }
  for (const el of document.querySelectorAll('[lang]')) {
    const lang = el.getAttribute('lang').trim();
    if (lang === '') continue;
    const direction = getComputedStyle(el).direction;
    if (rtl(lang)) {
      if (direction !== 'rtl') problems.push(`${say(el)} is ${direction}, not rtl`);
    } else {
      const context = el.parentElement?.closest('[lang]')?.getAttribute('lang');
      if (context && rtl(context) && direction !== 'ltr') problems.push(`${say(el)} inside lang="${context}" is ${direction}, not ltr`);
    }
  }
  return { rtlPage, problems };
}

// The header cells of every table, with a name for the table: its caption,
// its figure's caption, or the heading before it.
function tableHeaders() {
  const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')];
  const clean = (s) => s.replace(/\s+/g, ' ').trim();
  return [...document.querySelectorAll('table')].map((table, index) => {
    const row = table.tHead ? [...table.tHead.rows] : [table.rows[0]].filter(Boolean);
    const cells = row.flatMap((r) => [...r.cells].filter((c) => c.tagName === 'TH'));
    const before = headings.filter((h) => h.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).pop();
    const name = table.caption?.textContent || table.closest('figure')?.querySelector('figcaption h1, figcaption h2, figcaption h3, figcaption h4')?.textContent ||
      before?.textContent || `table #${index + 1}`;
    return { name: clean(name).slice(0, 50), headers: cells.map((c) => c.textContent) };
  });
}

// ------------------------------------------------------------- node helpers

const squeeze = (s) => s.normalize('NFKC').replace(INVISIBLE, '').replace(LAM_ALEF, '$1\u0644');

function occurrences(haystack, needle) {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

function examples(list) {
  const shown = list.slice(0, EXAMPLES);
  if (list.length > EXAMPLES) shown.push(`... and ${list.length - EXAMPLES} more`);
  return shown;
}

let scratchCount = 0;
const scratch = mkdtempSync(join(tmpdir(), 'browser-check-'));

// Prints the page on one paper size; returns its page count and failures.
async function printCheck(page, format, tables) {
  scratchCount += 1;
  const pdf = join(scratch, `${scratchCount}.pdf`);
  const txt = join(scratch, `${scratchCount}.txt`);
  // The margins a browser's print dialog uses by default (0.4 in), not
  // puppeteer's none: a page printed by a reader breaks there.
  const margin = { top: '0.4in', right: '0.4in', bottom: '0.4in', left: '0.4in' };
  writeFileSync(pdf, await page.pdf({ format, printBackground: true, margin }));
  execFileSync('pdftotext', ['-layout', pdf, txt]);
  const sheets = readFileSync(txt, 'utf8').split('\f');
  if (sheets.length > 1 && sheets[sheets.length - 1].trim() === '') sheets.pop();
  const text = squeeze(sheets.join('\n'));
  const failures = [];

  const wanted = new Map(); // squeezed header text -> names of the tables that have it
  for (const table of tables) {
    for (const header of table.headers) {
      const key = squeeze(header);
      if (key === '') continue;
      if (!wanted.has(key)) wanted.set(key, { header: header.replace(/\s+/g, ' ').trim(), tables: [] });
      wanted.get(key).tables.push(table.name);
    }
  }
  const missing = [];
  for (const [key, { header, tables: names }] of wanted) {
    const found = occurrences(text, key);
    if (found < names.length) {
      missing.push(`header ${JSON.stringify(header)}: ${names.length} table${names.length > 1 ? 's have' : ' has'} it, the PDF has it ${found} time${found === 1 ? '' : 's'} (tables under ${names.slice(0, 2).map((n) => JSON.stringify(n)).join(', ')}${names.length > 2 ? ', ...' : ''})`);
    }
  }
  if (missing.length) failures.push({ summary: `${missing.length} table header text${missing.length > 1 ? 's' : ''} missing from the ${format} PDF`, items: missing });

  const chars = sheets.map((s) => s.replace(/\s+/g, '').length);
  const average = chars.reduce((a, b) => a + b, 0) / chars.length;
  const last = chars[chars.length - 1];
  if (sheets.length > 1 && last < average / 8) {
    const lines = sheets[sheets.length - 1].split('\n').map((l) => l.trim()).filter(Boolean);
    failures.push({
      summary: `${format}: the last of ${sheets.length} pages is nearly empty (${last} characters, average ${Math.round(average)}); it holds:`,
      items: lines.length ? lines.slice(0, 12) : ['(nothing)'],
    });
  }
  return { pages: sheets.length, failures };
}

// ----------------------------------------------------------------- the run

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--allow-file-access-from-files', '--disable-gpu',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function open(file, width) {
  const page = await browser.newPage();
  await page.setViewport({ width, height: HEIGHT, deviceScaleFactor: 1 });
  // The pages forbid scripts; axe is injected by the test, not by the site.
  await page.setBypassCSP(true);
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  return page;
}

// Checks one page at every width; returns its failures, each
// { check, width, summary, items }, and notes for its report line.
// One fresh browser tab per width, closed when done.
async function checkPage(job) {
  const failures = [];
  const notes = [];
  const fail = (check, width, summary, items = []) => failures.push({ check, width, summary, items });
  const widths = [...new Set([...OVERFLOW_WIDTHS, ...CHART_WIDTHS, DESKTOP])].sort((a, b) => a - b);
  for (const width of widths) {
    let page;
    try {
      page = await open(job.file, width);

      if (CHART_WIDTHS.includes(width)) {
        const { problems } = await page.evaluate(chartProblems, {
          minFont: MIN_FONT_PX, fontTolerance: FONT_TOLERANCE, tolerance: BOX_TOLERANCE,
        });
        const say = {
          legible: (n) => `${n} chart text${n > 1 ? 's' : ''} under ${MIN_FONT_PX} px`,
          overlap: (n) => `${n} pair${n > 1 ? 's' : ''} of chart texts overlap`,
          outside: (n) => `${n} chart text${n > 1 ? 's' : ''} outside the chart`,
          inside: (n) => `${n} bar label${n > 1 ? 's' : ''} outside their bars`,
          target: (n) => `${n} target label problem${n > 1 ? 's' : ''}`,
        };
        for (const [check, list] of Object.entries(problems)) {
          if (list.length) fail(check, width, say[check](list.length), list);
        }
      }

      if (OVERFLOW_WIDTHS.includes(width)) {
        const over = await page.evaluate(overflowProblems);
        if (over) {
          fail('overflow', width, `the page is ${over.scrollWidth} px wide in a ${over.clientWidth} px viewport`,
            over.elements.length ? over.elements : ['(no element found sticking out)']);
        }
      }

      if (job.shot && width === 390) {
        await page.screenshot({ path: `${job.shot}-390.png`, fullPage: true });
        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
        await page.screenshot({ path: `${job.shot}-390-dark.png`, fullPage: true });
      }
      if (job.shot && width === 1280) await page.screenshot({ path: `${job.shot}-1280.png`, fullPage: true });

      if (width === DESKTOP) {
        const direction = await page.evaluate(directionProblems, { rtlLanguages: RTL_LANGUAGES, rtlScripts: RTL_SCRIPTS });
        if (direction.problems.length) {
          fail('direction', null, `${direction.problems.length} element${direction.problems.length > 1 ? 's' : ''} with the wrong writing direction`, direction.problems);
        }
        if (direction.rtlPage) notes.push('right-to-left page');

        await page.addScriptTag({ path: axePath });
        const minor = new Set();
        for (const scheme of ['light', 'dark']) {
          await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
          const result = await page.evaluate(async () =>
            await window.axe.run(document, { rules: { 'color-contrast': { enabled: true } } }));
          const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
          for (const v of result.violations) if (!bad.includes(v)) minor.add(`${v.id} (${v.impact})`);
          for (const v of bad) {
            fail('axe', null, `${scheme}: ${v.impact} ${v.id}: ${v.help} (${v.nodes.length} element${v.nodes.length > 1 ? 's' : ''})`,
              v.nodes.slice(0, 3).map((n) => n.target.join(' ')));
          }
        }
        if (minor.size) notes.push(`axe minor: ${[...minor].join(', ')}`);

        await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
        const tables = await page.evaluate(tableHeaders);
        const counts = [];
        for (const format of ['A4', 'Letter']) {
          const printed = await printCheck(page, format, tables);
          counts.push(`${format} ${printed.pages} page${printed.pages > 1 ? 's' : ''}`);
          for (const f of printed.failures) fail('print', null, f.summary, f.items);
        }
        notes.push(`print: ${counts.join(', ')}; ${tables.length} table${tables.length === 1 ? '' : 's'}`);
      }
    } catch (error) {
      fail('error', width, `the check itself failed: ${error.message.split('\n')[0]}`);
    } finally {
      await page?.close();
    }
  }
  return { failures, notes };
}

function report(job, { failures, notes }) {
  const lines = [`${failures.length ? 'FAIL' : 'ok  '} ${job.name}${notes.length ? ` (${notes.join('; ')})` : ''}`];
  for (const f of failures) {
    lines.push(`  ${f.check}${f.width ? ` @${f.width}` : ''}: ${f.summary}`);
    for (const item of examples(f.items)) lines.push(`      ${item}`);
  }
  return lines.join('\n');
}

// One page at a time. Two tabs at once made the run several times slower on
// two cores and let a screenshot time out; one at a time, the example site
// takes about half a minute.
const started = Date.now();
const summary = new Map();
let failedPages = 0;
for (const job of jobs) {
  const result = await checkPage(job);
  console.log(report(job, result));
  if (result.failures.length) failedPages += 1;
  for (const f of result.failures) {
    if (!summary.has(f.check)) summary.set(f.check, []);
    summary.get(f.check).push(`${job.name}${f.width ? ` @${f.width}` : ''}`);
  }
}
await browser.close();
rmSync(scratch, { recursive: true, force: true });

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`\n${jobs.length} page${jobs.length === 1 ? '' : 's'} in ${seconds} s: ${failedPages ? `${failedPages} failed` : 'all ok'}`);
for (const [check, where] of summary) {
  console.log(`  ${check}: ${where.length} failure${where.length > 1 ? 's' : ''}: ${[...new Set(where)].slice(0, 6).join(', ')}${new Set(where).size > 6 ? ', ...' : ''}`);
}
process.exit(failedPages ? 1 : 0);
