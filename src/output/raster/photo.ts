import { encodePng } from './png.ts';

/** PNG bytes of a picture held as raw RGBA (a study photo, a rendered view of model state). */
export function photoPng(p: { width: number; height: number; rgba: Uint8ClampedArray | Uint8Array }): Uint8Array {
  return encodePng(p.width, p.height, new Uint8Array(p.rgba.buffer, p.rgba.byteOffset, p.rgba.byteLength));
}
