/** The ArrayBuffers inside a result (typed arrays at any depth), to move instead of copy between threads. */
export function transferables(value: unknown, out = new Set<ArrayBuffer>(), depth = 0): ArrayBuffer[] {
  if (depth > 8 || value === null || typeof value !== 'object') return [...out];
  if (ArrayBuffer.isView(value)) {
    // only whole buffers may move: a view into a shared or larger buffer is copied with the message
    if (value.buffer instanceof ArrayBuffer && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength) out.add(value.buffer);
    return [...out];
  }
  const items = Array.isArray(value) ? value : Object.values(value);
  for (const v of items) transferables(v, out, depth + 1);
  return [...out];
}
