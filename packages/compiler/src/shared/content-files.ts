/**
 * Local files that content may link to (images, PDFs), with their media types, and the URL they
 * are served at. One table for the compiler (which copies them into the bundle) and the Worker
 * and dev server (which serve them).
 */
export const CONTENT_FILE_TYPES = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
  avif: 'image/avif',
  pdf: 'application/pdf',
} as const;

export type ContentFileExtension = keyof typeof CONTENT_FILE_TYPES;

/** Where the Worker serves bundle assets. */
export const ASSET_URL_PREFIX = '/api/v1/assets/';
