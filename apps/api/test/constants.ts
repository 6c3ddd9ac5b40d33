/** Shared by vitest.config.ts (which binds it as ADMIN_TOKEN) and the admin tests. */
export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

/**
 * Files of a content bundle (`public/assets/<hash>.<ext>`), as the web build copies them among the
 * static assets: vitest.config.ts serves the web build plus these to the Worker under test.
 */
export const TEST_ASSETS: Record<string, string> = {
  // A 1×1 transparent PNG.
  '0a1b2c3d4e5f6789.png':
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  // An SVG that would run script if it were served as a page of the site.
  '1b2c3d4e5f6a7b8c.svg': btoa(
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10" style="fill:red"/></svg>',
  ),
  '2c3d4e5f6a7b8c9d.pdf': btoa('%PDF-1.4\n%%EOF\n'),
};
