/**
 * Runs one command of the deploy: output streamed live (wrangler's prompts and progress stay
 * visible) and kept, so a failed step can say what went wrong. Never throws for a non-zero
 * exit: the caller decides what a failure means.
 */
import { spawn } from 'node:child_process';

export interface ExecResult {
  code: number;
  output: string;
}

export interface ExecOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  /** Print the output live (default true). */
  echo?: boolean;
}

const MAX_OUTPUT = 200_000;

export function exec(command: string, args: string[], options: ExecOptions): Promise<ExecResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['inherit', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (sink: NodeJS.WriteStream) => (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-MAX_OUTPUT);
      if (options.echo ?? true) sink.write(chunk);
    };
    child.stdout.on('data', collect(process.stdout));
    child.stderr.on('data', collect(process.stderr));
    child.on('error', (err) => resolve({ code: 127, output: `${output}${err.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

/** The last lines of a command's output, for an error message. */
export const tail = (output: string, lines = 15): string =>
  output.trimEnd().split('\n').slice(-lines).join('\n');
