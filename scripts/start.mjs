// `npm start [-- path/to/case.bdcase]`: builds the app, finds an Electron runtime and runs the
// app in it. Electron 45 downloads its runtime lazily on first launch; on an offline machine that
// cannot work, so this says so in one paragraph instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
const downloadTimeoutMs = Number(process.env.BREACHDESK_ELECTRON_DOWNLOAD_TIMEOUT_MS) || 90_000;

/** Where the executable sits inside an unpacked Electron release, per platform. */
const executableInDist =
  process.platform === 'darwin'
    ? 'Electron.app/Contents/MacOS/Electron'
    : process.platform === 'win32'
      ? 'electron.exe'
      : 'electron';

// BREACHDESK_SKIP_BUILD=1 reuses dist/ as it is (after `npm run build`, or while iterating on main/).
if (process.env.BREACHDESK_SKIP_BUILD !== '1') build();
const runtime = await locateRuntime();
if (runtime.kind === 'found') {
  runElectron(runtime.executable, process.argv.slice(2));
} else {
  console.error(`\n${wrap(explain(runtime))}\n`);
  process.exit(1);
}

function build() {
  const steps = [
    [join(root, 'scripts', 'build-node.mjs')],
    [join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
  ];
  for (const args of steps) {
    // process.execPath is the pinned Node 22 that npm put first on PATH.
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) {
      console.error('npm start: the build failed (see the messages above); nothing was started.');
      process.exit(result.status ?? 1);
    }
  }
}

async function locateRuntime() {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override !== undefined && override !== '') {
    const executable = join(override, executableInDist);
    if (!existsSync(executable)) return { kind: 'missing', reason: 'override', override, executable };
    warnOnOtherVersion(override);
    return { kind: 'found', executable };
  }
  const installed = installedRuntime();
  if (installed !== null) return { kind: 'found', executable: installed };

  const attempt = await download();
  const downloaded = installedRuntime();
  if (downloaded !== null) return { kind: 'found', executable: downloaded };
  return { kind: 'missing', reason: attempt.timedOut ? 'timeout' : 'download', detail: attempt.detail };
}

/** The runtime electron's own installer put in node_modules/electron/dist, if it is complete. */
function installedRuntime() {
  try {
    const version = readFileSync(join(electronDir, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '');
    if (version !== electronVersion) return null;
    const pathFile = join(electronDir, 'path.txt');
    const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : executableInDist;
    const executable = join(electronDir, 'dist', relative);
    return existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

/** Runs electron's own lazy installer, capped so an unreachable network cannot hang us. */
function download() {
  console.error(
    `The Electron ${electronVersion} runtime is not installed yet; trying to download it ` +
      `(first launch only, giving up after ${Math.round(downloadTimeoutMs / 1000)} s)…`,
  );
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [join(electronDir, 'install.js')], {
      cwd: electronDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill();
    }, downloadTimeoutMs);
    const finish = () => {
      clearTimeout(timer);
      resolvePromise({ ok: child.exitCode === 0 && !timedOut, timedOut, detail: firstErrorLine(output) });
    };
    child.on('close', finish);
    child.on('error', (error) => {
      output += `\n${error.message}`;
      finish();
    });
  });
}

/** The error's one-line summary, not its stack. */
function firstErrorLine(output) {
  const line = output
    .split(/\r?\n/)
    .map((text) => text.trim())
    .find((text) => /error|fail|ENOTFOUND|ECONN|ETIMEDOUT/i.test(text) && !text.startsWith('at '));
  return line === undefined ? null : line.slice(0, 200);
}

function warnOnOtherVersion(dir) {
  try {
    const found = readFileSync(join(dir, 'version'), 'utf8').trim().replace(/^v/, '');
    if (found.split('.')[0] !== electronVersion.split('.')[0]) {
      console.error(
        `Warning: ELECTRON_OVERRIDE_DIST_PATH holds Electron ${found}; Breachdesk is built for ${electronVersion}.`,
      );
    }
  } catch {
    // Not every Electron folder has a version file; carry on.
  }
}

function runElectron(executable, args) {
  const env = { ...process.env };
  // With this set, Electron would run as plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  // npm runs scripts in the package folder; resolve `npm start -- case.bdcase` where it was typed.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const child = spawn(executable, [root, ...args], { cwd, env, stdio: 'inherit', windowsHide: false });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => {
    console.error(`npm start: could not run ${executable}: ${error.message}`);
    process.exit(1);
  });
  child.on('close', (code, signal) => {
    if (code === null) console.error(`Electron ended on signal ${signal}.`);
    process.exit(code ?? 1);
  });
}

function explain(failure) {
  const example = overrideExample();
  const cli =
    'Meanwhile the breachdesk command line works without Electron, for example: ' +
    'npx breachdesk init case.bdcase --title "Payroll mailbox compromise" --org "Example Ltd".';
  const pointAt =
    `point ELECTRON_OVERRIDE_DIST_PATH at the folder of an unpacked Electron ${electronVersion} ` +
    `(the electron-v${electronVersion}-${process.platform}-${process.arch}.zip release, or any installed Electron 45) ` +
    `that contains the ${executableInDist} executable, for example: ${example}.`;
  if (failure.reason === 'override') {
    return (
      `Breachdesk could not start: ELECTRON_OVERRIDE_DIST_PATH is set to ${failure.override}, but there is no ` +
      `Electron executable at ${failure.executable}. To use an Electron that is installed on this computer, ${pointAt} ${cli}`
    );
  }
  const what =
    failure.reason === 'timeout'
      ? `the Electron ${electronVersion} runtime is not installed and could not be downloaded within ` +
        `${Math.round(downloadTimeoutMs / 1000)} s (the machine appears to be offline, or the connection is too slow: ` +
        'run npx install-electron to download it without a time limit)'
      : `the Electron ${electronVersion} runtime is not installed and could not be downloaded ` +
        `(the machine appears to be offline${failure.detail ? `; the download said: ${failure.detail}` : ''})`;
  return `Breachdesk could not start: ${what}. Electron 45 fetches its runtime on first launch. To use an Electron that is already on this computer instead, ${pointAt} ${cli}`;
}

function overrideExample() {
  const folder = `electron-v${electronVersion}-${process.platform}-${process.arch}`;
  if (process.platform === 'win32')
    return `$env:ELECTRON_OVERRIDE_DIST_PATH="C:\\${folder}"; npm start (PowerShell)`;
  const parent = process.platform === 'darwin' ? '/Applications' : '/opt';
  return `ELECTRON_OVERRIDE_DIST_PATH=${parent}/${folder} npm start`;
}

/** Wraps one paragraph at 100 columns without breaking words. */
function wrap(text, width = 100) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}
