// escapeFigure escapes every string of a figure at any depth, through cycles.
import { describe, expect, it } from 'vitest';
import { escapeFigure } from '../../src/ui/outputs/safeFigure.ts';

const PAYLOAD = '<img src=x onerror=alert(1)>';
const ESCAPED = '&lt;img src=x onerror=alert(1)&gt;';

describe('escapeFigure', () => {
  it('escapes a string nested 10,000 levels deep (no 32-level cut-off), in objects and arrays', () => {
    let spec: unknown = { text: PAYLOAD };
    for (let i = 0; i < 10_000; i++) spec = i % 2 ? { a: spec } : [1, spec];
    let out = escapeFigure(spec) as unknown;
    for (let i = 9_999; i >= 0; i--) out = i % 2 ? (out as { a: unknown }).a : (out as unknown[])[1];
    expect(out).toEqual({ text: ESCAPED });
  });

  it('keeps the engine\'s formatting tags, numbers and numeric arrays, and copies', () => {
    const y = [1, 2, 3];
    const fig = { data: [{ y, name: `a<br>${PAYLOAD}`, hovertemplate: '%{y}<extra></extra>' }], layout: { title: { text: '<b>T</b> <a href="javascript:x">l</a>' } } };
    const out = escapeFigure(fig);
    expect(out.data[0].y).toBe(y);
    expect(out.data[0].name).toBe(`a<br>${ESCAPED}`);
    expect(out.data[0].hovertemplate).toBe('%{y}<extra></extra>');
    expect(out.layout.title.text).toBe('<b>T</b> &lt;a href="javascript:x"&gt;l&lt;/a&gt;');
    expect(fig.data[0].name).toContain('<img');
  });

  it('terminates on cycles and escapes what they hold; "__proto__" stays a key', () => {
    const a: Record<string, unknown> = { label: PAYLOAD };
    a.self = a;
    a.list = [a, PAYLOAD];
    const out = escapeFigure(a) as Record<string, unknown>;
    expect(out.label).toBe(ESCAPED);
    expect(out.self).toBe(out);
    expect((out.list as unknown[])[0]).toBe(out);
    expect((out.list as unknown[])[1]).toBe(ESCAPED);
    const tricky = JSON.parse(`{"__proto__": {"polluted": "${'<b onclick=x>'}"}}`) as object;
    const copy = escapeFigure(tricky) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toEqual({ polluted: '&lt;b onclick=x&gt;' });
  });
});
