import { provenanceText } from '../core/parameter.ts';
import type { ModelName } from './bindings.ts';
import { parameterCatalog, type ParameterDef } from './catalog.ts';
import type { ParameterGroup } from './groups.ts';

/**
 * Text forms of the parameter catalog, shared by `follisim params` and docs/model.md (the docs tables are
 * this module's markdown output; a test checks they are in sync).
 */

/** Catalog entries, optionally only those a model reads, in catalog order. */
export function listParameters(model?: ModelName): ParameterDef[] {
  return [...parameterCatalog().values()].filter((d) => !model || d.group.models.includes(model));
}

const cell = (s: string) => s.replace(/\|/g, '/');

/** Scenario fields a parameter is bound to, as text ('' when it is injected into the engine). */
export function bindingText(d: ParameterDef): string {
  return Object.entries(d.bindings)
    .map(([model, fields]) => `${model}: ${fields.join(', ')}`)
    .join('; ');
}

/** Markdown tables of the groups printed in one docs/model.md block ('human', 'skin', ...). */
export function parameterMarkdown(doc: ParameterGroup['doc']): string {
  return markdownTables(listParameters().filter((d) => d.group.doc === doc));
}

/** Markdown tables, one per group, of the given parameters. */
export function markdownTables(defs: readonly ParameterDef[]): string {
  const out: string[] = [];
  const groups = new Map<ParameterGroup, ParameterDef[]>();
  for (const d of defs) groups.set(d.group, [...(groups.get(d.group) ?? []), d]);
  for (const [g, defs] of groups) {
    out.push(`#### ${g.title} (\`src/species/${g.source}\`)`, '');
    out.push('| path | value | unit | range | meaning | kind | source |', '|---|---|---|---|---|---|---|');
    for (const d of defs) {
      const range = `${d.min} – ${d.max}${d.rangeNote ? ` (${cell(d.rangeNote)})` : ''}`;
      out.push(`| \`${d.path}\` | ${d.value} | ${d.unit} | ${range} | ${cell(d.description)} | ${d.provenance.kind} | ${cell(provenanceText(d.provenance))} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** A plain-text table: path, value, unit, range, provenance kind (one line per parameter). */
export function parameterTable(defs: readonly ParameterDef[]): string {
  const rows = [['path', 'value', 'unit', 'range', 'provenance'], ...defs.map((d) => [d.path, String(d.value), d.unit, `${d.min} – ${d.max}`, d.provenance.kind])];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((x, c) => (c === r.length - 1 ? x : x.padEnd(widths[c]))).join('  ')).join('\n') + '\n';
}

/** JSON records with everything the catalog knows about each parameter. */
export function parameterJson(defs: readonly ParameterDef[]): string {
  const records = defs.map((d) => ({
    path: d.path,
    value: d.value,
    unit: d.unit,
    min: d.min,
    max: d.max,
    ...(d.rangeNote ? { rangeNote: d.rangeNote } : {}),
    description: d.description,
    provenance: { kind: d.provenance.kind, text: provenanceText(d.provenance) },
    boundTo: d.bindings,
  }));
  return JSON.stringify(records, null, 2) + '\n';
}
