/** A small mouse study (2 arms × 3 mice × 4 days on an 8 × 8 lattice: six units of a few seconds each) named `name`. */
export function smallMouseStudy(name: string): Record<string, unknown> {
  return {
    name,
    model: 'mouseStudy',
    durationDays: 4,
    animals: { perArm: 3 },
    skin: { lattice: { nx: 8, ny: 8 } },
    arms: [{ id: 'agaControl' }, { id: 'normal', androgenLevel: 0 }],
    photos: { days: [4], widthPx: 16, heightPx: 16 },
    endpoints: { compareDays: [4] },
  };
}
