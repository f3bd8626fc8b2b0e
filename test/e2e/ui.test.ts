/**
 * End-to-end: the demo corpus in a temp database, the real server on 127.0.0.1, the UI built by Vite,
 * driven in Debian Chromium. Screenshots go to test-artifacts/e2e/ (described in docs/api.md).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { Database } from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createServer } from '../../src/api/index.js';
import { demoCorpusPath } from '../../src/cli/commands/demo.js';
import { ingestPaths } from '../../src/pipeline.js';
import { openDatabase } from '../../src/store/db.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = join(ROOT, 'test-artifacts', 'e2e');
const TOKEN = 'e2e-token-7Hq';
/** Phone-width viewport (a common 6.1-inch phone in CSS pixels). */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
/** Longest wait for one UI change (ms). */
const STEP_MS = 8000;
/** Longest wait for the compare stage's panels on first use (language models load; slow on a loaded machine). */
const COMPARE_MS = 60_000;

const skipReason = !existsSync(CHROMIUM) ? `${CHROMIUM} is missing (apt-get install chromium)` : !existsSync(demoCorpusPath()) ? 'demo corpus missing' : null;

let work: string;
let db: Database;
let app: FastifyInstance;
let browser: Browser;
let base: string;
const problems: string[] = [];
const dialogs: string[] = [];

async function newPage(viewport = PHONE): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.setDefaultTimeout(STEP_MS);
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Refused to|Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  return page;
}

