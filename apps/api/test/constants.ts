/** Shared by vitest.config.ts (which binds it as ADMIN_TOKEN) and the admin tests. */
export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';
