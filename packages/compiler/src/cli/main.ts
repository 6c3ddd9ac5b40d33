#!/usr/bin/env node
/**
 * The `examdown` executable. Kept tiny so the compile cache is on before the parser stack
 * (unified, micromark, zod: hundreds of modules) loads: it roughly halves start-up time.
 */
import module from 'node:module';

module.enableCompileCache?.();

const { main } = await import('./run.js');
main(process.argv.slice(2)).then(
  (code) => {
    // -1: watch mode keeps running.
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    // Last line of defence: no stack traces for authors.
    process.stderr.write(
      `examdown: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
