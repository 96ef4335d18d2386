// `npm run test:security`: static security checks of what the app ships, fully offline.
//
// 1. @doyensec/electronegativity over what ships (dist/node/shell.cjs, preload.cjs, dist/renderer,
//    package.json) and over main/shell/, the code that uses Electron. The sources are needed: its
//    BrowserWindow checks match `new BrowserWindow(…)` by name, which a bundle turns into
//    `new import_electron.BrowserWindow(…)`. Every finding must be explained by an entry in
//    security/electronegativity-allowlist.json, and every entry must still match a finding.
// 2. electron-builder.yml must validate against electron-builder's own schema and keep the
//    hardened fuses and native-module settings of DESIGN.md §1 and §8.
//
// Electronegativity reaches for the network in two places: its i18n loader fetches a translation
// file, and AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK downloads Electron's release list (fed by
// ELECTRON_VERSION_JSON_CHECK). Both checks are excluded, its HTTP client is replaced by one that
// refuses, and a tripwire on sockets and DNS fails the scan if anything still tries to connect.
import dns from 'node:dns';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const ALLOWLIST_FILE = 'security/electronegativity-allowlist.json';

/** Checks that need the network; nothing they report could be acted on offline anyway. */
const NETWORK_CHECKS = ['ElectronVersionJSONCheck', 'AvailableSecurityFixesGlobalCheck'];

/** What is scanned, and the name it is scanned under (electronegativity reads .js/.ts/.html/.json). */
const SCANNED = [
  { from: 'dist/node/shell.cjs', to: 'dist/node/shell.js' },
  { from: 'dist/node/preload.cjs', to: 'dist/node/preload.js' },
  { from: 'dist/renderer', to: 'dist/renderer' },
  { from: 'package.json', to: 'package.json' },
  { from: 'main/shell', to: 'main/shell' },
];

const HARDENED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};

const networkAttempts = installNetworkTripwire();
const failures = [];

const scan = await runElectronegativity();
const verdict = judge(scan.issues, loadAllowlistOrExit());
failures.push(...scan.problems, ...verdict.problems);
failures.push(...(await checkBuilderConfig()));
if (networkAttempts.length > 0) {
  failures.push(`Something tried to reach the network during the scan: ${networkAttempts.join(', ')}.`);
}

for (const finding of verdict.unexplained) {
  console.error(
    `UNEXPLAINED ${finding.id} ${finding.file}:${finding.location.line}:${finding.location.column}\n` +
      `  ${finding.sample ?? ''}\n  ${oneLine(finding.description)}\n  ${finding.shortenedURL ?? ''}`,
  );
}
for (const problem of failures) console.error(`FAIL ${problem}`);
process.stdout.write(
  `electronegativity: ${scan.issues.length} findings, ${verdict.allowed} allowed, ` +
    `${verdict.unexplained.length} unexplained (${scan.files} files, ${scan.checks} checks, offline)\n`,
);
process.exit(verdict.unexplained.length > 0 || failures.length > 0 ? 1 : 0);

// ---------------------------------------------------------------------------------------------

async function runElectronegativity() {
  const problems = [];
  const missing = SCANNED.filter((entry) => !existsSync(join(root, entry.from))).map((entry) => entry.from);
  if (missing.length > 0) {
    console.error(`Nothing to scan: ${missing.join(', ')} missing. Run \`npm run build\` first.`);
    process.exit(1);
  }
  const stage = mkdtempSync(join(tmpdir(), 'breachdesk-electronegativity-'));
  const scannedFrom = new Map();
  try {
    for (const entry of SCANNED) {
      mkdirSync(dirname(join(stage, entry.to)), { recursive: true });
      cpSync(join(root, entry.from), join(stage, entry.to), {
        recursive: true,
        filter: (source) => !source.endsWith('.map'),
      });
      scannedFrom.set(entry.to, entry.from);
    }
    await lowerSyntax(stage);

    process.env.LANG = 'en-US'; // its i18n would otherwise try to use (and fetch) the shell's locale
    stubHttpClientOf('@doyensec/electronegativity');
    const run = require('@doyensec/electronegativity');
    const electronVersion = JSON.parse(
      readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
    ).version;

    const result = await quietly(() =>
      run({
        input: stage,
        output: undefined,
        isSarif: false,
        customScan: [],
        excludeFromScan: NETWORK_CHECKS.map((name) => name.toLowerCase()),
        isRelative: true,
        isVerbose: false,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      }),
    );
    for (const error of result.errors) {
      const file = toRepoPath(relative(stage, error.file), scannedFrom);
      if (!error.tolerable)
        problems.push(`${file} could not be parsed, so it was not checked: ${oneLine(error.message)}`);
    }
    const issues = result.issues.map((issue) => ({ ...issue, file: toRepoPath(issue.file, scannedFrom) }));
    return {
      issues,
      problems,
      checks: result.globalChecks + result.atomicChecks,
      files: countScannable(stage),
    };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/**
 * Electronegativity's parsers predate ES2022 (private class fields fail with "Unknown node type
 * ClassPrivateProperty"), so the staged copies are re-emitted for an older syntax level. Only
 * syntax changes; every call, event name and option object it looks for stays as built.
 */
async function lowerSyntax(dir) {
  const { transform } = await import('esbuild');
  const walk = async (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith('.js')) {
        const { code } = await transform(readFileSync(path, 'utf8'), {
          loader: 'js',
          target: 'es2021',
          charset: 'utf8',
        });
        writeFileSync(path, code);
      }
    }
  };
  await walk(dir);
}

