/**
 * Throughputs used to turn work units into seconds (single thread), measured on the reference machine
 * (2 shared cores, Node 20) from the three examples; conservative (rounded down) so that estimates err
 * long. Re-measure with `follisim estimate` against a real run's manifest.timing.wallS when the engines change.
 */
export const RATES = {
  /** LOD transport: voxel·substance updates per second (README: 2.5e8/s on 2 cores). */
  patchUpdatesPerS: 1e8,
  /** Mouse lattice plus follicle coupling: site-steps per second. */
  mouseSiteStepsPerS: 5e6,
  /** Microenvironment tile (transport + stiff chemistry + vessels): voxel-steps per second. */
  tileVoxelStepsPerS: 1.5e6,
  /** Human automaton: follicle phase events per second. */
  humanEventsPerS: 1e7,
  /** Fixed memory of the process (code, V8 heap, module graph), bytes. */
  baseBytes: 150e6,
} as const;
