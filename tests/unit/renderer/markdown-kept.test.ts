import { describe, expect, it } from 'vitest';

import { forgetRenderedMarkdown, keptRendering, keptRenderings } from '../../../renderer/ui/markdown-kept';

describe('kept Markdown renderings', () => {
  it('renders a source once, keeps the newest 300, and forgets them all when asked (the lock)', () => {
    forgetRenderedMarkdown();
    let renders = 0;
    const render = (s: string) => keptRendering(`notes\u0000${s}`, () => `<p>${s}</p>${++renders}`);
    expect(render('a')).toBe('<p>a</p>1');
    expect(render('a')).toBe('<p>a</p>1');
    expect(renders).toBe(1);
    for (let i = 0; i < 400; i++) render(`n${i}`);
    expect(keptRenderings()).toBe(300);
    // The oldest went first.
    render('a');
    expect(renders).toBe(402);
    forgetRenderedMarkdown();
    expect(keptRenderings()).toBe(0);
  });
});