async function post(body: string, contentType: string, query = ''): Promise<string> {
  const r = await fetch(`${base}/api/articles${query}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': contentType }, body });
  const json = (await r.json()) as { entries: { articleId: string | null }[] };
  assert.equal(r.status, 201, JSON.stringify(json));
  return json.entries[0]?.articleId ?? '';
}

const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: join(SHOTS, name), fullPage });

/** True when nothing on the page is wider than the viewport (long words and RTL text wrap). */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

before(async () => {
  if (skipReason) return;
  mkdirSync(SHOTS, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'storyline-e2e-'));
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'src/web/vite.config.ts'), logLevel: 'silent', build: { outDir: join(work, 'web'), emptyOutDir: true } });
  db = openDatabase(join(work, 'e2e.db'));
  ingestPaths(db, [demoCorpusPath()]);
  app = createServer({ db, token: TOKEN, uiDir: join(work, 'web'), pollMs: 0 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
});

after(async () => {
  await browser?.close();
  await app?.close();
  db?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('storylines → storyline → citation → article with boilerplate toggle → search', { skip: skipReason ?? false }, async () => {
  const page = await newPage();
  await page.goto(`${base}/`);
  await page.waitForSelector('.story-card');
  assert.ok((await page.locator('.story-card').count()) >= 3);
  assert.match((await page.locator('.story-card .badge-sources').first().textContent()) ?? '', /\d+ independent source/);
  assert.ok(await fitsWidth(page), 'storyline list fits a phone screen');
  await shot(page, '01-storylines-phone.png', true);

  // Keyboard: focus starts on the page heading; Tab reaches the first storyline link and Enter opens it.
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
  await page.keyboard.press('Tab');
  const firstHref = await page.evaluate(() => document.activeElement?.getAttribute('href'));
  assert.match(firstHref ?? '', /^#\/story\//);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.event');
  assert.ok(page.url().endsWith(firstHref ?? '-'));
  await page.goBack();
  await page.waitForSelector('.story-card');

  // Open the largest storyline.
  const cards = await page
    .locator('.story-card')
    .evaluateAll((els) =>
      els.map((el) => ({ href: el.querySelector('h2 a')?.getAttribute('href') ?? '', n: Number(/(\d+) articles?/.exec(el.textContent ?? '')?.[1] ?? 0) })),
    );
  const biggest = cards.sort((a, b) => b.n - a.n)[0];
  assert.ok(biggest?.href);
  await page.click(`.story-card h2 a[href="${biggest.href}"]`);
  await page.waitForSelector('.event');
  await page.waitForSelector('.chart svg rect, .panel p');
  // The brief, timeline, ledger, quotes and entities come from the compare stage (slow on first use: models load).
  await page.waitForSelector('.panel-brief a.citation', { timeout: COMPARE_MS });
  await page.waitForSelector('.panel-ledger .slot', { timeout: COMPARE_MS });
  await page.waitForSelector('.panel-timeline .timeline li');
  await page.waitForSelector('.panel-quotes .speaker');
  await page.waitForSelector('.panel-entities .entity');
  assert.ok((await page.locator('.panel-ledger .badge-sources, .panel-ledger .badge-single').count()) > 0, 'claims carry corroboration badges');
  assert.ok((await page.locator('.panel-ledger [class*="badge-status-"]').count()) > 0, 'slots carry agreement/conflict badges');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the page heading');
  assert.equal(await page.title(), `${(await page.locator('h1').textContent())?.trim()} · Storyline`, 'the window title names the storyline');
  assert.ok(await fitsWidth(page), 'storyline page fits a phone screen');
  await shot(page, '02-storyline-phone.png', true);
  const desk = await newPage(DESKTOP);
  await desk.goto(page.url());
  await desk.waitForSelector('.event');
  await shot(desk, '03-storyline-desktop.png', true);
  await desk.close();

  // Follow a citation of the brief to its highlighted passage.
  const cite = page.locator('.panel-brief a.citation').first();
  const sentence = (await cite.getAttribute('title')) ?? '';
  assert.ok(sentence.length > 0, 'a citation carries the cited sentence');
  await cite.click();
  await page.waitForSelector('.cited');
  assert.match(page.url(), /#\/article\/[^?]+\?p=\d+/);
  const cited = page.locator('.cited');
  assert.ok(((await cited.textContent()) ?? '').includes(sentence.slice(0, 40)), 'the highlighted paragraph holds the cited sentence');
  assert.ok(await cited.isVisible());
  const box = await cited.boundingBox();
  assert.ok(box && box.y < PHONE.height && box.y + box.height > 0, 'the passage is scrolled into view');
  await shot(page, '04-citation-passage.png');

  // Entity, quote and number highlights, each kind switchable.
  await page.waitForSelector('.article .text .hl-entity', { timeout: COMPARE_MS });
  const quotesBox = page.locator('.kinds label.kind-quote input');
  const before = await page.locator('.article .text .hl-quote').count();
  await quotesBox.uncheck();
  assert.equal(await page.locator('.article .text .hl-quote').count(), 0);
  await quotesBox.check();
  assert.equal(await page.locator('.article .text .hl-quote').count(), before);

  // An article whose cleaning removed boilerplate: toggle it on and off.
  const withRemoved = db.prepare('SELECT article_id AS id, COUNT(*) AS n FROM removed_blocks GROUP BY article_id ORDER BY n DESC LIMIT 1').get() as
    | { id: string; n: number }
    | undefined;
  assert.ok(withRemoved, 'the demo corpus has boilerplate to remove');
  await page.goto(`${base}/#/article/${withRemoved.id}`);
  const toggle = page.locator('button.toggle-removed');
  await toggle.waitFor();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  assert.equal(await page.locator('.removed').count(), 0);
  await toggle.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('.removed li');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('.removed li').count(), withRemoved.n);
  await shot(page, '05-article-removed-boilerplate.png', true);
  await toggle.click();
  assert.equal(await page.locator('.removed').count(), 0);

  // Search from the header.
  await page.fill('#q', 'fire');
  await page.press('#q', 'Enter');
  await page.waitForSelector('.results li');
  assert.match(page.url(), /#\/search\?q=fire/);
  assert.ok((await page.locator('.results mark').count()) > 0, 'matched words are marked');
  await shot(page, '06-search.png', true);
  await page.locator('.results li h2 a').first().click();
  await page.waitForSelector('.article .text mark');
  await page.close();
  assert.deepEqual(problems, []);
});

