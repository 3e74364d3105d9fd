import humanExample from '../../examples/human-natural-history.yaml?raw';
import mouseExample from '../../examples/mouse-cemn-study.yaml?raw';
import patchExample from '../../examples/patch-delivery.yaml?raw';

/** A quick patch-delivery run (well under a second): the editor's starting point. */
export const QUICK_PATCH = `# One microneedle into a coarse window of mouse dorsal skin for one day.
schemaVersion: 1
name: quick-patch
model: patchDelivery
seed: 7
durationDays: 1
skin:
  species: mouseDorsal
  windowUm: { x: 500, y: 500, depth: 600 }
  voxelUm: 50
patch:
  pitchUm: 500
  needleHeightUm: 400
  cargo: { substance: ceria, massPerNeedleNg: 100 }
snapshots:
  hours: [1, 24]
`;

/** A small mouse study (2 arms × 2 mice, 10 days): seconds in a browser. */
export const SMALL_MOUSE = `schemaVersion: 1
name: small-mouse-study
model: mouseStudy
seed: 3
durationDays: 10
animals: { perArm: 2 }
skin: { lattice: { nx: 12, ny: 12 } }
arms:
  - { id: normal, label: Normal, androgenLevel: 0 }
  - { id: aga, label: AGA control, androgenLevel: 1 }
endpoints: { reference: normal, compareDays: [7] }
photos: { days: [0, 5, 10] }
`;

/** Scenarios offered by the editor. */
export const EXAMPLES: Record<string, string> = {
  'quick patch delivery': QUICK_PATCH,
  'small mouse study': SMALL_MOUSE,
  'patch delivery (example)': patchExample,
  'mouse Ce-MN study (flagship, minutes)': mouseExample,
  'human natural history (example)': humanExample,
};
