/**
 * A minimal, strict XML tokenizer/parser for tests (no dependency): checks tag balance, attribute syntax
 * (quoted, no duplicates), entity references and raw '<'/'&' in text, and returns an element tree for
 * queries. With `html: true` it also accepts a doctype and HTML void elements (meta, br, …).
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated, unescaped text content of this element (direct children only). */
  text: string;
}

const VOID_HTML = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;

function decodeEntities(s: string, where: number): string {
  return s.replace(/&([^;\s&<]*);?/g, (m, body: string) => {
    if (!m.endsWith(';')) throw new Error(`unterminated entity "${m}" near offset ${where}`);
    if (body === 'amp') return '&';
    if (body === 'lt') return '<';
    if (body === 'gt') return '>';
    if (body === 'quot') return '"';
    if (body === 'apos') return "'";
    const dec = /^#(\d+)$/.exec(body);
    if (dec) return String.fromCodePoint(Number(dec[1]));
    const hex = /^#x([0-9a-fA-F]+)$/.exec(body);
    if (hex) return String.fromCodePoint(parseInt(hex[1], 16));
    throw new Error(`unknown entity "&${body};" near offset ${where}`);
  });
}

/** Parses `src` strictly; throws with an offset on the first well-formedness error. Returns the root element. */
export function parseXml(src: string, options: { html?: boolean } = {}): XmlElement {
  const html = options.html ?? false;
  const rootHolder: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlElement[] = [rootHolder];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const lt = src.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const raw = src.slice(i, textEnd);
      if (raw.includes('>') && !html) {
        // '>' is legal in XML text, but our builders always escape it; treat it as an error to catch bugs.
        throw new Error(`raw '>' in text near offset ${i}`);
      }
      const top = stack[stack.length - 1];
      if (top === rootHolder && raw.trim() !== '') throw new Error(`text outside the root element near offset ${i}`);
      top.text += decodeEntities(raw, i);
    }
    if (lt < 0) break;
    i = lt;
    if (src.startsWith('<!--', i)) {
      const end = src.indexOf('-->', i + 4);
      if (end < 0) throw new Error(`unterminated comment at ${i}`);
      i = end + 3;
      continue;
    }
    if (src.startsWith('<?', i)) {
      const end = src.indexOf('?>', i + 2);
      if (end < 0) throw new Error(`unterminated processing instruction at ${i}`);
      i = end + 2;
      continue;
    }
    if (src.startsWith('<!DOCTYPE', i) || src.startsWith('<!doctype', i)) {
      if (!html) throw new Error(`doctype not expected at ${i}`);
      const end = src.indexOf('>', i);
      i = end + 1;
      continue;
    }
    if (src.startsWith('<![CDATA[', i)) {
      const end = src.indexOf(']]>', i);
      if (end < 0) throw new Error(`unterminated CDATA at ${i}`);
      stack[stack.length - 1].text += src.slice(i + 9, end);
      i = end + 3;
      continue;
    }
    if (src.startsWith('</', i)) {
      const m = NAME.exec(src.slice(i + 2));
      if (!m) throw new Error(`bad closing tag at ${i}`);
      const name = m[0];
      let j = i + 2 + name.length;
      while (j < n && /\s/.test(src[j])) j++;
      if (src[j] !== '>') throw new Error(`bad closing tag </${name} at ${i}`);
      const top = stack.pop();
      if (!top || top === rootHolder || top.name !== name) {
        throw new Error(`mismatched closing tag </${name}> at ${i} (open: ${top?.name ?? 'none'})`);
      }
      i = j + 1;
      continue;
    }
    // Start tag.
    const m = NAME.exec(src.slice(i + 1));
    if (!m) throw new Error(`raw '<' or bad tag name at ${i}`);
    const el: XmlElement = { name: m[0], attrs: {}, children: [], text: '' };
    let j = i + 1 + el.name.length;
    let selfClosing = false;
    for (;;) {
      const ws = j;
      while (j < n && /\s/.test(src[j])) j++;
      if (j >= n) throw new Error(`unterminated tag <${el.name} at ${i}`);
      if (src[j] === '>') {
        j++;
        break;
      }
      if (src.startsWith('/>', j)) {
        selfClosing = true;
        j += 2;
        break;
      }
      if (j === ws) throw new Error(`missing whitespace before attribute in <${el.name}> at ${j}`);
      const am = NAME.exec(src.slice(j));
      if (!am) throw new Error(`bad attribute name in <${el.name}> at ${j}`);
      const an = am[0];
      j += an.length;
      if (src[j] !== '=') throw new Error(`attribute ${an} without value in <${el.name}> at ${j}`);
      j++;
      const q = src[j];
      if (q !== '"' && q !== "'") throw new Error(`unquoted attribute ${an} in <${el.name}> at ${j}`);
      const end = src.indexOf(q, j + 1);
      if (end < 0) throw new Error(`unterminated attribute ${an} at ${j}`);
      const raw = src.slice(j + 1, end);
      if (raw.includes('<')) throw new Error(`raw '<' in attribute ${an} at ${j}`);
      if (an in el.attrs) throw new Error(`duplicate attribute ${an} in <${el.name}> at ${j}`);
      el.attrs[an] = decodeEntities(raw, j);
      j = end + 1;
    }
    const parent = stack[stack.length - 1];
    if (parent === rootHolder && parent.children.length > 0) throw new Error(`second root element <${el.name}> at ${i}`);
    parent.children.push(el);
    i = j;
    if (selfClosing || (html && VOID_HTML.has(el.name.toLowerCase()))) continue;
    if (html && (el.name === 'style' || el.name === 'script')) {
      const close = src.indexOf(`</${el.name}>`, i);
      if (close < 0) throw new Error(`unterminated <${el.name}>`);
      el.text = src.slice(i, close);
      i = close + el.name.length + 3;
      continue;
    }
    stack.push(el);
  }
  if (stack.length !== 1) throw new Error(`unclosed element(s): ${stack.slice(1).map((e) => e.name).join(', ')}`);
  const root = rootHolder.children[0];
  if (!root) throw new Error('no root element');
  return root;
}

/** All descendants (and the element itself) matching a predicate, in document order. */
export function findAll(root: XmlElement, pred: (e: XmlElement) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    if (pred(e)) out.push(e);
    for (const c of e.children) walk(c);
  };
  walk(root);
  return out;
}

/** Elements with the given tag name and (optionally) a class in their class list. */
export function byTag(root: XmlElement, name: string, cls?: string): XmlElement[] {
  return findAll(root, (e) => e.name === name && (cls === undefined || (e.attrs.class ?? '').split(/\s+/).includes(cls)));
}

/** All text below an element, concatenated (tspans included). */
export function deepText(e: XmlElement): string {
  return e.text + e.children.map(deepText).join('');
}

/** Parses a path `d` made of M/L commands with "x,y" pairs into subpaths of points. */
export function pathPoints(d: string): { x: number; y: number }[][] {
  const subpaths: { x: number; y: number }[][] = [];
  const re = /([ML])\s*(-?[\d.]+(?:e-?\d+)?),(-?[\d.]+(?:e-?\d+)?)/g;
  for (const m of d.matchAll(re)) {
    const p = { x: Number(m[2]), y: Number(m[3]) };
    if (m[1] === 'M') subpaths.push([p]);
    else subpaths[subpaths.length - 1].push(p);
  }
  return subpaths;
}
