// check.mjs — open self-contained HTML files in headless Debian Chromium,
// run axe-core (WCAG 2.2 A/AA tags fail; best-practice is advisory), check
// reflow at 320 CSS px, re-run color-contrast with prefers-color-scheme: dark,
// and write full-page screenshots and the page as the browser prints it.
//
// Usage: node check.mjs --out DIR [--chromium PATH] FILE.html...
// Exit: 0 = clean, 1 = at least one failing finding, 2 = usage/tool error.
// Normally run through check.sh, which installs the dependencies.

import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// check.sh installs node_modules into a cache folder and passes it here.
const require = createRequire(process.env.NEST_AXE_HOME
  ? path.join(process.env.NEST_AXE_HOME, 'package.json')
  : import.meta.url);
const { chromium } = require('playwright-core');
const AXE_PATH = require.resolve('axe-core/axe.min.js');
const AXE_VERSION = require('axe-core/package.json').version;
const PW_VERSION = require('playwright-core/package.json').version;

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDE = { width: 1280, height: 800 };
const NARROW = { width: 320, height: 256 }; // 1280x1024 at 400% zoom

// Flags Chromium needs on this machine so it never reaches for the (closed) network.
// Playwright itself adds --headless, --no-sandbox (chromiumSandbox:false),
// --no-first-run, --disable-sync, --disable-background-networking,
// --disable-component-update; they are repeated here so the list is explicit.
const CHROME_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage', '--disable-features=Translate,MediaRouter,OptimizationHints',
  '--no-default-browser-check', '--hide-scrollbars', '--force-color-profile=srgb',
  // Even with the flags above, Chromium 156 still resolves accounts.google.com and
  // clients2.google.com at start-up (seen with strace). Make every DNS lookup fail
  // locally and switch off the remaining background services.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost',
  '--disable-extensions', '--disable-default-apps', '--disable-domain-reliability',
  '--disable-client-side-phishing-detection', '--no-pings', '--dns-prefetch-disable',
];

function usage(msg) {
  if (msg) console.error(`check: ${msg}`);
  console.error('usage: node check.mjs --out DIR [--chromium PATH] FILE.html...');
  process.exit(2);
}

const argv = process.argv.slice(2);
let outDir = null;
let exe = process.env.CHROMIUM || '/usr/bin/chromium';
const files = [];
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--out' || a === '-o') outDir = argv[++i];
  else if (a.startsWith('--out=')) outDir = a.slice(6);
  else if (a === '--chromium') exe = argv[++i];
  else if (a === '-h' || a === '--help') usage();
  else if (a.startsWith('-')) usage(`unknown option ${a}`);
  else files.push(a);
}
if (!files.length) usage('no HTML files given');
if (!outDir) usage('--out DIR is required');
for (const f of files) if (!existsSync(f)) usage(`no such file: ${f}`);
mkdirSync(outDir, { recursive: true });

const clip = (s, n = 160) => {
  s = String(s ?? '').replace(/\s+/g, ' ').trim();
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
};

function printRuleList(label, results, stream = console.log) {
  for (const v of results) {
    stream(`  [${label}] ${v.id} (${v.impact ?? 'n/a'}): ${v.help}`);
    stream(`      tags: ${v.tags.filter(t => /^wcag|^best/.test(t)).join(', ')}  ${v.helpUrl}`);
    for (const n of v.nodes.slice(0, 10)) {
      stream(`      - target: ${n.target.map(t => Array.isArray(t) ? t.join(' >> ') : t).join(' , ')}`);
      stream(`        html:   ${clip(n.html)}`);
      const why = clip(n.failureSummary || '', 240);
      if (why) stream(`        why:    ${why}`);
    }
    if (v.nodes.length > 10) stream(`      … and ${v.nodes.length - 10} more nodes`);
  }
}

