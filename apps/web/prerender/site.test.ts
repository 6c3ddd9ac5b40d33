import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { absoluteUrl, parseSiteUrl, resolveSite, wranglerSiteUrl } from './site.ts';

function wranglerConfig(body: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'site-')), 'wrangler.jsonc');
  writeFileSync(file, body);
  return file;
}

describe('site URL', () => {
  it('normalizes an origin and refuses anything else', () => {
    expect(parseSiteUrl('https://prep.example.com/')).toBe('https://prep.example.com');
    expect(parseSiteUrl(' http://localhost:8787 ')).toBe('http://localhost:8787');
    expect(() => parseSiteUrl('prep.example.com')).toThrow(/absolute URL/);
    expect(() => parseSiteUrl('ftp://prep.example.com')).toThrow(/http or https/);
    expect(() => parseSiteUrl('https://prep.example.com/docs')).toThrow(/without a path/);
  });

  it('reads vars.SITE_URL from wrangler.jsonc, comments and trailing commas included', () => {
    const file = wranglerConfig('{\n  // the site\n  "vars": { "SITE_URL": "https://a.example", },\n}\n');
    expect(wranglerSiteUrl(file)).toBe('https://a.example');
    expect(resolveSite({}, file).origin).toBe('https://a.example');
    expect(resolveSite({ SITE_URL: 'https://b.example' }, file).origin).toBe('https://b.example');
  });

  it('says where to configure it when it is missing', () => {
    const file = wranglerConfig('{ "vars": {} }');
    expect(() => resolveSite({}, file)).toThrow(/vars\.SITE_URL/);
  });

  it('the repo configures one', () => {
    expect(() => resolveSite({})).not.toThrow();
  });

  it('builds absolute URLs', () => {
    const site = { origin: 'https://a.example', name: 'x' };
    expect(absoluteUrl(site, '/guides/g')).toBe('https://a.example/guides/g');
    expect(absoluteUrl(site, '/')).toBe('https://a.example/');
  });
});
