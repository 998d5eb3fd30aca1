// Start-up time of the app, for docs/install.md: each build given on the
// command line is started RUNS times, alternately, with a new data
// directory each time, through tauri-driver (under Xvfb):
//
//   xvfb-run -a node tests/e2e/startup.mjs target/debug/mla-writer-app /usr/bin/mla-writer
//
// Measured from just before the session is asked for (the driver then
// starts the app) to: the web view's navigation start (the process is up
// and has made its window and web view); its first contentful paint; and
// the start screen showing its version line (the UI has loaded and heard
// from the core), found by polling every 20 ms. Prints the median of each.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ELEMENT, Session, sleep, startDriver } from './webdriver.mjs';

const RUNS = Number(process.env.RUNS || 7);
const apps = process.argv.slice(2);
if (apps.length === 0) {
  console.error('usage: node tests/e2e/startup.mjs APP...');
  process.exit(2);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function once(app, port) {
  const data = mkdtempSync(join(tmpdir(), 'mla-startup-'));
  const driver = await startDriver(port, { MLA_DATA_DIR: data });
  try {
    const t0 = Date.now();
    const session = await Session.start(`http://127.0.0.1:${port}`, app);
    try {
      let shown = null;
      for (let i = 0; i < 1000 && shown === null; i++) {
        const found = await session.cmd('POST', '/elements', { using: 'css selector', value: '[data-testid="build-info"]' });
        if (found.length > 0 && found[0][ELEMENT]) shown = Date.now();
        else await sleep(20);
      }
      const page = await session.cmd('POST', '/execute/sync', {
        script:
          "const p = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');" +
          'return { origin: performance.timeOrigin, paint: p ? p.startTime : null };',
        args: [],
      });
      return {
        navigation: page.origin - t0,
        paint: page.paint === null ? null : page.origin + page.paint - t0,
        start: shown - t0,
      };
    } finally {
      await session.quit();
    }
  } finally {
    driver.kill();
    await sleep(300);
    rmSync(data, { recursive: true, force: true });
  }
}

const results = new Map(apps.map((a) => [a, []]));
for (let run = 0; run < RUNS; run++) {
  for (const app of apps) results.get(app).push(await once(app, 4600));
}
for (const [app, runs] of results) {
  const m = (k) => (runs.some((r) => r[k] === null) ? 'n/a' : `${Math.round(median(runs.map((r) => r[k])))} ms`);
  console.log(`${app}: navigation start ${m('navigation')}, first paint ${m('paint')}, start screen ${m('start')} (median of ${runs.length})`);
}
