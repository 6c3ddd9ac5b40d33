/** The real CLI, run as a child process with this Node binary, against temp copies of the sample. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, readTree, tempDir, tempSample } from '../__fixtures__/helpers.js';

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A content dir with one error (unknown domain) and one warning (missing explanation). */
function brokenSample(): string {
  const content = tempSample();
  writeFileSync(
    path.join(content, 'questions/sample-cert/broken.md'),
    `---
domain: monitoring
---

:::question{#broken-one domain=monitorin}
Stem?

- [x] Yes
- [ ] No
:::
`,
  );
  return content;
}

describe('examdown build', () => {
  it('writes the bundle files and exits 0', () => {
    const content = tempSample();
    const { code, stdout, stderr } = run(['build', '.', '--out', 'out'], content);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe('0 errors, 0 warnings in 3 files\nwrote out (1 exams, 1 guides, 5 questions)\n');
    const files = [...readTree(path.join(content, 'out')).keys()].sort();
    expect(files).toEqual([
      'private/keys.json',
      'public/exams.json',
      'public/guides.json',
      'public/manifest.json',
      'public/questions.json',
    ]);
  });

  it('defaults to contentDir . and --out bundle', () => {
    const content = tempSample();
    expect(run(['build'], content).code).toBe(0);
    expect(existsSync(path.join(content, 'bundle/public/manifest.json'))).toBe(true);
  });

  it('is byte-identical across runs and directories', () => {
    const first = tempSample();
    const second = tempSample();
    run(['build', '.', '--out', 'out'], first);
    run(['build', '.', '--out', 'out'], second);
    run(['build', '.', '--out', 'again'], first);
    const a = readTree(path.join(first, 'out'));
    expect(readTree(path.join(second, 'out'))).toEqual(a);
    expect(readTree(path.join(first, 'again'))).toEqual(a);
  });

  it('never puts a correct flag, rationale or explanation under public/', () => {
    const content = tempSample();
    run(['build', '.', '--out', 'out'], content);
    const publicText = [...readTree(path.join(content, 'out/public')).values()].join('\n');
    const keys = JSON.parse(readFileSync(path.join(content, 'out/private/keys.json'), 'utf8')) as {
      keys: Array<{ correct: string[]; rationales: Record<string, string>; explanationHtml?: string }>;
    };
    expect(publicText).not.toMatch(/"correct"|"rationales"|"explanationHtml"/);
    for (const key of keys.keys) {
      for (const rationale of Object.values(key.rationales)) expect(publicText).not.toContain(rationale);
      if (key.explanationHtml) expect(publicText).not.toContain(key.explanationHtml.replace(/<[^>]+>/g, ''));
    }
  });

  it('replaces stale files in public/ and private/', () => {
    const content = tempSample();
    mkdirSync(path.join(content, 'out/public'), { recursive: true });
    writeFileSync(path.join(content, 'out/public/stale.json'), '{}');
    writeFileSync(path.join(content, 'out/keep.txt'), 'not ours');
    expect(run(['build', '.', '--out', 'out'], content).code).toBe(0);
    expect(existsSync(path.join(content, 'out/public/stale.json'))).toBe(false);
    expect(existsSync(path.join(content, 'out/keep.txt'))).toBe(true);
  });

  it('writes nothing and removes nothing when there are errors', () => {
    const content = brokenSample();
    mkdirSync(path.join(content, 'out/public'), { recursive: true });
    writeFileSync(path.join(content, 'out/public/previous.json'), '{}');
    const { code } = run(['build', '.', '--out', 'out'], content);
    expect(code).toBe(1);
    expect([...readTree(path.join(content, 'out')).keys()]).toEqual(['public/previous.json']);
  });
});

