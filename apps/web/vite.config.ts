import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|css|svg|json|txt|map|csv)$/;

/**
 * Writes .br and .gz beside every text asset once at build time, so the server sends
 * precompressed bytes (best compression, no CPU per request) to whichever encoding a browser takes.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'karina-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const assets = join(outDir, 'assets');
      for (const name of readdirSync(assets)) {
        const file = join(assets, name);
        if (!COMPRESSIBLE.test(name) || !statSync(file).isFile()) continue;
        const bytes = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
        );
      }
    },
  };
}

const api = process.env.DEV_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  // Relative URLs: the server points index.html at /assets/, /sugang/assets/ or a CDN
  // (KARINA_ASSET_BASE_URL) when it serves it, and chunks load each other relative to themselves.
  base: './',
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    manifest: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  server: {
    proxy: {
      '/student/api': api,
      '/admin/api': api,
      '/sugang/api': api,
    },
  },
});
