// The layers of main/ and the arrows allowed between them (README "Architecture"; DESIGN.md §2):
//
//   shell, cli → ipc → services → casefile, evidence, letters, roster, notices, formats, demo;  everything → shared
//
// A relative import is resolved against the importing file, so a path's depth cannot hide where
// it leads (services/evidence/ is not evidence/). Per-folder no-restricted-imports patterns match
// the import text and cannot tell those apart; this rule can. A value import of better-sqlite3
// outside casefile/ is refused too: SQLite is opened only there (type imports are allowed, so a
// service may pass a Database it was handed).
import { dirname, join, relative, sep } from 'node:path';

/** Which layers each layer may import. A layer always may import itself and shared/. */
export const ALLOWED_ARROWS = {
  shell: ['ipc', 'services', 'root'],
  cli: ['ipc', 'services', 'root'],
  ipc: ['services', 'root'],
  services: ['casefile', 'evidence', 'letters', 'roster', 'notices', 'formats', 'demo', 'root'],
  casefile: [],
  evidence: ['formats'],
  letters: ['formats'],
  roster: ['formats'],
  notices: ['formats'],
  formats: [],
  demo: ['formats'],
  root: [],
};

const WHY = {
  shell: 'the shell reaches the case through the dispatcher (ipc) and the services it hosts',
  cli: 'the command line reaches the case through the dispatcher (ipc) and the services it hosts',
  ipc: 'handlers call services, which own the case file and its transactions',
  services: 'services sit below the hosts: they never import ipc/, cli/ or shell/',
  casefile: 'casefile/ owns the schema and imports only shared/',
  evidence: 'evidence/ is pure text and preview code: bytes in, values out',
  letters: 'letters/ is pure merge and rendering',
  roster: 'roster/ is pure: source rows in, normalised records and counts out',
  notices: 'notices/ is pure: people and letters in, plans, scans and tracking outcomes out',
  formats: 'formats/ holds pure codecs: streams, buffers and plain values only',
  demo: 'demo/ builds the sample incident from plain values',
  root: 'main/ root files import only shared/',
};

function layerOf(root, file) {
  const inMain = relative(join(root, 'main'), file);
  if (inMain.startsWith('..')) return null;
  const parts = inMain.split(sep);
  return parts.length === 1 ? 'root' : parts[0];
}

function targetOf(root, file, spec) {
  const target = join(dirname(file), spec);
  const fromRoot = relative(root, target).split(sep);
  if (fromRoot[0] === 'shared') return 'shared';
  if (fromRoot[0] === 'main') return fromRoot.length === 2 ? 'root' : fromRoot[1];
  return 'outside';
}

export const layersPlugin = {
  rules: {
    layers: {
      meta: {
        type: 'problem',
        docs: { description: 'Imports in main/ follow the layers' },
        schema: [],
        messages: {
          upward: 'main/{{from}}/ may not import main/{{to}}/: {{why}} (allowed: {{allowed}}).',
          sqlite:
            "Only main/casefile/ opens SQLite; import better-sqlite3-multiple-ciphers' types with 'import type'.",
        },
      },
      create(context) {
        const root = context.cwd;
        const from = layerOf(root, context.filename);
        if (from === null) return {};
        const allowed = new Set([from, 'shared', ...(ALLOWED_ARROWS[from] ?? [])]);
        function check(node, spec, typeOnly) {
          if (typeof spec !== 'string') return;
          if (spec === 'better-sqlite3-multiple-ciphers') {
            if (from !== 'casefile' && !typeOnly) context.report({ node, messageId: 'sqlite' });
            return;
          }
          if (!spec.startsWith('.')) return;
          const to = targetOf(root, context.filename, spec);
          if (to === 'outside' || allowed.has(to)) return;
          context.report({
            node,
            messageId: 'upward',
            data: {
              from,
              to,
              why: WHY[from],
              allowed: [...allowed].filter((l) => l !== from).join(', '),
            },
          });
        }
        return {
          ImportDeclaration(node) {
            const typeOnly =
              node.importKind === 'type' ||
              (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'));
            check(node, node.source.value, typeOnly);
          },
          ExportNamedDeclaration(node) {
            if (node.source) check(node, node.source.value, node.exportKind === 'type');
          },
          ExportAllDeclaration(node) {
            check(node, node.source.value, node.exportKind === 'type');
          },
          ImportExpression(node) {
            if (node.source.type === 'Literal') check(node, node.source.value, false);
          },
        };
      },
    },
  },
};
