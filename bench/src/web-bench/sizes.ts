/** Step 1 of the web benchmark: every JS and CSS file of apps/web/dist, raw and gzip -9. */
import { globSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { round, WEB_DIR } from '../edge/common.ts';

export interface FileSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export function webSizes(): { files: FileSize[]; js: FileSize; css: FileSize } {
  const dist = path.join(WEB_DIR, 'dist');
  const files: FileSize[] = globSync('**/*.{js,mjs,css}', { cwd: dist })
    .sort()
    .map((file) => {
      const data = readFileSync(path.join(dist, file));
      return { file, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
    });
  const total = (ext: RegExp, label: string): FileSize => {
    const chosen = files.filter((f) => ext.test(f.file));
    return {
      file: label,
      bytes: chosen.reduce((s, f) => s + f.bytes, 0),
      gzipBytes: chosen.reduce((s, f) => s + f.gzipBytes, 0),
    };
  };
  return { files, js: total(/\.m?js$/, 'all JS'), css: total(/\.css$/, 'all CSS') };
}

export const kib = (bytes: number) => round(bytes / 1024, 1);