describe('threads and the cache', () => {
  it('--jobs and the disk cache never change a byte of the bundle', () => {
    const content = tempSample();
    const cache = path.join(tempDir(), 'cache');
    expect(run(['build', '.', '--out', 'serial', '--jobs', '1', '--no-cache'], content).code).toBe(0);
    expect(run(['build', '.', '--out', 'parallel', '--jobs', '2', '--no-cache'], content).code).toBe(0);
    expect(run(['build', '.', '--out', 'cold', '--cache-dir', cache], content).code).toBe(0);
    expect(run(['build', '.', '--out', 'warm', '--cache-dir', cache], content).code).toBe(0);
    const serial = readTree(path.join(content, 'serial'));
    for (const out of ['parallel', 'cold', 'warm']) expect(readTree(path.join(content, out))).toEqual(serial);
    const [folder] = readdirSync(cache);
    expect(readdirSync(path.join(cache, folder as string)).filter((f) => f.endsWith('.entry'))).toHaveLength(
      3,
    );
  });

  it('keeps its cache in node_modules/.cache/examdown of the nearest package, never in bare content', () => {
    const bare = tempSample();
    expect(run(['build', '.', '--out', 'out'], bare).code).toBe(0);
    expect(readdirSync(bare).sort()).toEqual(['exams', 'guides', 'out', 'questions']);

    const project = tempSample();
    writeFileSync(path.join(project, 'package.json'), '{"name":"content","private":true}\n');
    expect(run(['build', '.', '--out', 'out'], project).code).toBe(0);
    const root = path.join(project, 'node_modules/.cache/examdown');
    const [folder] = readdirSync(root);
    expect(readdirSync(path.join(root, folder as string)).filter((f) => f.endsWith('.entry'))).toHaveLength(
      3,
    );
    const first = readTree(path.join(project, 'out'));
    // A corrupt cache is ignored: same bundle, exit 0.
    for (const entry of readdirSync(path.join(root, folder as string))) {
      writeFileSync(path.join(root, folder as string, entry), 'garbage');
    }
    const again = run(['build', '.', '--out', 'out'], project);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    expect(readTree(path.join(project, 'out'))).toEqual(first);
  });
});

describe('examdown check', () => {
  it('prints file:line:col: severity: message [rule], a code frame and a summary; exits 1 on errors', () => {
    const content = brokenSample();
    const { code, stdout } = run(['check', 'content'], path.dirname(content));
    expect(code).toBe(1);
    expect(stdout).toBe(
      `content/questions/sample-cert/broken.md:5:1: warning: question 'broken-one' has no explanation: add a :::explanation block saying why the answer is right [missing-explanation]
  4 |
> 5 | :::question{#broken-one domain=monitorin}
    | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  6 | Stem?

content/questions/sample-cert/broken.md:5:25: error: unknown domain 'monitorin' for exam 'sample-cert'; did you mean 'monitoring'? [unknown-domain]
  4 |
> 5 | :::question{#broken-one domain=monitorin}
    |                         ^^^^^^^^^^^^^^^^
  6 | Stem?

1 error, 1 warning in 4 files
`,
    );
  });

  it('writes nothing', () => {
    const content = tempSample();
    expect(run(['check'], content).code).toBe(0);
    expect(existsSync(path.join(content, 'bundle'))).toBe(false);
  });

  it('--format json prints one JSON document', () => {
    const content = brokenSample();
    const { code, stdout } = run(['check', '.', '--format', 'json'], content);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { diagnostics: Array<Record<string, unknown>>; summary: unknown };
    expect(report.summary).toEqual({ errors: 1, warnings: 1, files: 4, questions: 6 });
    expect(report.diagnostics[1]).toEqual({
      file: 'questions/sample-cert/broken.md',
      line: 5,
      column: 25,
      endLine: 5,
      endColumn: 41,
      severity: 'error',
      rule: 'unknown-domain',
      message: "unknown domain 'monitorin' for exam 'sample-cert'; did you mean 'monitoring'?",
    });
  });

  it('--max-warnings turns too many warnings into exit 1', () => {
    const content = tempSample();
    writeFileSync(
      path.join(content, 'questions/sample-cert/warn.md'),
      '---\ndomain: monitoring\n---\n\n:::question{#warn-one}\nStem?\n\n- [x] Yes\n- [ ] No\n:::\n',
    );
    expect(run(['check'], content).code).toBe(0);
    expect(run(['check', '--max-warnings', '1'], content).code).toBe(0);
    const strict = run(['check', '--max-warnings', '0'], content);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe('examdown: 1 warnings, more than --max-warnings 0\n');
  });

  it('reports malformed inputs as diagnostics, never a stack trace', () => {
    const content = tempSample();
    writeFileSync(path.join(content, 'guides/junk.md'), Buffer.from([0x00, 0xff, 0xfe, 0x01]));
    writeFileSync(path.join(content, 'guides/yaml.md'), '---\ntitle: [unclosed\n---\n');
    writeFileSync(
      path.join(content, 'questions/sample-cert/open.md'),
      '::::question{#open-one domain=monitoring}\nStem\n',
    );
    const { code, stdout, stderr } = run(['check', '.', '--format', 'json'], content);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(/\n\s+at /);
    const rules = (JSON.parse(stdout) as { diagnostics: Array<{ rule: string }> }).diagnostics.map(
      (d) => d.rule,
    );
    expect(rules).toEqual(
      expect.arrayContaining([
        'file-unreadable',
        'frontmatter-yaml',
        'directive-unclosed',
        'question-too-few-options',
      ]),
    );
  });

  it('exit 1 with content-empty for a directory without content', () => {
    const dir = tempDir();
    const { code, stdout } = run(['check', '.'], dir);
    expect(code).toBe(1);
    expect(stdout).toBe(
      '.: error: no content: expected Markdown files under exams/, guides/ and questions/<exam-id>/ [content-empty]\n1 error, 0 warnings in 0 files\n',
    );
  });
});