async function runAxe(page, runOnly) {
  // addScriptTag({path}) inlines the file's text, so it works on file:// pages
  // and without any network.
  const has = await page.evaluate(() => typeof window.axe === 'object');
  if (!has) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (ro) => {
    // axe skips rules tagged "experimental" even when their WCAG tag is selected.
    // Turn on the WCAG-tagged experimental ones (td-has-header catches a data
    // table with no headers; also table-fake-caption, p-as-heading,
    // css-orientation-lock): nest's output is generated, so be strict.
    const rules = {};
    if (ro.type === 'tag') {
      for (const r of window.axe.getRules(ro.values)) {
        if (r.tags.includes('experimental')) rules[r.ruleId] = { enabled: true };
      }
    }
    const r = await window.axe.run(document, {
      runOnly: ro, rules,
      resultTypes: ['violations', 'incomplete'], // passes/inapplicable keep ids only
      // Reports are static documents: no iframes to chase.
      iframes: false,
    });
    const slim = (list) => list.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
      nodes: v.nodes.map(n => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
    return { violations: slim(r.violations), incomplete: slim(r.incomplete), passes: r.passes.length,
      passed: r.passes.map(p => p.id), inapplicable: r.inapplicable.map(p => p.id) };
  }, runOnly);
}

async function overflowReport(page) {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const de = document.documentElement;
    const offenders = [];
    if (de.scrollWidth > vw) {
      for (const el of document.body.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.right > vw + 0.5 || r.left < -0.5) {
          // keep the outermost offenders only
          if (offenders.some(o => o.el.contains(el))) continue;
          offenders.push({ el, right: Math.round(r.right), left: Math.round(r.left) });
          if (offenders.length >= 8) break;
        }
      }
    }
    const sel = (el) => {
      if (el.id) return '#' + el.id;
      let s = el.tagName.toLowerCase();
      if (el.classList.length) s += '.' + [...el.classList].join('.');
      const p = el.parentElement;
      return p && p !== document.body ? sel(p) + ' > ' + s : s;
    };
    return {
      viewport: vw, scrollWidth: de.scrollWidth,
      offenders: offenders.map(o => ({ selector: sel(o.el), left: o.left, right: o.right, html: o.el.outerHTML.slice(0, 160) })),
    };
  });
}

// axe cannot judge contrast of SVG <text> (it reports "incomplete": "background
// could not be determined because element contains an image node"), so check
// chart labels ourselves: fill (× fill-opacity × opacity) against the first
// opaque HTML ancestor background. Backgrounds drawn inside the SVG (a <rect>
// behind the text) are NOT considered: keep chart text on the page background.
async function svgTextContrast(page) {
  return page.evaluate(() => {
    const parse = (c) => {
      const m = /rgba?\(([^)]+)\)/.exec(c || '');
      if (!m) return null;
      const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
      return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
    };
    const over = (top, under) => ({
      r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a),
      b: top.b * top.a + under.b * (1 - top.a), a: 1,
    });
    const lum = ({ r, g, b }) => {
      const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const bgOf = (el) => {
      const layers = [];
      for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
        if (e instanceof SVGElement) continue;
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
      }
      let bg = { r: 255, g: 255, b: 255, a: 1 };
      for (const l of layers.reverse()) bg = over(l, bg);
      return bg;
    };
    const out = [];
    for (const t of document.querySelectorAll('svg text')) {
      if (!t.textContent.trim()) continue;
      const r = t.getBoundingClientRect();
      const cs = getComputedStyle(t);
      if (!r.width || cs.visibility === 'hidden' || cs.display === 'none') continue;
      let alpha = Number(cs.fillOpacity || 1);
      for (let e = t; e && e.nodeType === 1; e = e.parentElement) alpha *= Number(getComputedStyle(e).opacity || 1);
      const fill = parse(cs.fill);
      if (!fill) { out.push({ text: t.textContent.trim(), html: t.outerHTML.slice(0, 160), problem: `fill is ${cs.fill}` }); continue; }
      const bg = bgOf(t.ownerSVGElement || t);
      const fg = over({ ...fill, a: fill.a * alpha }, bg);
      const ctm = t.getScreenCTM();
      const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
      const px = parseFloat(cs.fontSize) * scale;
      const bold = Number(cs.fontWeight) >= 700;
      const large = px >= 24 || (bold && px >= 18.66);
      const need = large ? 3 : 4.5;
      const cr = ratio(fg, bg);
      out.push({ text: t.textContent.trim().slice(0, 40), html: t.outerHTML.slice(0, 160), ratio: Math.round(cr * 100) / 100, need, px: Math.round(px * 10) / 10, ok: cr >= need });
    }
    return out;
  });
}

