import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configuredSiteUrl, isLocalOrigin } from './site-url.ts';

const config = (siteUrl: string) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'site-url-')), 'wrangler.jsonc');
  writeFileSync(file, `{\n  // comment\n  "name": "x",\n  "vars": { "SITE_URL": "${siteUrl}", },\n}\n`);
  return file;
};

describe('configuredSiteUrl', () => {
  it('prefers the flag, then the environment, then wrangler.jsonc', () => {
    const file = config('https://from-config.example');
    expect(configuredSiteUrl('https://flag.example/', 'https://env.example', file)).toBe(
      'https://flag.example',
    );
    expect(configuredSiteUrl(undefined, 'https://env.example', file)).toBe('https://env.example');
    expect(configuredSiteUrl(undefined, undefined, file)).toBe('https://from-config.example');
  });
  it('treats the local development origin as not configured', () => {
    expect(configuredSiteUrl(undefined, undefined, config('http://localhost:8787'))).toBeUndefined();
    expect(isLocalOrigin('http://127.0.0.1:9000')).toBe(true);
    expect(isLocalOrigin('https://prep.example.com')).toBe(false);
  });
  it('refuses a URL with a path', () => {
    expect(() => configuredSiteUrl('https://x.example/site', undefined, config(''))).toThrow(
      /without a path/,
    );
  });
});
