/**
 * Throughputs used to turn work units into seconds (single thread), measured on the reference machine
 * (2 shared cores, Node 20) from the three examples; conservative (rounded down) so that estimates err
 * long. Re-measure with `follisim estimate` against a real run's manifest.timing.wallS when the engines change.
 */
export const RATES = {
  /** LOD transport: voxel·substance updates per second (README: 2.5e8/s on 2 cores). */
  patchUpdatesPerS: 1e8,
  /**
   * Mouse lattice plus follicle coupling (kernel readouts and deposits, rules, damage, p-S6): site-steps per
   * second. Measured 2026-12-02 on the flagship (profile, one thread): ≈ 0.37 s per mouse for 140 steps ×
   * 1600 sites = 6.0e5/s; rounded down. (5e6 before: set when the coupling was a fraction of today's work.)
   */
  mouseSiteStepsPerS: 5e5,
  /** Microenvironment tile (transport + stiff chemistry + vessels): voxel-steps per second. */
  tileVoxelStepsPerS: 1.5e6,
  /** Human automaton: estimated follicle phase events per second (the example: 1.5e7 estimated events, ~3.7 s). */
  humanEventsPerS: 4e6,
  /** Fixed memory of the process (code, V8 heap, module graph), bytes. */
  baseBytes: 150e6,
} as const;
