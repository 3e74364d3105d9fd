/** A problem with the user's input (flags, files, output path, run size): exit code 2, one line per problem. */
export class UserError extends Error {
  readonly lines: string[];
  constructor(lines: string | string[]) {
    const all = Array.isArray(lines) ? lines : [lines];
    super(all.join('\n'));
    this.name = 'UserError';
    this.lines = all;
  }
}
