/** `--format github`: the real CLI prints GitHub Actions workflow commands a runner turns into annotations. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, tempSample } from '../__fixtures__/helpers.js';
import { escapeData, escapeProperty } from './github.js';

function check(cwd: string) {
  const result = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'github'], {
    cwd,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout };
}

describe('examdown check --format github', () => {
  it('prints one ::error / ::warning command per diagnostic with file, position and rule', () => {
    const content = tempSample();
    writeFileSync(
      path.join(content, 'questions/sample-cert/broken.md'),
      '---\ndomain: monitoring\n---\n\n:::question{#broken-one domain=monitorin}\nStem?\n\n- [x] Yes\n- [ ] No\n:::\n',
    );
    const { code, stdout } = check(content);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toContain(
      "::error file=questions/sample-cert/broken.md,line=5,col=25,endLine=5,endColumn=41,title=unknown-domain::unknown domain 'monitorin' for exam 'sample-cert'; did you mean 'monitoring'?",
    );
    expect(lines.filter((l) => l.startsWith('::warning file=questions/sample-cert/broken.md,'))).toHaveLength(
      1,
    );
    expect(lines.at(-1)).toBe('1 error, 1 warning in 4 files');
  });

  it('prints only the summary for clean content, and exits 0', () => {
    const { code, stdout } = check(tempSample());
    expect(code).toBe(0);
    expect(stdout).toBe('0 errors, 0 warnings in 3 files\n');
  });

  it('escapes what would end a property or the message', () => {
    expect(escapeProperty('a:b,c%d')).toBe('a%3Ab%2Cc%25d');
    expect(escapeData('line 1\nline 2: 100%')).toBe('line 1%0Aline 2: 100%25');
  });
});