describe('usage', () => {
  it.each([
    [['frobnicate'], "unknown command 'frobnicate'"],
    [[], 'missing command: build or check'],
    [['check', '--frobnicate'], "Unknown option '--frobnicate'"],
    [['check', 'does-not-exist'], "content directory 'does-not-exist' does not exist"],
    [['check', '--format', 'xml'], "--format must be text, json or github, not 'xml'"],
    [['check', '--max-warnings', 'many'], "--max-warnings needs a whole number >= 0, not 'many'"],
    [['check', 'a', 'b'], "unexpected argument 'b'"],
    [['check', '--jobs', '0'], "--jobs needs a whole number >= 1, not '0'"],
    [['check', '--no-cache', '--cache-dir', 'x'], '--no-cache and --cache-dir exclude each other'],
  ])('%j exits 2 with a usage message on stderr', (args, message) => {
    const { code, stdout, stderr } = run(args, tempDir());
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage: examdown <command> [contentDir] [options]');
  });

  it('--help and --version exit 0', () => {
    const help = run(['--help'], tempDir());
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: examdown');
    const version = run(['--version'], tempDir());
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^examdown \d+\.\d+\.\d+\n$/);
  });
});

describe('--watch', () => {
  it('does not rebuild because of its own cache writes', async () => {
    const content = tempSample();
    writeFileSync(path.join(content, 'package.json'), '{"name":"content","private":true}\n');
    const child: ChildProcess = spawn(process.execPath, [CLI, 'build', '.', '--out', 'out', '--watch'], {
      cwd: content,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    try {
      for (let i = 0; i < 200 && !/\[examdown\] build/.test(output); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(output.match(/\[examdown\] build \w+ in \d+ ms/g)).toHaveLength(1);
      expect(existsSync(path.join(content, 'node_modules/.cache/examdown'))).toBe(true);
    } finally {
      child.kill();
      rmSync(content, { recursive: true, force: true });
    }
  });

  it('rebuilds on change and prints a line with the timing', async () => {
    const content = tempSample();
    const child: ChildProcess = spawn(process.execPath, [CLI, 'build', '.', '--out', 'out', '--watch'], {
      cwd: content,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const waitFor = async (count: number) => {
      for (let i = 0; i < 200; i++) {
        if ((output.match(/\[examdown\] build \w+ in \d+ ms/g) ?? []).length >= count) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`no rebuild line in: ${output}`);
    };
    try {
      await waitFor(1);
      appendFileSync(path.join(content, 'guides/sample-cert-guide.md'), '\nOne more line.\n');
      await waitFor(2);
      expect(output).toMatch(/\[examdown\] build ok in \d+ ms; watching for changes/);
      expect(readFileSync(path.join(content, 'out/public/guides.json'), 'utf8')).toContain('One more line.');
    } finally {
      child.kill();
      rmSync(content, { recursive: true, force: true });
    }
  });
});
