import { parameterCatalog } from '../../../src/node/server/catalog.ts';
import { fmt, h } from '../ui.ts';

/** Every model parameter with its value, unit, source and range (the catalogue the server serves). */
export function parametersPage(root: HTMLElement): void {
  const all = parameterCatalog();
  const filter = h('input', { id: 'param-filter', placeholder: 'filter (name, description, source)…', size: 40 });
  const body = h('tbody');
  const draw = () => {
    const q = filter.value.toLowerCase();
    const rows = all.filter((p) => !q || `${p.path} ${p.description} ${p.source}`.toLowerCase().includes(q));
    body.replaceChildren(
      ...rows.map((p) =>
        h('tr', {}, h('td', {}, p.path), h('td', { class: 'num' }, fmt(p.value)), h('td', {}, p.unit), h('td', {}, p.range ? `${fmt(p.range[0])} – ${fmt(p.range[1])}` : '—'), h('td', {}, p.kind), h('td', {}, p.description), h('td', { class: 'small' }, p.source)),
      ),
    );
  };
  filter.addEventListener('input', draw);
  root.append(
    h('h2', {}, `Parameters (${all.length})`),
    h('p', { class: 'small' }, 'Defaults of the model with their provenance; a scenario overrides them through its sections. Ranges appear where the catalogue records them.'),
    filter,
    h('table', { id: 'parameters' }, h('thead', {}, h('tr', {}, ...['parameter', 'value', 'unit', 'range', 'kind', 'meaning', 'source'].map((t) => h('th', {}, t)))), body),
  );
  draw();
}
