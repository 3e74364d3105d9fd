import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, escapeXml, formatMeanSd, formatNumber, formatPValue, significanceStars } from '../../../src/output/html/escape.ts';
import { parseXml } from './xmlCheck.ts';

describe('escapeHtml / escapeXml', () => {
  it('escapes the five special characters', () => {
    assert.equal(escapeHtml(`<a href="x">Tom & Jerry's</a>`), '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
    assert.equal(escapeXml(`<&>"'`), '&lt;&amp;&gt;&quot;&apos;');
  });

  it('does not double-unescape: escaping an entity escapes its ampersand', () => {
    assert.equal(escapeXml('&amp;'), '&amp;amp;');
    assert.equal(escapeHtml('&lt;'), '&amp;lt;');
  });

  it('round-trips through an XML parser in text and attributes', () => {
    const nasty = `a<b>&c"d'e ]]> &#x3C; \u00e9 µm² 😀`;
    const doc = parseXml(`<r t="${escapeXml(nasty)}" u='${escapeXml(nasty)}'>${escapeXml(nasty)}</r>`);
    assert.equal(doc.text, nasty);
    assert.equal(doc.attrs.t, nasty);
    assert.equal(doc.attrs.u, nasty);
  });

  it('drops characters that are not allowed in XML 1.0', () => {
    assert.equal(escapeXml('a\u0000b\u0007c\u000Bd\tz\n'), 'abcd\tz\n');
    assert.equal(escapeXml('x\uD800y'), 'xy'); // lone surrogate
    assert.equal(escapeXml('😀'), '😀'); // a valid pair is kept
  });
});

describe('formatNumber', () => {
  it('formats to significant digits', () => {
    assert.equal(formatNumber(3.14159, 3), '3.14');
    assert.equal(formatNumber(0.00123456, 3), '0.00123');
    assert.equal(formatNumber(1.5, 3), '1.50');
    assert.equal(formatNumber(12345.6, 3), '12300');
    assert.equal(formatNumber(-0.5, 2), '-0.50');
    assert.equal(formatNumber(99.96, 3), '100');
  });
  it('keeps small integers exact and uses exponents outside 1e-4..1e6', () => {
    assert.equal(formatNumber(42, 3), '42');
    assert.equal(formatNumber(0, 3), '0');
    assert.equal(formatNumber(1.2345e-7, 3), '1.23e-7');
    assert.equal(formatNumber(6.02214e23, 4), '6.022e23');
  });
  it('handles non-finite values', () => {
    assert.equal(formatNumber(Number.NaN), 'NaN');
    assert.equal(formatNumber(Number.POSITIVE_INFINITY), '∞');
  });
});

describe('statistics labels', () => {
  it('formats p-values and stars', () => {
    assert.equal(formatPValue(0.0031), 'p=0.0031');
    assert.equal(formatPValue(0.00004), 'p<0.001');
    assert.equal(formatPValue(0.25), 'p=0.25');
    assert.equal(significanceStars(0.0004), '***');
    assert.equal(significanceStars(0.004), '**');
    assert.equal(significanceStars(0.04), '*');
    assert.equal(significanceStars(0.2), 'ns');
    assert.equal(significanceStars(Number.NaN), 'ns');
  });
  it('formats mean ± SD to the SD precision', () => {
    assert.equal(formatMeanSd(152.9437, 13.42), '153 ± 13');
    assert.equal(formatMeanSd(152.9437, 13.42, 3), '152.9 ± 13.4');
    assert.equal(formatMeanSd(0.7102, 0.0456), '0.710 ± 0.046');
  });
});
