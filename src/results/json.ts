/**
 * JSON text of a result: typed arrays become plain arrays (JSON.stringify would write `{"0":…}` objects),
 * so every consumer (pandas, R, the web lab) reads numbers as arrays.
 */
export function resultJson(value: unknown): string {
  return (
    JSON.stringify(
      value,
      (_key, v: unknown) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as unknown as ArrayLike<number>) : v),
      2,
    ) + '\n'
  );
}