test('a POSTed article arrives live; hostile markup executes nothing; long and RTL text do not break the layout', { skip: skipReason ?? false }, async () => {
  const page = await newPage();
  await page.goto(`${base}/`);
  await page.waitForSelector('.live-dot.on');
  const title = 'Harbour pilots vote to strike over night shifts';
  await post(
    JSON.stringify({
      title,
      outlet: 'Coast Weekly',
      published: '2026-04-23T08:00:00Z',
      text: 'Harbour pilots in Port Ashby voted on Wednesday to strike over new night-shift rules, their union said.\n\nShips would wait at anchor if the strike went ahead next week, the port authority warned, urging both sides to talk.',
    }),
    'application/json',
  );
  const notice = page.locator('.notice', { hasText: title });
  await notice.waitFor();
  await shot(page, '07-live-update.png');

  // A hostile page: scripts, handlers, javascript: links, SVG payloads, and markup-looking text.
  const hostile = `<!doctype html><html><head><title>Payload test page</title>
    <meta property="og:url" content="javascript:window.__pwned='og'">
    <link rel="canonical" href="javascript:window.__pwned='canonical'">
    <script>window.__pwned = 'script';</script></head>
    <body onload="window.__pwned='body'"><article>
    <h1>Payload test page <img src=x onerror="window.__pwned='h1'"></h1>
    <p>This paragraph talks about &lt;script&gt;window.__pwned='text'&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt; as plain words in an article body long enough to keep.</p>
    <p>A link <a href="javascript:window.__pwned='link'">click here</a> and an SVG <svg onload="window.__pwned='svg'"><script>window.__pwned='svgscript'</script><a href="javascript:alert(2)"><text>x</text></a></svg> inside the text of the article.</p>
    <p><iframe src="javascript:alert(3)"></iframe><object data="javascript:alert(4)"></object>The last paragraph of the payload page repeats that nothing here should ever run in a reader's browser.</p>
    </article></body></html>`;
  const id = await post(hostile, 'text/html', '?outlet=Payload%20Outlet');
  await page.goto(`${base}/#/article/${id}`);
  await page.waitForSelector('.article .text p');
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), undefined, 'no payload ran');
  assert.deepEqual(dialogs, []);
  const text = (await page.locator('.article .text').textContent()) ?? '';
  assert.match(text, /<script>window\.__pwned='text'<\/script>/, 'markup in the text is shown as text');
  assert.equal(await page.locator('.article .text img, .article .text script, .article .text svg, .article .text iframe, .article .text object').count(), 0);
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
  await shot(page, '08-hostile-page-inert.png', true);

  // Long unbroken names and right-to-left text on a phone screen.
  const longName = `Ministry${'ofVeryLongNames'.repeat(12)}`;
  const rtl = await post(
    JSON.stringify({
      title: `وزير المياه يلتقي نظيره في هالفنبورت ${longName}`,
      outlet: `${longName} Gazette`,
      text: `اجتمع وزيرا المياه في هالفنبورت يوم الثلاثاء لبحث تقاسم مياه النهر، وقال المتحدث إن المحادثات كانت بناءة. ${longName}\n\nوأضاف أن الجولة التالية من المحادثات ستعقد الشهر المقبل في المدينة نفسها، مع مشاركة خبراء من البلدين.`,
    }),
    'application/json',
  );
  await page.goto(`${base}/#/article/${rtl}`);
  await page.waitForSelector('.article .text p');
  assert.ok(await fitsWidth(page), 'article with long and RTL text fits a phone screen');
  assert.equal(
    await page
      .locator('.article .text p')
      .first()
      .evaluate((el) => getComputedStyle(el).direction),
    'rtl',
  );
  await shot(page, '09-rtl-long-names-phone.png', true);
  await page.goto(`${base}/`);
  await page.waitForSelector('.story-card');
  assert.ok(await fitsWidth(page), 'storyline list with a long RTL title fits a phone screen');
  await page.close();
  assert.deepEqual(problems, []);
});
