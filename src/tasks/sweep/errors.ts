/**
 * Bad input found while planning or reducing a sweep, sensitivity or calibration task (an unknown path, an
 * out-of-range value, an output that names nothing). Shells map it to their "bad input" answer (the CLI:
 * exit 2, nothing written); each line names the field.
 */
export class TaskInputError extends Error {
  readonly lines: string[];
  constructor(lines: string[]) {
    super(lines.join('\n'));
    this.name = 'TaskInputError';
    this.lines = lines;
  }
}
