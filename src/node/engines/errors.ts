/** Bad input the user can fix (an unreachable Redis, an unknown run id): the CLI prints the message and exits 2. */
export class BadInputError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'BadInputError';
  }
}
