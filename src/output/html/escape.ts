/**
 * Escaping and number formatting shared by the SVG and HTML builders. Everything here is pure and
 * platform-neutral: reports are built as strings in Node or in a browser.
 */

/** Characters that are not allowed in XML 1.0 documents (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/FFFF). */
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Drops characters invalid in XML 1.0 and escapes `& < > "` and the apostrophe as `apostrophe`. */
function escapeMarkup(text: string, apostrophe: string): string {
  return String(text)
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, apostrophe);
}

/** Escapes text for HTML element content and quoted attribute values (`& < > " '`), dropping characters invalid in XML. */
export function escapeHtml(text: string): string {
  return escapeMarkup(text, '&#39;');
}

/** Escapes text for XML/SVG content and quoted attribute values (`& < > " '`), dropping characters invalid in XML 1.0. */
export function escapeXml(text: string): string {
  return escapeMarkup(text, '&apos;');
}

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻', '+': '',
};

/** Writes an integer exponent with Unicode superscript digits (e.g. -3 → "⁻³"). */
export function superscript(exponent: number): string {
  return String(exponent).split('').map((c) => SUPERSCRIPT[c] ?? c).join('');
}

/** Text for non-finite and missing values, shared by tables and tick labels. */
function nonFinite(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  return x > 0 ? '∞' : '−∞';
}

/**
 * Formats a number to `digits` significant digits, as a plain decimal for 1e-4 ≤ |x| < 1e6 and in
 * exponent form ("1.23e-7") outside that range. Integers with no more than `digits` digits print
 * without a decimal point; trailing zeros that are significant are kept ("1.50").
 */
export function formatNumber(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  if (x === 0) return '0';
  const sig = Math.min(21, Math.max(1, Math.round(digits)));
  const ax = Math.abs(x);
  if (Number.isInteger(x) && ax < 10 ** sig) return String(x);
  if (ax >= 1e6 || ax < 1e-4) {
    const [mantissa, exp] = x.toExponential(sig - 1).split('e');
    return `${mantissa}e${exp.startsWith('+') ? exp.slice(1) : exp}`;
  }
  const rounded = Number(x.toPrecision(sig));
  const magnitude = Math.floor(Math.log10(Math.abs(rounded)));
  const decimals = Math.max(0, sig - 1 - magnitude);
  return rounded.toFixed(decimals);
}

/** Formats "mean ± sd" with the SD to `digits` significant digits and the mean to the same decimal place. */
export function formatMeanSd(mean: number, sd: number, digits = 2): string {
  if (!Number.isFinite(mean)) return formatNumber(mean, digits);
  if (!Number.isFinite(sd) || sd <= 0) return `${formatNumber(mean, digits + 1)} ± ${formatNumber(sd, digits)}`;
  const sdMagnitude = Math.floor(Math.log10(sd));
  const decimals = Math.max(0, digits - 1 - sdMagnitude);
  if (decimals > 10 || Math.abs(mean) >= 1e6) return `${formatNumber(mean, digits + 1)} ± ${formatNumber(sd, digits)}`;
  return `${mean.toFixed(decimals)} ± ${sd.toFixed(decimals)}`;
}

/** Formats a p-value the way figures quote it: "p<0.001" below 0.001, otherwise "p=0.034" (two significant digits). */
export function formatPValue(p: number, threshold = 0.001): string {
  if (!Number.isFinite(p)) return 'p=NaN';
  if (p < threshold) return `p<${formatNumber(threshold, 1)}`;
  if (p >= 0.1) return `p=${p.toFixed(2)}`;
  return `p=${Number(p.toPrecision(2)).toString()}`;
}

/** Significance stars: "***" p<0.001, "**" p<0.01, "*" p<0.05, otherwise "ns". */
export function significanceStars(p: number): string {
  if (!(p < 0.05)) return 'ns';
  if (p < 0.001) return '***';
  if (p < 0.01) return '**';
  return '*';
}
