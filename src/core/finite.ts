/**
 * Numerical sanity of a run: state checks while it runs (once per recorded sample, over values already
 * at hand) and a final check of every number written out. A NaN or Infinity must never reach
 * summary.json (JSON writes it as null) or a CSV (an empty cell), and a concentration or count must never
 * be negative, so both stop the run with an error that names the quantity, the time and the place.
 */

/** The simulation state left the range the numerics handle; names quantity, time (days) and place. */
export class SimulationStateError extends Error {
  readonly quantity: string;
  readonly timeDays: number;
  readonly place: string;
  constructor(quantity: string, value: number, timeDays: number, place: string, why: string) {
    super(`simulation stopped at day ${Number(timeDays.toPrecision(6))}: ${quantity} = ${value} at ${place} (${why}); the scenario drives the model outside what its numerics handle — bring extreme values toward their defaults`);
    this.name = 'SimulationStateError';
    this.quantity = quantity;
    this.timeDays = timeDays;
    this.place = place;
  }
}

/** A number written to the outputs is not finite; names the field. */
export class OutputCheckError extends Error {
  readonly field: string;
  constructor(field: string, value: number) {
    super(`output check failed: ${field} = ${value} (outputs must hold finite numbers); nothing was written`);
    this.name = 'OutputCheckError';
    this.field = field;
  }
}

/** Relative slack for negatives from round-off (an implicit solve can leave -1e-20 where 0 is exact). */
const NEGATIVE_SLACK = -1e-9;

/**
 * Checks one recorded row: every value finite and (for quantities that are amounts, fractions or
 * concentrations) not negative beyond round-off. Throws SimulationStateError at the first bad value.
 */
export function checkRecordedRow(values: ArrayLike<number>, offset: number, names: readonly string[], timeDays: number, place: string): void {
  for (let j = 0; j < names.length; j++) {
    const x = values[offset + j];
    if (!Number.isFinite(x)) throw new SimulationStateError(names[j], x, timeDays, place, 'not finite');
    if (x < NEGATIVE_SLACK) throw new SimulationStateError(names[j], x, timeDays, place, 'negative');
  }
}

/** Checks a whole series (one value per sample time, days); throws at the first non-finite or negative value. */
export function checkSeries(name: string, values: ArrayLike<number>, timesDays: ArrayLike<number>, place: string): void {
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!Number.isFinite(x) || x < NEGATIVE_SLACK) throw new SimulationStateError(name, x, timesDays[i], place, Number.isFinite(x) ? 'negative' : 'not finite');
  }
}

/** Path of the first non-finite number inside a JSON-like value (objects, arrays, typed arrays), or undefined. */
export function firstNonFinite(value: unknown, path = ''): { path: string; value: number } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { path: path || '(root)', value };
  if (value === null || typeof value !== 'object') return undefined;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const a = value as unknown as ArrayLike<number | bigint>;
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      if (typeof x === 'number' && !Number.isFinite(x)) return { path: `${path}[${i}]`, value: x };
    }
    return undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = firstNonFinite(value[i], `${path}[${i}]`);
      if (hit) return hit;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'function') continue;
    const hit = firstNonFinite(v, path ? `${path}.${k}` : k);
    if (hit) return hit;
  }
  return undefined;
}

/** Final output check: throws OutputCheckError naming the first non-finite number in the summary or a table. */
export function checkOutputFinite(output: { summary: unknown; tables: Record<string, Record<string, ArrayLike<number> | readonly string[]>> }): void {
  const s = firstNonFinite(output.summary, 'summary');
  if (s) throw new OutputCheckError(s.path, s.value);
  for (const [name, table] of Object.entries(output.tables)) {
    for (const [col, values] of Object.entries(table)) {
      for (let i = 0; i < values.length; i++) {
        const x = values[i];
        if (typeof x === 'number' && !Number.isFinite(x)) throw new OutputCheckError(`${name}.csv column ${col} row ${i + 1}`, x);
      }
    }
  }
}
