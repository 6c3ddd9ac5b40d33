/** What every route module declares the same way: its router, JSON bodies, bearer security. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';
import { validationHook } from '../http.js';

/** A resource's router: zod validates params, query and body; failures are 400 `invalid_request`. */
export const router = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

/** A JSON request or response body of `schema`. */
export const json = <T>(schema: T) => ({ 'application/json': { schema } });
