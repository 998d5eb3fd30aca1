// `make bench-app`: how long the app takes from launch to an interactive
// start screen, and how much memory it and its WebKit processes hold, side
// by side with a minimal Tauri window built the same way
// (benches/app/minimal-window). Run under Xvfb, through tauri-driver:
//
//   xvfb-run -a node benches/app/bench-app.mjs APP MINIMAL
//
// Each build is started RUNS times (5 by default), alternately, with a new
// data directory each time, in demo mode (MLA_DEMO=1: the start screen
// lists the demo request). docs/performance.md says what is measured and
// why; in short:
//
// - interactive: from the start of the app's process (its start time in
//   /proc/PID/stat) to the first poll, every 10 ms, that finds the start
//   screen's "New request" button and a draft in its list, both enabled
//   (the minimal window's page has the same two buttons, plain HTML). Both
//   ends are read on the same clock (time since boot, /proc/uptime), at its
//   resolution of 10 ms.
// - memory: one second after that, the sum over the app's process and all
//   its descendants (WebKitWebProcess, WebKitNetworkProcess, …) of the
//   resident set (VmRSS, /proc/PID/status) and of the proportional set
//   (Pss, /proc/PID/smaps_rollup: a shared page counted once, split between
//   the processes that share it). For the app, again with the demo request
//   open in the wizard, one second after its step is shown.
//
// Prints a table of medians with their range, the differences and the
// ratios, and the targets of issue 16 beside them. Exits 0 whether or not
// the targets are met: the figures are for people to read.

import { mkdtempSync, readFileSync, readdirSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session, sleep, startDriver } from '../../tests/e2e/webdriver.mjs';

const RUNS = Number(process.env.RUNS || 5);
const [app, minimal] = process.argv.slice(2);
if (!app || !minimal) {
  console.error('usage: node benches/app/bench-app.mjs APP MINIMAL');
  process.exit(2);
}
const TARGET_INTERACTIVE_S = 0.5;
const TARGET_RSS_ABOVE_MIB = 50;
const PORT = 4700;
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

// The start screen is interactive once both buttons are there and enabled.
const PROBE =
  "return !!document.querySelector('[data-testid=\"new-request\"]:enabled')" +
  " && !!document.querySelector('[data-testid=\"draft-item\"]:enabled');";

/** Seconds since boot, the clock of a process's start time. */
const uptime = () => Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);

/** Fields of /proc/PID/stat after the command name (which may hold spaces). */
function stat(pid) {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}
const parentOf = (pid) => Number(stat(pid)[1]);
/** The start of a process, in seconds since boot. */
const startedAt = (pid) => Number(stat(pid)[19]) / CLK_TCK;

function processes() {
  const all = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      all.push({ pid: Number(name), ppid: parentOf(name) });
    } catch {}
  }
  return all;
}

/** The process running `binary` under `ancestor`. */
function findProcess(binary, ancestor) {
  const all = processes();
  const parent = new Map(all.map((p) => [p.pid, p.ppid]));
  const under = (pid) => {
    for (let p = pid; p > 1; p = parent.get(p)) if (p === ancestor) return true;
    return false;
  };
  for (const { pid } of all) {
    try {
      if (readlinkSync(`/proc/${pid}/exe`) === binary && under(pid)) return pid;
    } catch {}
  }
  throw new Error(`no process of ${binary} under ${ancestor}`);
}

