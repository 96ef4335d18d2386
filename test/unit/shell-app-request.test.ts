import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { serveAppRequest, type RendererFileSystem } from '../../main/shell/guards/app-request';
import { CONTENT_SECURITY_POLICY, resolveRendererFile } from '../../main/shell/renderer-files';
import { useSharedTempDir } from '../helpers/temp-dir';

const tempDir = useSharedTempDir();
let root = '';

// <temp>/secret.txt and <temp>/renderer-evil/ sit beside the served folder, <temp>/renderer/.
beforeAll(() => {
  const base = tempDir();
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets', 'fonts'), { recursive: true });
  mkdirSync(join(base, 'renderer-evil'));
  writeFileSync(join(base, 'secret.txt'), 'SECRET');
  writeFileSync(join(base, 'renderer-evil', 'x.js'), 'SECRET');
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Breachdesk</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'fonts', 'inter.woff2'), 'font');
  writeFileSync(join(root, 'assets', 'blob.bin'), 'bytes');
});

/** The real file system, noting every path the handler touches. */
function recordingFs(): RendererFileSystem & { touched: string[] } {
  const touched: string[] = [];
  return {
    touched,
    stat: (path) => (touched.push(path), stat(path)),
    readFile: (path) => (touched.push(path), readFile(path)),
  };
}

async function get(url: string, method = 'GET') {
  const fs = recordingFs();
  const response = await serveAppRequest(root, { method, url }, fs);
  return { response, body: await response.text(), touched: fs.touched };
}

describe('serveAppRequest', () => {
  it.each([
    ['app://breachdesk/', 'text/html; charset=utf-8'],
    ['app://breachdesk/index.html', 'text/html; charset=utf-8'],
    ['app://breachdesk/assets/app.js', 'text/javascript; charset=utf-8'],
    ['app://breachdesk/assets/app.css?v=1', 'text/css; charset=utf-8'],
    ['app://breachdesk/assets/fonts/inter.woff2', 'font/woff2'],
    ['app://breachdesk/assets/blob.bin', 'application/octet-stream'],
  ])('serves %s as %s with the security headers', async (url, type) => {
    const { response, body } = await get(url);
    expect(response.status).toBe(200);
    expect(body.length).toBeGreaterThan(0);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('access-control-allow-origin')).toBe('app://breachdesk');
  });

  it('answers HEAD without reading the body', async () => {
    const { response, body, touched } = await get('app://breachdesk/assets/app.js', 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(body).toBe('');
    expect(touched).toHaveLength(1);
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])(
    'refuses %s without touching the disk',
    async (method) => {
      const { response, touched } = await get('app://breachdesk/index.html', method);
      expect(response.status).toBe(405);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(touched).toEqual([]);
    },
  );

  it.each(['app://breachdesk/missing.js', 'app://breachdesk/assets', 'app://breachdesk/assets/'])(
    'answers 404 for %s (missing or a folder)',
    async (url) => {
      const { response, body } = await get(url);
      expect(response.status).toBe(404);
      expect(body).toBe('Not found');
    },
  );

  it('answers 404 when a file cannot be read', async () => {
    const broken: RendererFileSystem = {
      stat: () => Promise.resolve({ isFile: () => true }),
      readFile: () => Promise.reject(new Error('EACCES /some/private/path')),
    };
    const response = await serveAppRequest(
      root,
      { method: 'GET', url: 'app://breachdesk/index.html' },
      broken,
    );
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not found');
  });

  it.each([
    'app://breachdesk/../secret.txt',
    'app://breachdesk/%2e%2e/secret.txt',
    'app://breachdesk/%2E%2E/%2E%2E/secret.txt',
    'app://breachdesk/..%2fsecret.txt',
    'app://breachdesk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://breachdesk/..%2frenderer-evil%2fx.js',
    'app://breachdesk/..%5csecret.txt',
    'app://breachdesk/assets\\..\\..\\secret.txt',
    'app://breachdesk//etc/passwd',
    'app://breachdesk/%2fetc%2fpasswd',
    'app://breachdesk/C:/Windows/win.ini',
    'app://breachdesk/index.html%00.png',
    'app://breachdesk/%E0%A4%A',
    'app://evil/secret.txt',
    'app://breachdesk.evil/index.html',
    'app://breachdesk:8080/index.html',
    'https://breachdesk/index.html',
    'file:///etc/passwd',
  ])('serves nothing outside the renderer folder for %s', async (url) => {
    const { response, body, touched } = await get(url);
    expect(response.status).not.toBe(200);
    expect(body).not.toContain('SECRET');
    for (const path of touched) expect(path.startsWith(root + sep)).toBe(true);
  });
});

describe('resolveRendererFile', () => {
  it.each([
    ['app://breachdesk/..%2fsecret.txt', 403],
    ['app://breachdesk/assets/%2e%2e%2f%2e%2e%2fsecret.txt', 403],
    ['app://breachdesk/%2e%2e%2f', 403],
    ['app://breachdesk/..%5csecret.txt', 400],
    ['app://breachdesk/%00', 400],
    ['app://breachdesk/%E0%A4%A', 400],
    ['app://evil/index.html', 404],
    ['file:///etc/passwd', 404],
    ['not a url', 400],
  ] as const)('refuses %s with %i', (url, status) => {
    expect(resolveRendererFile('/srv/renderer', url)).toMatchObject({ kind: 'refused', status });
  });

  it('maps the root to index.html and keeps "absolute" paths inside the folder', () => {
    expect(resolveRendererFile('/srv/renderer', 'app://breachdesk/')).toEqual({
      kind: 'file',
      path: join('/srv/renderer', 'index.html'),
    });
    expect(resolveRendererFile('/srv/renderer', 'app://breachdesk//etc/passwd')).toEqual({
      kind: 'file',
      path: join('/srv/renderer', 'etc', 'passwd'),
    });
  });
});
