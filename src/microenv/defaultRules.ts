import { DEFAULT_RULE_SHAPES, ruleKey, ruleMagnitudes } from '../species/rules.ts';
import type { Rule } from './rules.ts';

/**
 * Default behaviour rules, built from the rule-magnitude parameters (src/species/rules.ts; every
 * magnitude is an assumption with its reasoning there and in docs/model.md). `value(path)` gives the
 * magnitude at `<signal>.<behaviour>.<field>`, so a scenario's `parameters:` section can change one.
 */
export function defaultRules(value: (key: string) => number = (k) => ruleMagnitudes[k].value): Rule[] {
  return DEFAULT_RULE_SHAPES.map((r): Rule => {
    const k = ruleKey(r);
    return {
      signal: r.signal,
      direction: r.direction,
      behaviour: r.behaviour,
      halfMax: value(`${k}.halfMax`),
      hill: value(`${k}.hill`),
      saturation: value(`${k}.saturation`),
      enabled: true,
    };
  });
}

/** The default rules table at the default magnitudes. */
export const DEFAULT_RULES: Rule[] = defaultRules();