// House rules for generated reports that axe does not enforce:
//  * axe treats a <table> with no <th> as a layout table and says nothing, so
//    every table that is not role=presentation/none must have <th> headers and
//    a caption (or aria-label/aria-labelledby).
//  * axe ignores an <svg> without a role, so every outermost <svg> must be
//    role="img" (axe then checks its name) or aria-hidden="true".
async function houseRules(page) {
  return page.evaluate(() => {
    const out = [];
    const short = (el) => el.outerHTML.replace(/\s+/g, ' ').slice(0, 160);
    for (const t of document.querySelectorAll('table')) {
      const role = (t.getAttribute('role') || '').trim();
      if (role === 'presentation' || role === 'none') continue;
      if (!t.querySelector('th')) out.push({ id: 'table-has-th', html: short(t), why: 'data table has no <th> header cells (use <th scope="col"> / <th scope="row">)' });
      const named = t.querySelector(':scope > caption')?.textContent.trim() || t.getAttribute('aria-label') || t.getAttribute('aria-labelledby');
      if (!named) out.push({ id: 'table-has-caption', html: short(t), why: 'data table has no <caption> (or aria-label/aria-labelledby)' });
    }
    for (const svg of document.querySelectorAll('svg')) {
      if (svg.parentElement?.closest('svg')) continue;
      const role = svg.getAttribute('role');
      if (role === 'img' || svg.getAttribute('aria-hidden') === 'true') continue;
      out.push({ id: 'svg-role', html: short(svg), why: `outermost <svg> has role="${role ?? ''}": use role="img" with <title>/aria-labelledby, or aria-hidden="true" if decorative` });
    }
    return out;
  });
}

