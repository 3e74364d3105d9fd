import { provenanceText, type Parameter } from '../core/parameter.ts';

/** What is missing or inconsistent in a parameter's metadata (empty when it is complete). */
export function parameterProblems(p: Parameter): string[] {
  const out: string[] = [];
  if (!p.unit || p.unit.trim() === '') out.push('no unit');
  if (!p.description || p.description.trim() === '') out.push('no description');
  if (!p.provenance || provenanceText(p.provenance).replace(/^(assumption|derived|fitted to)\W*/, '').trim() === '') out.push('no provenance');
  if (!Number.isFinite(p.min) || !Number.isFinite(p.max)) out.push('no range');
  else if (!(p.min < p.max)) out.push(`range ${p.min} – ${p.max} is empty (min must be < max)`);
  if (!Number.isFinite(p.value)) out.push('no default value');
  else if (p.value < p.min || p.value > p.max) out.push(`default ${p.value} outside its range ${p.min} – ${p.max}`);
  return out;
}
