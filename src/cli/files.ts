import { promises as fsp, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { minimatch } from 'minimatch';
import { decodeText } from '../core/text';
import type { FilePort } from '../core/ports';

/** Largest article the CLI reads (bytes). Larger files get a clear message, not a hang. */
export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

const GLOB_CHARS = /[*?[\]{}]/;

/** Expands file arguments and globs (relative to cwd), in argument order, without duplicates. */
export function expandFiles(args: readonly string[], cwd: string): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    if (!seen.has(f)) {
      seen.add(f);
      files.push(f);
    }
  };
  for (const arg of args) {
    if (!GLOB_CHARS.test(arg)) {
      const abs = resolve(cwd, arg);
      try {
        if (statSync(abs).isDirectory()) {
          for (const f of walk(abs)) if (/\.(txt|md|news)$/i.test(f) && !f.endsWith('.annotations.yaml')) add(f);
        } else add(abs);
      } catch {
        missing.push(arg);
      }
      continue;
    }
    const parts = arg.split(/[\\/]/);
    const baseParts: string[] = [];
    for (const p of parts) {
      if (GLOB_CHARS.test(p)) break;
      baseParts.push(p);
    }
    const base = resolve(cwd, baseParts.join(sep) || '.');
    const pattern = resolve(cwd, arg).split(sep).join('/');
    const matched = walk(base)
      .filter((f) => minimatch(f.split(sep).join('/'), pattern, { dot: false }))
      .sort();
    if (!matched.length) missing.push(arg);
    matched.forEach(add);
  }
  return { files, missing };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name === '.git') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

export type ArticleRead = { ok: true; text: string; warnings: string[] } | { ok: false; message: string };

/** Reads an article as text: UTF-8, BOM removed, binary and oversized files refused with a message. */
export async function readArticle(file: string): Promise<ArticleRead> {
  let size: number;
  try {
    size = (await fsp.stat(file)).size;
  } catch {
    return { ok: false, message: `${file}: no such file` };
  }
  if (size > MAX_ARTICLE_BYTES) {
    return { ok: false, message: `${file}: ${(size / 1048576).toFixed(1)} MB is larger than the ${MAX_ARTICLE_BYTES / 1048576} MB limit for an article` };
  }
  const decoded = decodeText(await fsp.readFile(file));
  if (!decoded.ok) return { ok: false, message: `${file}: ${decoded.message}; not analysed` };
  const warnings = decoded.invalidUtf8 ? [`${file}: invalid UTF-8 bytes were replaced with U+FFFD`] : [];
  return { ok: true, text: decoded.text, warnings };
}

/** Path as shown to the user: relative to cwd when inside it. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** Node `fs` behind the core's file port: atomic writes by temp file + rename in the same folder. */
export const nodeFilePort: FilePort = {
  async read(path) {
    try {
      return await fsp.readFile(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  },
  async writeAtomic(path, data) {
    const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
    const handle = await fsp.open(tmp, 'w');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fsp.rename(tmp, path);
    } catch (e) {
      await fsp.rm(tmp, { force: true });
      throw e;
    }
  },
  async rename(from, to) {
    await fsp.rename(from, to);
  },
  async remove(path) {
    await fsp.rm(path, { force: true });
  },
};
