import type { PatchConfig } from './schema.ts';
import { pow } from '../core/pow.ts';

/** Needle geometry in SI units, derived once from a patch config. */
export interface NeedleGeometry {
  heightM: number;
  /** Cone base radius, or half the pyramid base side (m). */
  baseHalfWidthM: number;
  shape: 'cone' | 'pyramid';
  /** Depth of the needle tip below the skin surface (m). */
  insertionDepthM: number;
  /** Fraction of the loaded cargo that ends up inside the skin (0-1). */
  insertedCargoFraction: number;
  /** Needle volume (m³). */
  volumeM3: number;
}

/** Reference insertion: fraction f_ref reached at force F_ref (N) on reference skin, force scale F_c (N). */
export interface InsertionParams {
  referenceFraction: number;
  referenceForceN: number;
  forceScaleN: number;
}

/**
 * Inserted fraction of the needle height. Given explicitly, or from the applied force per needle F:
 * f = f_ref · (1 − exp(−F / (F_c·E))) / (1 − exp(−F_ref/F_c)), capped at 1, so the default force gives the
 * literature fraction f_ref at reference stiffness E = 1 and stiffer skin needs more force (assumption).
 */
export function insertionFraction(cfg: PatchConfig, p: InsertionParams): number {
  if (cfg.insertion.fraction !== undefined) return cfg.insertion.fraction;
  const fRef = p.referenceFraction;
  const fc = p.forceScaleN;
  const fDefault = p.referenceForceN;
  const shape = (f: number, e: number) => 1 - Math.exp(-f / (fc * e));
  return Math.min(1, (fRef * shape(cfg.insertion.forcePerNeedleN, cfg.insertion.skinStiffnessRelative)) / shape(fDefault, 1));
}

/** Half-width (m) of the needle cross-section at distance hM above the tip. */
export function halfWidthAt(g: NeedleGeometry, hM: number): number {
  return hM <= 0 ? 0 : g.baseHalfWidthM * Math.min(1, hM / g.heightM);
}

/** Cross-section area (m²) at distance hM above the tip. */
export function crossSectionM2(g: NeedleGeometry, hM: number): number {
  const w = halfWidthAt(g, hM);
  return g.shape === 'cone' ? Math.PI * w * w : 4 * w * w;
}

/** Builds the needle geometry of a patch (cone or pyramid; tip down). */
export function needleGeometry(cfg: PatchConfig, insertion: InsertionParams): NeedleGeometry {
  const heightM = cfg.needleHeightUm * 1e-6;
  const baseHalfWidthM = 0.5 * cfg.baseDiameterUm * 1e-6;
  const f = insertionFraction(cfg, insertion);
  const insertionDepthM = f * heightM;
  // Cross-sections grow as h², so the loaded volume below height h grows as h³.
  const loadedLength = cfg.cargo.loading === 'tip' ? cfg.cargo.tipFraction * heightM : heightM;
  const insertedCargoFraction = pow(Math.min(1, insertionDepthM / loadedLength), 3);
  const base = cfg.shape === 'cone' ? Math.PI * baseHalfWidthM * baseHalfWidthM : 4 * baseHalfWidthM * baseHalfWidthM;
  return { heightM, baseHalfWidthM, shape: cfg.shape, insertionDepthM, insertedCargoFraction, volumeM3: (base * heightM) / 3 };
}

/**
 * Needle centre positions (m) of one application in a window [0, W) × [0, H) that covers a whole block of
 * unit cells of the array (needles at cell centres), so no-flux side faces are exact mirror planes.
 * 'rotate' shifts odd-numbered applications by half a pitch diagonally, 'given' by the scenario's offsets
 * (wrapped into the window; a needle landing on the edge is deposited inside, which conserves its cargo).
 */
export function needlePositions(cfg: PatchConfig, windowXM: number, windowYM: number, applicationIndex: number): { x: number; y: number }[] {
  const pitch = cfg.pitchUm * 1e-6;
  const given = cfg.schedule.positions === 'given' ? cfg.schedule.offsetsUm?.[applicationIndex] : undefined;
  const half = cfg.schedule.positions === 'rotate' && applicationIndex % 2 === 1 ? 0.5 * pitch : 0;
  const shiftX = given ? given.x * 1e-6 : half;
  const shiftY = given ? given.y * 1e-6 : half;
  const nc = Math.min(cfg.columns, Math.max(1, Math.floor(windowXM / pitch + 1e-9)));
  const nr = Math.min(cfg.rows, Math.max(1, Math.floor(windowYM / pitch + 1e-9)));
  const x0 = 0.5 * (windowXM - nc * pitch) + 0.5 * pitch;
  const y0 = 0.5 * (windowYM - nr * pitch) + 0.5 * pitch;
  const wrap = (v: number, w: number) => ((v % w) + w) % w;
  const out: { x: number; y: number }[] = [];
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) out.push({ x: wrap(x0 + c * pitch + shiftX, windowXM), y: wrap(y0 + r * pitch + shiftY, windowYM) });
  }
  return out;
}
