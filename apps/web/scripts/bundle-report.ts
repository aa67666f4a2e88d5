import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface PageBudget {
  /** The page's route module, e.g. src/features/catalog/routes/catalog.tsx. */
  page: string;
  /** Gzipped bytes of the JavaScript a browser must load to show it: the entry and the page's static imports. */
  gzipBytes: number;
  files: string[];
}

export interface BundleReport {
  entryGzipBytes: number;
  pages: PageBudget[];
  /** Chunks of the registrar's pages (src/features/admin/) that a student page loads; should be none. */
  adminInStudentPages: string[];
}

const distDefault = fileURLToPath(new URL('../dist/', import.meta.url));

/** What each page costs to open, read from the Vite manifest of a build in `dist`. */
export function bundleReport(dist: string = distDefault): BundleReport {
  const manifest = JSON.parse(readFileSync(`${dist}/.vite/manifest.json`, 'utf8')) as Manifest;
  const gzip = new Map<string, number>();
  const sizeOf = (file: string) => {
    let size = gzip.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(`${dist}/${file}`), { level: 9 }).length;
      gzip.set(file, size);
    }
    return size;
  };
  const closure = (key: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) closure(imported, seen);
    return seen;
  };
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entryKey) throw new Error('the manifest has no entry');
  const entry = closure(entryKey);
  const bytes = (keys: Set<string>) => [...keys].reduce((sum, k) => sum + sizeOf(manifest[k]?.file ?? ''), 0);
  const pages: PageBudget[] = [];
  const adminInStudentPages = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isDynamicEntry || !key.includes('/routes/')) continue;
    const keys = closure(key, new Set(entry));
    pages.push({ page: key, gzipBytes: bytes(keys), files: [...keys].map((k) => manifest[k]?.file ?? k) });
    if (!key.startsWith('src/features/admin/')) {
      for (const k of keys) if (k.startsWith('src/features/admin/')) adminInStudentPages.add(k);
    }
  }
  for (const k of entry) if (k.startsWith('src/features/admin/')) adminInStudentPages.add(k);
  pages.sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { entryGzipBytes: bytes(entry), pages, adminInStudentPages: [...adminInStudentPages] };
}

export function formatReport(report: BundleReport): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const lines = [`entry (every page): ${kb(report.entryGzipBytes)} gzipped`];
  for (const p of report.pages) lines.push(`${kb(p.gzipBytes).padStart(9)}  ${p.page}`);
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(formatReport(bundleReport()));