const profile = mkdtempSync(path.join(tmpdir(), 'nest-axe-profile-'));
let context;
let failed = false;
const t0 = Date.now();
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: exe,
    headless: true,
    args: CHROME_ARGS,
    viewport: WIDE,
    deviceScaleFactor: 1,
    colorScheme: 'light',
    reducedMotion: 'reduce',
    locale: 'en-GB',
    timeout: 60_000,
    offline: false,
  });
  console.log(`check: browser up in ${Date.now() - t0} ms`);
  const browserVersion = context.browser()?.version() ?? (await (async () => {
    const p = await context.newPage(); const ua = await p.evaluate(() => navigator.userAgent); await p.close(); return ua;
  })());
  console.log(`check: chromium ${browserVersion} (${exe}), playwright-core ${PW_VERSION}, axe-core ${AXE_VERSION}`);
  console.log(`check: failing tags ${WCAG_TAGS.join(',')}; advisory: best-practice`);

  for (const file of files) {
    const abs = path.resolve(file);
    const url = pathToFileURL(abs).href;
    const name = path.basename(abs).replace(/\.x?html?$/i, '');
    const tf = Date.now();
    console.log(`\n=== ${file}`);
    const report = { file: abs, url, chromium: browserVersion, axe: AXE_VERSION };
    let fileFailed = false;

    const page = await context.newPage();
    // Self-containment: the report must load nothing but itself (data: URIs are fine).
    const external = [];
    await page.route('**/*', (route) => {
      const u = route.request().url();
      if (u === url || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
      external.push(u);
      return route.abort('blockedbyclient');
    });
    const consoleErrors = [];
    page.on('pageerror', e => consoleErrors.push(String(e)));

    await page.setViewportSize(WIDE);
    await page.emulateMedia({ colorScheme: 'light', media: 'screen' });
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });

    // 1) WCAG 2.2 A/AA at 1280 px, light scheme.
    const wcag = await runAxe(page, { type: 'tag', values: WCAG_TAGS });
    // 2) best-practice, advisory only.
    const bp = await runAxe(page, { type: 'tag', values: ['best-practice'] });
    const bpOnly = bp.violations.filter(v => !v.tags.some(t => WCAG_TAGS.includes(t)));
    const svgLight = await svgTextContrast(page);
    const house = await houseRules(page);
    await page.screenshot({ path: path.join(outDir, `${name}-1280.png`), fullPage: true });

    // 3) 320 CSS px (= 1280 px at 400 % zoom): reflow + WCAG again.
    await page.setViewportSize(NARROW);
    await page.waitForTimeout(50);
    const overflow = await overflowReport(page);
    const wcagNarrow = await runAxe(page, { type: 'tag', values: WCAG_TAGS });
    const svgNarrow = await svgTextContrast(page);
    await page.screenshot({ path: path.join(outDir, `${name}-320.png`), fullPage: true });

    // 4) prefers-color-scheme: dark — color-contrast again.
    await page.setViewportSize(WIDE);
    await page.emulateMedia({ colorScheme: 'dark' });
    const darkApplied = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
    const dark = await runAxe(page, { type: 'rule', values: ['color-contrast'] });
    const svgDark = await svgTextContrast(page);
    await page.screenshot({ path: path.join(outDir, `${name}-1280-dark.png`), fullPage: true });
    await page.setViewportSize(NARROW);
    await page.screenshot({ path: path.join(outDir, `${name}-320-dark.png`), fullPage: true });

    // 5) print: the page as the browser prints it with its print stylesheet, on A4,
    // to look at (pdftoppm turns its pages into pictures).
    await page.emulateMedia({ media: 'print', colorScheme: 'light' });
    await page.pdf({ path: path.join(outDir, `${name}-print.pdf`), format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.close();

    // Merge narrow-viewport violations that were not already found wide.
    const seen = new Set(wcag.violations.flatMap(v => v.nodes.map(n => v.id + '|' + JSON.stringify(n.target))));
    const narrowNew = wcagNarrow.violations
      .map(v => ({ ...v, nodes: v.nodes.filter(n => !seen.has(v.id + '|' + JSON.stringify(n.target))) }))
      .filter(v => v.nodes.length);

    if (wcag.violations.length) {
      fileFailed = true;
      console.log(`FAIL wcag (1280px, light): ${wcag.violations.length} rule(s) violated`);
      printRuleList('wcag', wcag.violations);
    } else {
      console.log(`ok   wcag (1280px, light): 0 violations, ${wcag.passes} rules passed`);
    }
    if (narrowNew.length) {
      fileFailed = true;
      console.log(`FAIL wcag (320px): ${narrowNew.length} rule(s) violated only at 320px`);
      printRuleList('wcag@320', narrowNew);
    } else {
      console.log(`ok   wcag (320px): no extra violations`);
    }
    if (overflow.scrollWidth > overflow.viewport) {
      fileFailed = true;
      console.log(`FAIL reflow (320px / 400% zoom): documentElement.scrollWidth ${overflow.scrollWidth} > viewport ${overflow.viewport}`);
      for (const o of overflow.offenders) console.log(`      - ${o.selector} spans x=${o.left}..${o.right}  ${clip(o.html, 120)}`);
    } else {
      console.log(`ok   reflow (320px): scrollWidth ${overflow.scrollWidth} <= ${overflow.viewport}`);
    }
    if (!darkApplied) {
      fileFailed = true;
      console.log('FAIL dark: prefers-color-scheme: dark emulation did not apply');
    } else if (dark.violations.length) {
      fileFailed = true;
      console.log(`FAIL color-contrast (prefers-color-scheme: dark)`);
      printRuleList('dark', dark.violations);
    } else {
      console.log(`ok   color-contrast (dark): 0 violations`);
    }
    if (house.length) {
      fileFailed = true;
      console.log(`FAIL house rules (tables/SVG that axe lets through): ${house.length}`);
      for (const h of house) {
        console.log(`  [house] ${h.id}: ${h.why}`);
        console.log(`        html:   ${clip(h.html)}`);
      }
    } else {
      console.log('ok   house rules: tables have <th> and caption; every <svg> is role=img or aria-hidden');
    }
    const svgBad = [...svgLight.filter(x => !x.ok).map(x => ({ ...x, mode: 'light' })),
                    ...svgDark.filter(x => !x.ok).map(x => ({ ...x, mode: 'dark' }))];
    if (svgBad.length) {
      fileFailed = true;
      console.log(`FAIL svg-text-contrast (WCAG 1.4.3, checked here because axe cannot): ${svgBad.length} label(s)`);
      for (const x of svgBad.slice(0, 12)) {
        console.log(`      - [${x.mode}] "${x.text}" ${x.problem ?? `contrast ${x.ratio}:1 < ${x.need}:1`}`);
        console.log(`        html:   ${clip(x.html)}`);
      }
    } else if (svgLight.length) {
      const min = (l) => Math.min(...l.map(x => x.ratio ?? Infinity));
      console.log(`ok   svg-text-contrast: ${svgLight.length} SVG text label(s), lowest ratio light ${min(svgLight)}:1, dark ${min(svgDark)}:1`);
    }
    if (svgNarrow.length) {
      const smallest = Math.min(...svgNarrow.map(x => x.px));
      if (smallest < 9) console.log(`note svg text at 320px renders as small as ${smallest}px (viewBox scaling); consider a scrollable chart with a min-width`);
    }
    if (external.length) {
      fileFailed = true;
      const uniq = [...new Set(external)];
      console.log(`FAIL self-contained: ${uniq.length} external resource(s) blocked (the report must inline everything)`);
      for (const u of uniq.slice(0, 10)) console.log(`      - ${clip(u, 200)}`);
    } else {
      console.log('ok   self-contained: no external requests');
    }
    if (consoleErrors.length) {
      console.log(`note page errors: ${consoleErrors.length}`);
      for (const e of consoleErrors.slice(0, 5)) console.log(`      - ${clip(e, 200)}`);
    }
    const incompletes = [...wcag.incomplete, ...dark.incomplete.map(v => ({ ...v, id: v.id + ' (dark)' }))];
    if (incompletes.length) {
      console.log(`note needs review (axe "incomplete", not failing): ${incompletes.map(v => `${v.id}×${v.nodes.length}`).join(', ')}`);
    }
    if (bpOnly.length) {
      console.log(`note best-practice (advisory, not failing): ${bpOnly.length} rule(s)`);
      printRuleList('best-practice', bpOnly);
    } else {
      console.log('ok   best-practice: 0 violations (advisory)');
    }

    Object.assign(report, {
      failed: fileFailed, wcag, wcagNarrowOnly: narrowNew, overflow, dark, house, svgText: { light: svgLight, narrow: svgNarrow, dark: svgDark }, bestPractice: bpOnly,
      external, pageErrors: consoleErrors, ms: Date.now() - tf,
    });
    writeFileSync(path.join(outDir, `${name}-axe.json`), JSON.stringify(report, null, 2));
    console.log(`${fileFailed ? 'FAIL' : 'PASS'} ${file} (${Date.now() - tf} ms) — screenshots: ${path.join(outDir, name)}-{1280,320,1280-dark,320-dark}.png, printed: ${name}-print.pdf`);
    failed ||= fileFailed;
  }
} catch (e) {
  console.error(`check: tool error: ${e && e.stack || e}`);
  process.exitCode = 2;
} finally {
  if (context) await context.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}
if (process.exitCode !== 2) {
  console.log(`\ncheck: ${failed ? 'FAILED' : 'all files passed'} in ${Date.now() - t0} ms`);
  process.exitCode = failed ? 1 : 0;
}
