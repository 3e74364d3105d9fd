import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * Tutorials that run as tests (after Chaste): each test/tutorials/<name>.test.ts is the tutorial. Lines that
 * start with `//> ` are prose (Markdown); everything else is code, shown in TypeScript blocks. The docs in
 * docs/tutorials/ are generated from these files (`node --import tsx scripts/tutorials.ts`) and a test keeps
 * them in sync, so the tutorial text can never drift from code that runs.
 */
export const TUTORIAL_DIR = join(import.meta.dirname);
export const DOCS_DIR = join(import.meta.dirname, '..', '..', 'docs', 'tutorials');

/** Markdown of one literate test file. */
export function tutorialMarkdown(source: string): string {
  const out: string[] = [];
  let code: string[] = [];
  const flush = (): void => {
    while (code.length && code[0].trim() === '') code.shift();
    while (code.length && code[code.length - 1].trim() === '') code.pop();
    if (code.length) {
      if (out.length && out[out.length - 1] !== '') out.push('');
      out.push('```ts', ...code, '```', '');
    }
    code = [];
  };
  for (const line of source.split('\n')) {
    if (line.startsWith('//>')) {
      flush();
      out.push(line.replace(/^\/\/> ?/, ''));
    } else code.push(line);
  }
  flush();
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

/** Tutorial files and their generated Markdown, by output file name. */
export function allTutorials(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(TUTORIAL_DIR).filter((x) => x.endsWith('.test.ts') && x !== 'docs.test.ts').sort()) {
    out[`${basename(f, '.test.ts')}.md`] = tutorialMarkdown(readFileSync(join(TUTORIAL_DIR, f), 'utf8'));
  }
  return out;
}
