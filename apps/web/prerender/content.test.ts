import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ASSET_URL_PREFIX } from '@examdown/compiler';
import { describe, expect, it } from 'vitest';
import { copyBundleAssets } from './content.ts';

describe('the content files among the static assets', () => {
  it('copies the bundle’s public/assets to where the content links them', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'assets-'));
    const bundle = path.join(root, 'bundle/public');
    const dist = path.join(root, 'dist');
    mkdirSync(path.join(bundle, 'assets'), { recursive: true });
    writeFileSync(path.join(bundle, 'assets/0a1b2c3d4e5f6789.png'), 'png bytes');
    writeFileSync(path.join(bundle, 'assets/1b2c3d4e5f6a7b8c.svg'), '<svg/>');
    expect(copyBundleAssets(dist, ASSET_URL_PREFIX, bundle)).toBe(2);
    const out = path.join(dist, 'api/v1/assets');
    expect(readdirSync(out).sort()).toEqual(['0a1b2c3d4e5f6789.png', '1b2c3d4e5f6a7b8c.svg']);
    expect(readFileSync(path.join(out, '0a1b2c3d4e5f6789.png'), 'utf8')).toBe('png bytes');
  });

  it('a bundle without files copies nothing', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'assets-'));
    expect(copyBundleAssets(path.join(root, 'dist'), ASSET_URL_PREFIX, root)).toBe(0);
    expect(readdirSync(root)).toEqual([]);
  });
});
