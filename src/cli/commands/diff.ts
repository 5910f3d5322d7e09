/** `aksnet diff`: what changed between two designs, or a design and its version at a git ref. */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { AksnetError, ExitCode } from '../../shared/errors.js';
import { validateFile } from '../../validate/run-files.js';
import { diffDesigns } from '../../diff/design-diff.js';
import { formatDiffJson, formatDiffMarkdown, formatDiffText } from '../../diff/format.js';
import { writeFileAtomic } from '../../shared/io.js';

export interface DiffCliOptions {
  base?: string;
  format: 'text' | 'markdown' | 'json';
  output?: string;
  config?: string | boolean;
}

export async function diffCommand(files: string[], opts: DiffCliOptions): Promise<number> {
  let baseFile: string;
  let headFile: string;
  let temp: string | undefined;
  if (opts.base !== undefined) {
    if (files.length !== 1)
      throw new AksnetError('with --base <ref>, give exactly one design file', undefined, ExitCode.usage);
    headFile = files[0]!;
    temp = baseFromGit(opts.base, headFile);
    baseFile = temp;
  } else {
    if (files.length !== 2)
      throw new AksnetError(
        'give two design files (base and head), or one file and --base <git ref>',
        undefined,
        ExitCode.usage,
      );
    [baseFile, headFile] = files as [string, string];
  }
  const config = opts.config === false ? false : typeof opts.config === 'string' ? opts.config : undefined;
  try {
    const base = await validateFile(baseFile, { config });
    const head = await validateFile(headFile, { config });
    const d = diffDesigns(
      {
        file: opts.base !== undefined ? `${opts.base}:${headFile}` : base.arch.file,
        model: base.arch.model,
        findings: base.result.findings,
        unverified: base.result.unverified ?? [],
      },
      {
        file: head.arch.file,
        model: head.arch.model,
        findings: head.result.findings,
        unverified: head.result.unverified ?? [],
      },
    );
    const text =
      opts.format === 'json'
        ? formatDiffJson(d)
        : opts.format === 'markdown'
          ? formatDiffMarkdown(d)
          : formatDiffText(d);
    if (opts.output) writeFileAtomic(opts.output, text);
    else process.stdout.write(text);
    return ExitCode.ok;
  } finally {
    if (temp) rmSync(temp, { force: true });
  }
}

/** Writes the file's content at a git ref beside it (so its relative imports resolve) and returns the path. */
function baseFromGit(ref: string, file: string): string {
  const abs = resolve(file);
  const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dirname(abs), encoding: 'utf8' });
  if (top.status !== 0)
    throw new AksnetError(`--base needs ${file} to be in a git repository`, undefined, ExitCode.usage);
  const rel = relative(top.stdout.trim(), abs).split('\\').join('/');
  const show = spawnSync('git', ['show', `${ref}:${rel}`], {
    cwd: dirname(abs),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (show.status !== 0)
    throw new AksnetError(
      `cannot read ${rel} at ${ref}: ${show.stderr.trim().split('\n')[0] ?? ''}`,
      undefined,
      ExitCode.usage,
    );
  const out = join(dirname(abs), `.aksnet-base-${process.pid}-${basename(abs)}`);
  writeFileSync(out, show.stdout);
  return out;
}
