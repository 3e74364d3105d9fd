/**
 * Cartesian voxel grid of the dermal transport solver. Cubic voxels of edge `dxM`; x and y run along the skin
 * surface, z is depth below the surface (downward). Voxel (i, j, k) has index i + nx·(j + ny·k) (x fastest)
 * and its centre at ((i + ½)dx, (j + ½)dx, (k + ½)dx). Platform-neutral: no Node imports.
 */

/** Faces of the box; zMin is the skin surface, zMax the deep (blood-side) face. */
export type Face = 'xMin' | 'xMax' | 'yMin' | 'yMax' | 'zMin' | 'zMax';
export const FACES: readonly Face[] = ['xMin', 'xMax', 'yMin', 'yMax', 'zMin', 'zMax'];

/** A tissue layer: voxels whose centre depth lies in [topM, bottomM) belong to it. */
export interface TissueLayer {
  readonly name: string;
  /** Depth of the layer's top (m below the surface). */
  readonly topM: number;
  /** Depth of the layer's bottom (m); the last layer extends to the grid bottom. */
  readonly bottomM: number;
}

/** The grid geometry (SI units). */
export interface TransportGrid {
  readonly nx: number;
  readonly ny: number;
  readonly nz: number;
  /** Voxel edge length (m). */
  readonly dxM: number;
  /** nx·ny·nz. */
  readonly voxelCount: number;
  /** nx·ny (voxels per z-plane). */
  readonly planeSize: number;
  /** dx³ (m³). */
  readonly voxelVolumeM3: number;
  /** Tissue layers from the surface down (at least one). */
  readonly layers: readonly TissueLayer[];
  /** Layer index of each z-plane (length nz). */
  readonly layerOfZ: Int32Array;
}

/** Grid construction options; layers are given by thickness from the surface down (m). */
export interface TransportGridOptions {
  nx: number;
  ny: number;
  nz: number;
  /** Voxel edge length (m, > 0). */
  dxM: number;
  /** Layers from the surface down; the last one extends to the bottom. Default: one layer named `tissue`. */
  layers?: readonly { name: string; thicknessM: number }[];
}

/** Creates a grid of nx × ny × nz cubic voxels of edge dxM (m), with optional named depth layers. */
export function createTransportGrid(options: TransportGridOptions): TransportGrid {
  const { nx, ny, nz, dxM } = options;
  for (const [k, v] of Object.entries({ nx, ny, nz })) {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`${k} must be an integer >= 1 (got ${v})`);
  }
  if (!(dxM > 0) || !Number.isFinite(dxM)) throw new RangeError(`dxM must be finite and > 0 (got ${dxM})`);
  const given = options.layers && options.layers.length > 0 ? options.layers : [{ name: 'tissue', thicknessM: Infinity }];
  const layers: TissueLayer[] = [];
  let top = 0;
  const names = new Set<string>();
  given.forEach((l, idx) => {
    if (names.has(l.name)) throw new RangeError(`duplicate layer name '${l.name}'`);
    names.add(l.name);
    if (!(l.thicknessM > 0)) throw new RangeError(`layer '${l.name}': thicknessM must be > 0 (got ${l.thicknessM})`);
    const bottom = idx === given.length - 1 ? Infinity : top + l.thicknessM;
    layers.push({ name: l.name, topM: top, bottomM: bottom });
    top = bottom;
  });
  const layerOfZ = new Int32Array(nz);
  for (let k = 0; k < nz; k++) {
    const depth = (k + 0.5) * dxM;
    let li = 0;
    while (li < layers.length - 1 && depth >= layers[li].bottomM) li++;
    layerOfZ[k] = li;
  }
  return {
    nx,
    ny,
    nz,
    dxM,
    voxelCount: nx * ny * nz,
    planeSize: nx * ny,
    voxelVolumeM3: dxM * dxM * dxM,
    layers,
    layerOfZ,
  };
}

/** Flat index of voxel (i, j, k). */
export function voxelIndex(grid: TransportGrid, i: number, j: number, k: number): number {
  return i + grid.nx * (j + grid.ny * k);
}

/** Index of the voxel containing the point (x, y, depth z) in metres, or -1 if it lies outside the grid. */
export function voxelAt(grid: TransportGrid, xM: number, yM: number, zM: number): number {
  const i = Math.floor(xM / grid.dxM);
  const j = Math.floor(yM / grid.dxM);
  const k = Math.floor(zM / grid.dxM);
  if (i < 0 || j < 0 || k < 0 || i >= grid.nx || j >= grid.ny || k >= grid.nz) return -1;
  return voxelIndex(grid, i, j, k);
}

/** Centre coordinate (m) of voxel number `index` along one axis: (index + ½)·dx. */
export function voxelCentreM(grid: TransportGrid, index: number): number {
  return (index + 0.5) * grid.dxM;
}

/**
 * Expands a per-layer value to a per-z-plane array (length nz): a number applies to every layer; a record
 * must name every layer of the grid.
 */
export function perLayer(grid: TransportGrid, value: number | Readonly<Record<string, number>>, what = 'value'): Float64Array {
  const out = new Float64Array(grid.nz);
  if (typeof value === 'number') {
    out.fill(value);
    return out;
  }
  const byLayer = grid.layers.map((l) => {
    const v = value[l.name];
    if (v === undefined) throw new RangeError(`${what}: no value for layer '${l.name}'`);
    return v;
  });
  for (const key of Object.keys(value)) {
    if (!grid.layers.some((l) => l.name === key)) throw new RangeError(`${what}: unknown layer '${key}'`);
  }
  for (let k = 0; k < grid.nz; k++) out[k] = byLayer[grid.layerOfZ[k]];
  return out;
}

/**
 * Total amount in a field: Σ c·dx³ (amount, when c is amount/m³), with Neumaier-compensated summation so
 * that conservation checks can resolve 1e-12 relative changes.
 */
export function totalAmount(field: ArrayLike<number>, grid: TransportGrid): number {
  let sum = 0;
  let comp = 0;
  for (let i = 0; i < field.length; i++) {
    const v = field[i];
    const t = sum + v;
    if (Math.abs(sum) >= Math.abs(v)) comp += sum - t + v;
    else comp += v - t + sum;
    sum = t;
  }
  return (sum + comp) * grid.voxelVolumeM3;
}
