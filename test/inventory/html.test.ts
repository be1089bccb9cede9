/**
 * `scan --format html` opened in headless Chromium: the page renders the trust-boundary map with the
 * inlined Mermaid build, logs no error, makes no network request, and holds the KPIs and the
 * findings grouped by Zero Trust step. The screenshot is saved to test-output/html-report.png.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { runInProcess } from '../cli/helpers.js';
import { EXAMPLE_ROOT, REPO_ROOT } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const OUT = path.join(REPO_ROOT, 'test-output');
const REPORT = path.join(OUT, 'html-report.html');

test('the HTML report is self-contained, with a strict CSP and the findings by step', () => {
  const r = runInProcess(['scan', '--format', 'html', '--output', REPORT], { cwd: EXAMPLE_ROOT });
  assert.equal(r.code, 1, r.stderr);
  const html = fs.readFileSync(REPORT, 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.ok(csp);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'sha256-[^']+' 'sha256-[^']+'(;|$)/, 'only the two inline scripts, by hash');
  assert.doesNotMatch(csp, /unsafe-eval|https?:/);
  assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=/, 'nothing loaded from elsewhere');
  for (const step of [2, 3, 4, 6]) assert.match(html, new RegExp(`<h3 id="step-${step}">`));
  assert.match(html, /<a href="https:\/\/github\.com\/zero-trust-ai\/zero-trust-ai\/blob\/main\/docs\/rules\/no-unscoped-tools\.md">no-unscoped-tools<\/a><\/td><td><code>src\/tools\/shell\.ts:15:/);
  assert.ok(!html.includes('sk-ant-api03-Xq7vR2mKp9LwT4sYb8NcE1hUj6GdZ3fA5oQiV0xWkMnB'));
});

test('the HTML report renders its diagram in headless Chromium, offline, without errors', async () => {
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/setup-e2e.sh`);
  if (!fs.existsSync(REPORT)) runInProcess(['scan', '--format', 'html', '--output', REPORT], { cwd: EXAMPLE_ROOT });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (req) => requests.push(req.url()));
    const url = pathToFileURL(REPORT).href;
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.diagram !== 'pending', null, { timeout: 60_000 });
    assert.equal(await page.evaluate(() => document.body.dataset.diagram), 'rendered', await page.locator('#diagram-error').textContent() ?? '');
    const svg = page.locator('.diagram svg');
    assert.equal(await svg.count(), 1);
    assert.ok((await svg.locator('.node').count()) >= 20, 'the map has its nodes');
    assert.ok((await svg.locator('.cluster').count()) >= 4, 'and its boundaries');
    assert.ok(await svg.getByText('tool diagnostics').isVisible());
    assert.equal(await page.locator('.kpi').count(), 5);
    assert.deepEqual(problems, []);
    assert.deepEqual(requests.filter((u) => u !== url), [], 'no network request');
    fs.mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: path.join(OUT, 'html-report.png'), fullPage: true });
    // The map is wider than the page, so it fits at first; the button shows it at actual size, scrolling in its frame.
    const zoom = page.locator('#diagram-zoom');
    const frame = page.locator('.diagram');
    const fitted = (await svg.boundingBox())!.width;
    assert.ok(await zoom.isVisible(), 'a map wider than the page offers actual size');
    await zoom.click();
    assert.equal(await zoom.getAttribute('aria-pressed'), 'true');
    const actual = (await svg.boundingBox())!.width;
    assert.ok(actual > fitted * 1.5, `actual size ${actual} px is wider than the fitted ${fitted} px`);
    assert.ok(await frame.evaluate((e) => e.scrollWidth > e.clientWidth), 'the frame scrolls');
    await frame.screenshot({ path: path.join(OUT, 'html-report-actual-size.png') });
    await zoom.click();
    assert.equal(Math.round((await svg.boundingBox())!.width), Math.round(fitted), 'and fits again');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
