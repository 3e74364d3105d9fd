/**
 * Extracting 2-D slices and depth profiles from a 3-D voxel field (index x + nx·(y + ny·z), z = depth).
 * The grid is taken structurally ({ nx, ny, nz, dxM }) so this module does not depend on the solver.
 */

/** The grid shape this module needs (a TransportGrid satisfies it). */
export interface GridShape {
  readonly nx: number;
  readonly ny: number;
  readonly nz: number;
  /** Voxel edge (m). */
  readonly dxM: number;
}

/** A row-major 2-D array: value of column c, row r is data[r·width + c]; row 0 is drawn at the top. */
export interface Slice2D {
  readonly width: number;
  readonly height: number;
  readonly data: Float64Array;
}

/** Which plane to cut: perpendicular to `axis`, at voxel `index` along it. */
export interface SliceSpec {
  axis: 'x' | 'y' | 'z';
  index: number;
}

/**
 * Cuts a plane out of a field. axis 'z': the plane at depth index k (width nx, height ny);
 * axis 'y': x across, depth down (width nx, height nz, row 0 = surface); axis 'x': y across, depth down.
 */
export function sliceField(field: ArrayLike<number>, grid: GridShape, spec: SliceSpec): Slice2D {
  const { nx, ny, nz } = grid;
  const n = spec.axis === 'x' ? nx : spec.axis === 'y' ? ny : nz;
  if (!Number.isInteger(spec.index) || spec.index < 0 || spec.index >= n) {
    throw new RangeError(`slice index along ${spec.axis} must be an integer in [0, ${n - 1}] (got ${spec.index})`);
  }
  if (field.length !== nx * ny * nz) throw new RangeError(`field has ${field.length} values, grid has ${nx * ny * nz}`);
  if (spec.axis === 'z') {
    const data = new Float64Array(nx * ny);
    const base = spec.index * nx * ny;
    for (let m = 0; m < nx * ny; m++) data[m] = field[base + m];
    return { width: nx, height: ny, data };
  }
  if (spec.axis === 'y') {
    const data = new Float64Array(nx * nz);
    for (let k = 0; k < nz; k++) {
      const base = nx * (spec.index + ny * k);
      for (let i = 0; i < nx; i++) data[k * nx + i] = field[base + i];
    }
    return { width: nx, height: nz, data };
  }
  const data = new Float64Array(ny * nz);
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) data[k * ny + j] = field[spec.index + nx * (j + ny * k)];
  }
  return { width: ny, height: nz, data };
}

/** Mean of the field over each z-plane (length nz; same unit as the field), surface first. */
export function depthProfile(field: ArrayLike<number>, grid: GridShape): Float64Array {
  const { nx, ny, nz } = grid;
  const plane = nx * ny;
  if (field.length !== plane * nz) throw new RangeError(`field has ${field.length} values, grid has ${plane * nz}`);
  const out = new Float64Array(nz);
  for (let k = 0; k < nz; k++) {
    let s = 0;
    for (let m = k * plane, end = m + plane; m < end; m++) s += field[m];
    out[k] = s / plane;
  }
  return out;
}