/** Which allow-list entries explain which findings; unexplained findings and unused entries fail. */
function judge(issues, allowlist) {
  const used = new Set();
  const unexplained = [];
  let allowed = 0;
  for (const issue of issues) {
    const entry = allowlist.find((candidate) => explains(candidate, issue));
    if (entry === undefined) {
      unexplained.push(issue);
    } else {
      allowed += 1;
      used.add(entry);
    }
  }
  const problems = allowlist
    .filter((entry) => !used.has(entry))
    .map(
      (entry) =>
        `${ALLOWLIST_FILE}: the entry for ${entry.check} in ${entry.file} no longer matches any finding; remove it.`,
    );
  return { unexplained, allowed, problems };
}

function explains(entry, issue) {
  if (entry.check !== issue.id) return false;
  if (!globToRegExp(entry.file).test(issue.file)) return false;
  return entry.sample === undefined || (issue.sample ?? '').includes(entry.sample);
}

function loadAllowlistOrExit() {
  try {
    return loadAllowlist();
  } catch (error) {
    console.error(`FAIL ${ALLOWLIST_FILE}: ${oneLine(error.message)}`);
    process.exit(1);
  }
}

function loadAllowlist() {
  const file = join(root, ALLOWLIST_FILE);
  const parsed = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed.entries)) throw new Error('it needs an "entries" array.');
  for (const [index, entry] of parsed.entries.entries()) {
    for (const key of ['check', 'file', 'reason']) {
      if (typeof entry[key] !== 'string' || entry[key].trim() === '') {
        throw new Error(`entry ${index} needs a non-empty "${key}".`);
      }
    }
    if (entry.sample !== undefined && typeof entry.sample !== 'string') {
      throw new Error(`entry ${index} has a "sample" that is not a string.`);
    }
  }
  return parsed.entries;
}

/** electron-builder.yml: valid for electron-builder itself, and still hardened. */
async function checkBuilderConfig() {
  const problems = [];
  // electron-builder's own loader and schema validator (no packaging, no download).
  const builderRequire = createRequire(require.resolve('electron-builder/package.json'));
  const { getConfig, validateConfiguration } = builderRequire('app-builder-lib/out/util/config/config');
  const { DebugLogger } = builderRequire('builder-util');
  let config;
  try {
    config = await quietly(() => getConfig(root, join(root, 'electron-builder.yml'), null));
    await validateConfiguration(config, new DebugLogger(false));
  } catch (error) {
    return [`electron-builder.yml is not valid for electron-builder: ${oneLine(error.message)}`];
  }
  for (const [fuse, wanted] of Object.entries(HARDENED_FUSES)) {
    if (config.electronFuses?.[fuse] !== wanted) {
      problems.push(`electron-builder.yml: electronFuses.${fuse} must be ${wanted}.`);
    }
  }
  if (config.npmRebuild !== false) problems.push('electron-builder.yml: npmRebuild must be false.');
  if (!(config.asarUnpack ?? []).includes('**/*.node')) {
    problems.push('electron-builder.yml: asarUnpack must include "**/*.node".');
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------

/** Any socket connect or DNS lookup in this process is refused and remembered. */
function installNetworkTripwire() {
  const attempts = [];
  const refuse = (what) => {
    attempts.push(what);
    throw new Error(`Network access is not allowed during the security scan (${what}).`);
  };
  net.Socket.prototype.connect = function connect(...args) {
    const target =
      typeof args[0] === 'object' && args[0] !== null ? (args[0].host ?? args[0].path) : (args[1] ?? args[0]);
    refuse(`connect ${String(target)}`);
  };
  dns.lookup = (host) => refuse(`DNS lookup ${host}`);
  dns.promises.lookup = async (host) => refuse(`DNS lookup ${host}`);
  return attempts;
}

/** Puts a refusing stand-in for `got` (electronegativity's HTTP client) into the module cache. */
function stubHttpClientOf(packageName) {
  const packageRequire = createRequire(require.resolve(`${packageName}/package.json`));
  const refuse = () => Promise.reject(new Error('offline: the security scan makes no network requests'));
  const stub = Object.assign(refuse, { get: refuse, head: refuse, post: refuse, default: refuse });
  const id = packageRequire.resolve('got');
  require.cache[id] = { id, filename: id, loaded: true, exports: stub };
}

/** Electronegativity and electron-builder talk on stdout; keep ours to the summary line. */
async function quietly(action) {
  // eslint-disable-next-line no-console -- saving the third-party output channel to mute it, not logging
  const saved = { log: console.log, info: console.info, warn: console.warn };
  const write = process.stdout.write;
  Object.assign(console, { log: () => undefined, info: () => undefined, warn: () => undefined });
  process.stdout.write = () => true;
  try {
    return await action();
  } finally {
    Object.assign(console, saved);
    process.stdout.write = write;
  }
}

/** Names a scanned file by where it lives in the repository (dist/node/shell.js → shell.cjs). */
function toRepoPath(scannedPath, scannedFrom) {
  const normalized = scannedPath.split(sep).join('/');
  for (const [scanned, shipped] of scannedFrom) {
    if (normalized === scanned) return shipped;
    if (normalized.startsWith(`${scanned}/`)) return `${shipped}${normalized.slice(scanned.length)}`;
  }
  return normalized;
}

/** Files electronegativity reads: scripts, pages and package manifests. */
function countScannable(dir) {
  let count = 0;
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(current, entry.name));
      else if (/\.(jsx?|tsx?|html?)$|^package\.json$/i.test(entry.name)) count += 1;
    }
  };
  walk(dir);
  return count;
}

/** `*` matches within a path segment, `**` across segments. */
function globToRegExp(glob) {
  let pattern = '';
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index];
    if (char === '*' && glob[index + 1] === '*') {
      pattern += '.*';
      index += glob[index + 2] === '/' ? 2 : 1;
    } else if (char === '*') {
      pattern += '[^/]*';
    } else {
      pattern += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${pattern}$`);
}

function oneLine(text) {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}
