/**
 * A DOM for rendering charts where there is no page: linkedom is a small pure-JS DOM that runs in Node, in
 * workers and in browsers alike, so the core can render report figures without a Node-only dependency.
 * In a browser page the real `document` can be passed to the renderer instead.
 */

import { parseHTML } from 'linkedom';

let shared: Document | undefined;

/** A document to render charts into (one shared linkedom document; charts are detached subtrees of it). */
export function chartDocument(): Document {
  shared ??= parseHTML('<!DOCTYPE html><html><head></head><body></body></html>').document as unknown as Document;
  return shared;
}

/** Serialises a rendered chart element, rounding long decimals in attributes (Plot emits full doubles). */
export function serialiseSvg(element: Element): string {
  return element.outerHTML.replace(/(\s[\w:-]+=")([^"]*)"/g, (_m, head: string, value: string) => {
    if (value.startsWith('data:')) return `${head}${value}"`;
    return `${head}${value.replace(/-?\d+\.\d{3,}(?:e-?\d+)?/g, (n) => String(Math.round(Number(n) * 100) / 100))}"`;
  });
}