/** `pid` and all its descendants, with each one's name, RSS and PSS in KiB. */
function memory(pid) {
  const all = processes();
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) for (const p of all) if (p.ppid === tree[i]) tree.push(p.pid);
  const field = (text, name) => Number((text.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm')) || [0, 0])[1]);
  const each = [];
  for (const p of tree) {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      each.push({
        name: (status.match(/^Name:\s+(.*)$/m) || [])[1],
        rss: field(status, 'VmRSS'),
        pss: field(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'), 'Pss'),
      });
    } catch {}
  }
  return { rss: each.reduce((s, p) => s + p.rss, 0), pss: each.reduce((s, p) => s + p.pss, 0), each };
}

async function waitUntil(session, what, script, timeoutMs = 30000) {
  const end = Date.now() + timeoutMs;
  for (let polls = 1; Date.now() < end; polls++) {
    try {
      if (await session.cmd('POST', '/execute/sync', { script, args: [] })) return { at: uptime(), polls };
    } catch {}
    await sleep(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function once(binary, openDemo) {
  const data = mkdtempSync(join(tmpdir(), 'mla-bench-app-'));
  const driver = await startDriver(PORT, { MLA_DATA_DIR: data });
  try {
    const session = await Session.start(`http://127.0.0.1:${PORT}`, binary);
    const sessionAt = uptime();
    try {
      const seen = await waitUntil(session, 'the start screen', PROBE);
      const pid = findProcess(binary, driver.pid);
      // `polls` is 1 when the start screen was already there at the first
      // poll: the time is then an upper bound (see docs/performance.md).
      const result = { interactive: seen.at - startedAt(pid), polls: seen.polls, session: sessionAt - startedAt(pid) };
      await sleep(1000);
      result.start = memory(pid);
      if (openDemo) {
        const item = await session.find('[data-testid="draft-item"]');
        await session.cmd('POST', `/element/${item}/click`, {});
        await waitUntil(session, 'the demo request', "return !!document.querySelector('[data-testid=\"home\"]');");
        await sleep(1000);
        result.demo = memory(pid);
      }
      return result;
    } finally {
      await session.quit().catch(() => {});
    }
  } finally {
    driver.kill();
    await sleep(500);
    rmSync(data, { recursive: true, force: true });
  }
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mib = (kib) => kib / 1024;
const fmt = (x, digits) => x.toFixed(digits);
const spread = (xs, digits) => `${fmt(median(xs), digits)} (${fmt(sorted(xs)[0], digits)}–${fmt(sorted(xs).at(-1), digits)})`;

const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const appBin = realpathSync(app);
const minimalBin = realpathSync(minimal);
console.log(`bench-app: ${RUNS} runs each, alternately; load average before: ${load()}`);
const runs = { app: [], minimal: [] };
for (let i = 0; i < RUNS; i++) {
  // Alternate which goes first, so neither always starts on a warmer cache.
  const order = i % 2 === 0 ? ['app', 'minimal'] : ['minimal', 'app'];
  for (const which of order) {
    const r = which === 'app' ? await once(appBin, true) : await once(minimalBin, false);
    runs[which].push(r);
    const demo = r.demo ? `, demo open RSS ${fmt(mib(r.demo.rss), 0)} MiB PSS ${fmt(mib(r.demo.pss), 0)} MiB` : '';
    console.log(
      `run ${i + 1} ${which}: interactive ${fmt(r.interactive, 2)} s (session ready ${fmt(r.session, 2)} s, poll ${r.polls}), RSS ${fmt(mib(r.start.rss), 0)} MiB, PSS ${fmt(mib(r.start.pss), 0)} MiB${demo}`,
    );
  }
}
console.log(`load average after: ${load()}`);

const col = (which, pick) => runs[which].map(pick);
const rows = [
  ['launch to interactive start screen (s)', (r) => r.interactive, (r) => r.interactive, 2, `app ≤ ${TARGET_INTERACTIVE_S} s`],
  ['RSS, start screen (MiB)', (r) => mib(r.start.rss), (r) => mib(r.start.rss), 0, `app − minimal ≤ ${TARGET_RSS_ABOVE_MIB} MiB`],
  ['PSS, start screen (MiB)', (r) => mib(r.start.pss), (r) => mib(r.start.pss), 0, ''],
  ['RSS, demo request open (MiB)', (r) => mib(r.demo.rss), (r) => mib(r.start.rss), 0, `app − minimal ≤ ${TARGET_RSS_ABOVE_MIB} MiB`],
  ['PSS, demo request open (MiB)', (r) => mib(r.demo.pss), (r) => mib(r.start.pss), 0, ''],
];
console.log('');
console.log(`| measure (median, range over ${RUNS} runs) | app | minimal window | app − minimal | app / minimal | target | met |`);
console.log('|---|---|---|---|---|---|---|');
for (const [label, pickApp, pickMin, digits, target] of rows) {
  const a = col('app', pickApp);
  const m = col('minimal', pickMin);
  const diff = median(a) - median(m);
  let met = '';
  if (target.startsWith('app ≤')) met = median(a) <= TARGET_INTERACTIVE_S ? 'yes' : 'no';
  else if (target) met = diff <= TARGET_RSS_ABOVE_MIB ? 'yes' : 'no';
  console.log(
    `| ${label} | ${spread(a, digits)} | ${spread(m, digits)} | ${fmt(diff, digits)} | ${fmt(median(a) / median(m), 2)} | ${target} | ${met} |`,
  );
}
console.log('');
console.log('(the minimal window has no request to open: its rows "demo request open" compare with its start screen)');

// The processes of the last run of each, to see where the memory is.
for (const [which, key] of [['app', 'start'], ['app', 'demo'], ['minimal', 'start']]) {
  const last = runs[which].at(-1)[key];
  const parts = last.each.map((p) => `${p.name} ${fmt(mib(p.rss), 0)}/${fmt(mib(p.pss), 0)}`).join(', ');
  console.log(`${which}${key === 'demo' ? ' (demo open)' : ''}, last run, RSS/PSS MiB per process: ${parts}`);
}
