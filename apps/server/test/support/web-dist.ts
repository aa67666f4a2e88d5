import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/** A built web app as Vite lays it out (base './'), small enough to write per suite. */
export interface FakeWebDist {
  dir: string;
  indexHtml: string;
  /** Asset files by name under assets/, each with the bytes of its .br and .gz siblings. */
  assets: Record<string, { identity: Buffer; br: Buffer; gzip: Buffer }>;
  remove(): Promise<void>;
}

export const FAKE_ENTRY = 'index-BX3a9f.js';
export const FAKE_STYLE = 'index-C0ffee.css';
export const FAKE_CHUNK = 'admin-Qz81ab.js';

const INDEX_HTML = `<!doctype html>
<html lang="ko">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>Karina 수강신청</title>
    <script type="module" crossorigin src="./assets/${FAKE_ENTRY}"></script>
    <link rel="modulepreload" crossorigin href="./assets/${FAKE_CHUNK}">
    <link rel="stylesheet" crossorigin href="./assets/${FAKE_STYLE}">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

export async function createFakeWebDist(options: { withIndex?: boolean } = {}): Promise<FakeWebDist> {
  const dir = await mkdtemp(join(tmpdir(), 'karina-web-dist-'));
  await mkdir(join(dir, 'assets'));
  if (options.withIndex !== false) await writeFile(join(dir, 'index.html'), INDEX_HTML);
  const sources: Record<string, string> = {
    [FAKE_ENTRY]: `import('./${FAKE_CHUNK}');\n${'console.log("수강신청 entry");\n'.repeat(200)}`,
    [FAKE_CHUNK]: `export const admin = ${JSON.stringify('학과 관리 '.repeat(300))};\n`,
    [FAKE_STYLE]: `${'.catalog { color: #123456; }\n'.repeat(200)}`,
  };
  const assets: FakeWebDist['assets'] = {};
  for (const [name, text] of Object.entries(sources)) {
    const identity = Buffer.from(text, 'utf8');
    const file = { identity, br: brotliCompressSync(identity), gzip: gzipSync(identity) };
    await writeFile(join(dir, 'assets', name), file.identity);
    await writeFile(join(dir, 'assets', `${name}.br`), file.br);
    await writeFile(join(dir, 'assets', `${name}.gz`), file.gzip);
    assets[name] = file;
  }
  return {
    dir,
    indexHtml: INDEX_HTML,
    assets,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
