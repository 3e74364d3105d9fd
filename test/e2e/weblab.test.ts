import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { parseScenario } from '../../src/scenario/index.ts';
import { runTask } from '../../src/tasks/runTask.ts';
import { openLab, SHOTS, skipReason, type Lab } from './helpers.ts';

const skip = skipReason();
if (skip) console.log(`# ${skip}`);

describe('web lab in Chromium, served by follisim serve', { skip: skip ?? false, timeout: 300_000 }, () => {
  let lab: Lab;
  let page: Page;
  const shot = (name: string) => lab.shot(name);
  const labState = () => page.evaluate(() => window.follisimLab.state);
  const waitState = (s: string, timeout?: number) => lab.waitState(s, timeout);

  before(async () => {
    lab = await openLab('/', '#scenario-text');
    page = lab.page;
  });
  after(() => lab?.close());

  it('shows an inline error for a bad value, then clears it', async () => {
    await page.fill('#field-durationDays', '-1');
    await page.dispatchEvent('#field-durationDays', 'change');
    await page.waitForSelector('#error-durationDays');
    assert.match(await page.textContent('#error-durationDays') ?? '', /out of range/);
    assert.match(await page.textContent('#issues') ?? '', /line 6: durationDays = -1/);
    assert.match((await page.getAttribute('.gutter div.bad', 'title')) ?? '', /^durationDays: out of range: allowed a number >= 0.001/);
    assert.equal(await page.isDisabled('#run'), true);
    await shot('inline-error');
    await page.fill('#field-durationDays', '1');
    await page.dispatchEvent('#field-durationDays', 'change');
    await page.waitForSelector('#issues .ok');
  });

  it('runs a short scenario in Web Workers: plot and pictures appear, numbers equal a Node run with the same seed', async () => {
    await page.click('#run');
    await waitState('done');
    assert.ok((await page.locator('#charts svg').count()) > 0, 'a chart');
    assert.ok((await page.locator('#pictures img').count()) > 0, 'a picture');
    await shot('run-1-day');
    const text = await page.inputValue('#scenario-text');
    const browserSummary = await page.evaluate(() => window.follisimLab.summary);
    const parsed = parseScenario(text);
    assert.ok(parsed.ok);
    const node = await runTask(parsed.value, { seed: 7 });
    assert.deepEqual(browserSummary, JSON.parse(JSON.stringify(node.output.summary)));
  });

  it('edits a parameter and sees the plot and the picture update', async () => {
    const before = { chart: await page.innerHTML('#charts'), picture: await page.getAttribute('#pictures img', 'alt') };
    const beforeRetained = await page.evaluate(() => (window.follisimLab.summary as { retainedAtEndNg: number }).retainedAtEndNg);
    // one edit through the form, one in the YAML text (a map at 72 h instead of 24 h)
    await page.fill('#field-durationDays', '3');
    await page.dispatchEvent('#field-durationDays', 'change');
    assert.match(await page.inputValue('#scenario-text'), /durationDays: 3/);
    await page.fill('#scenario-text', (await page.inputValue('#scenario-text')).replace(/hours: \[ ?1, 24 ?\]/, 'hours: [1, 72]'));
    await page.waitForSelector('#issues .ok');
    const runs = await page.evaluate(() => window.follisimLab.runs);
    await page.click('#run');
    await page.waitForFunction((n) => window.follisimLab.runs === n + 1, runs, { timeout: 120_000 });
    const afterChart = await page.innerHTML('#charts');
    assert.notEqual(afterChart, before.chart, 'the chart changed');
    const alts = await page.locator('#pictures img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt')));
    assert.ok(alts.some((a) => /072h/.test(a ?? '')), `pictures ${alts.join(', ')} (before: ${before.picture})`);
    assert.notEqual(await page.evaluate(() => (window.follisimLab.summary as { retainedAtEndNg: number }).retainedAtEndNg), beforeRetained);
    await shot('run-3-days');
  });

  it('downloads the same files the CLI writes', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const path = join(SHOTS, download.suggestedFilename());
    await download.saveAs(path);
    const files = unzipSync(new Uint8Array(readFileSync(path)));
    for (const f of ['summary.json', 'manifest.json', 'report.html', 'timeseries.csv']) assert.ok(f in files, `${f} in the zip (${Object.keys(files).join(', ')})`);
    const manifest = JSON.parse(strFromU8(files['manifest.json']));
    assert.equal(manifest.seeds.root, 7);
    assert.deepEqual(manifest.outputs.map((o: { path: string }) => o.path).sort(), Object.keys(files).filter((f) => f !== 'manifest.json').sort());
    console.log(`download ${path}`);
  });

  it('cancels a running study', async () => {
    await page.selectOption('#example', 'small mouse study');
    await page.fill('#field-durationDays', '30');
    await page.dispatchEvent('#field-durationDays', 'change');
    await page.click('#run');
    await waitState('running');
    await page.waitForTimeout(500);
    await page.click('#cancel');
    await waitState('cancelled', 10_000);
    assert.equal(await page.textContent('#status'), 'cancelled');
    assert.equal(await page.isDisabled('#run'), false);
    await shot('cancelled');
  });

  it('fills the mouse study photo grid and coverage curve as mice finish', async () => {
    await page.goto(lab.base + '/#mouse');
    await page.fill('#mice-per-arm', '2');
    await page.fill('#study-days', '6');
    await page.fill('#lattice', '10');
    await page.click('#mouse-run');
    await page.waitForSelector('#photo-grid canvas.mouse-photo', { timeout: 120_000 });
    await page.waitForFunction(() => /done/.test(document.getElementById('mouse-status')?.textContent ?? ''), null, { timeout: 120_000 });
    assert.equal(await page.locator('#photo-grid canvas.mouse-photo').count(), 3 * 4, '3 arms × 4 photo days (0, 2, 4, 6)');
    assert.ok((await page.locator('#coverage svg').count()) > 0);
    await shot('mouse-study');
    // the mice ran on several Web Workers in any order; the numbers equal one Node thread's
    const { text, summary, seed } = await page.evaluate(() => window.follisimLab);
    const parsed = parseScenario(text ?? '');
    assert.ok(parsed.ok);
    const node = await runTask(parsed.value, { seed });
    assert.deepEqual(summary, JSON.parse(JSON.stringify(node.output.summary)));
  });

  it('draws depth–dose maps for mouse and human skin side by side in the patch designer', async () => {
    await page.goto(lab.base + '/#patch');
    await page.fill('#needle-height', '800');
    await page.click('#patch-run');
    await page.waitForFunction(() => /done/.test(document.getElementById('patch-status')?.textContent ?? ''), null, { timeout: 120_000 });
    assert.equal(await page.locator('#patch-maps canvas.dose-map').count(), 4, '2 species × (1 h, 24 h)');
    assert.match((await page.textContent('#patch-maps')) ?? '', /Mouse dorsal skin[\s\S]*Human scalp/);
    await shot('patch-designer');
  });

  it('lists the parameters, and compares two runs', async () => {
    await page.goto(lab.base + '/#parameters');
    assert.ok((await page.locator('#parameters tbody tr').count()) > 50);
    await page.goto(lab.base + '/#compare');
    assert.ok((await page.locator('#compare-table tr').count()) > 3);
    await shot('compare');
    assert.deepEqual(lab.errors, [], 'no page errors');
    assert.notEqual(await labState(), 'running');
  });
});
