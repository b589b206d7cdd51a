#!/usr/bin/env node
// A tiny static file server for www/ (or any folder): `make serve` and the
// browser tests use it, so the right MIME types (application/wasm, text/javascript)
// are served everywhere without a Python or npm server dependency.
//
//   node scripts/serve.mjs [DIR] [PORT]     PORT 0 picks a free port
// Prints "serving DIR at http://127.0.0.1:PORT/" once listening.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `dir` on `port` (0: a free one). `delay` holds every answer back
 * that many milliseconds, as a slow classroom network or a distant host
 * would: the browser tests and bench/browser-bench.mjs use it.
 */
export function serve(dir, port = 0, { delay = 0 } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    if (delay > 0) await new Promise((ok) => setTimeout(ok, delay));
    try {
      const url = new URL(req.url, 'http://x');
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      if (path !== root && !path.startsWith(root + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      const st = await stat(path).catch(() => null);
      if (st && st.isDirectory()) path = join(path, 'index.html');
      const body = await readFile(path);
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] || 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] || 'www';
  const port = Number(process.argv[3] ?? 8000);
  const server = await serve(dir, port);
  console.log(`serving ${dir} at http://127.0.0.1:${server.address().port}/`);
}
