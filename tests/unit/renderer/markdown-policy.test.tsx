import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { Markdown } from '../../../renderer/ui/Markdown';
import { MarkdownLinksProvider } from '../../../renderer/ui/markdown-links';
import { type MarkdownPolicy, renderMarkdown } from '../../../renderer/ui/markdown-policy';

afterEach(cleanup);

const policies: MarkdownPolicy[] = ['notes', 'ladder'];
const dom = (html: string) => {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
};

/** What pasted HTML must never bring into the window, whichever policy renders it. */
function forbidden(html: string): string[] {
  const root = dom(html);
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (
      [
        'script',
        'style',
        'link',
        'meta',
        'form',
        'input',
        'button',
        'select',
        'textarea',
        'iframe',
        'object',
        'embed',
        'svg',
        'dialog',
        'video',
        'audio',
      ].includes(tag)
    )
      found.push(`<${tag}>`);
    for (const attr of el.getAttributeNames()) {
      const allowed =
        attr === 'class'
          ? el.className === 'markdown__image-missing'
          : ['href', 'title', 'alt', 'src', 'colspan', 'rowspan', 'align', 'start', 'rel'].includes(attr);
      if (!allowed) found.push(`${tag}[${attr}]`);
    }
    if (tag === 'img' && !/^data:image\//.test(el.getAttribute('src') ?? '')) found.push(`remote img ${el.getAttribute('src')}`);
    if (tag === 'a' && /^\s*javascript:/i.test(el.getAttribute('href') ?? '')) found.push('javascript: link');
  }
  return found;
}

describe('one Markdown policy for notes and ladders', () => {
  it.each(policies)('%s: pasted HTML cannot restyle the window', (policy) => {
    const html = renderMarkdown(
      [
        '<div style="position:fixed;inset:0;background:red" class="modal-overlay" id="main-content">covers the window</div>',
        '<style>body{display:none}</style><link rel="stylesheet" href="https://evil.example/x.css">',
        '<p><span style="font-size:90px">big</span> and <font color="red" size="7">loud</font></p>',
      ].join('\n\n'),
      policy,
    );
    expect(forbidden(html)).toEqual([]);
    expect(dom(html).textContent).toContain('covers the window');
    expect(html).not.toContain('display:none');
  });

  it.each(policies)('%s: no forms or inputs; task lists keep their ticks as text', (policy) => {
    const html = renderMarkdown(
      '<form action="https://evil.example"><input name="pw" value="x"><button>Send</button></form>\n\n- [ ] open\n- [x] done',
      policy,
    );
    expect(forbidden(html)).toEqual([]);
    expect(dom(html).textContent).toContain('☐ open');
    expect(dom(html).textContent).toContain('☑ done');
  });

  it.each(policies)('%s: a remote image is a visible placeholder naming what was left out; an inline one shows', (policy) => {
    const pixel = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    const html = renderMarkdown(`![Architecture diagram](https://cdn.example.com/d.png)\n\n<img src="//tracker.example/p.gif">\n\n![dot](${pixel})`, policy);
    const root = dom(html);
    const placeholders = [...root.querySelectorAll('.markdown__image-missing')].map((p) => p.textContent);
    expect(placeholders).toEqual(['Remote image not loaded: Architecture diagram (cdn.example.com)', 'Image not loaded']);
    expect([...root.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual([pixel]);
    expect(forbidden(html)).toEqual([]);
  });

  it.each(policies)('%s: no scripts, handlers or javascript: links', (policy) => {
    const html = renderMarkdown(
      '<img src=x onerror="alert(1)"><a href="javascript:alert(1)">x</a> [y](javascript:alert(2)) <svg onload="alert(3)"></svg><script>alert(4)</script>',
      policy,
    );
    expect(forbidden(html)).toEqual([]);
    expect(html).not.toMatch(/alert/);
  });

  it('notes keep line breaks as typed; ladder criteria are prose', () => {
    expect(renderMarkdown('one\ntwo', 'notes')).toContain('<br>');
    expect(renderMarkdown('one\ntwo', 'ladder')).not.toContain('<br>');
  });

  it('whatever HTML is pasted, neither policy lets anything forbidden through', () => {
    const tag = fc.constantFrom(
      'div',
      'span',
      'p',
      'img',
      'a',
      'form',
      'input',
      'style',
      'button',
      'table',
      'td',
      'svg',
      'iframe',
      'details',
      'font',
      'dialog',
    );
    const attr = fc.constantFrom(
      'style="color:red"',
      'class="btn"',
      'id="root"',
      'onclick="x()"',
      'src="https://e.example/i.png"',
      'href="javascript:x()"',
      'href="https://e.example"',
      'open',
      'data-x="1"',
      'aria-hidden="true"',
      'width="900"',
    );
    const element = fc
      .record({ tag, attrs: fc.array(attr, { maxLength: 3 }), text: fc.string({ maxLength: 8 }) })
      .map(({ tag, attrs, text }) => `<${tag} ${attrs.join(' ')}>${text}</${tag}>`);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(element, fc.constantFrom('**bold**', '- item', '![i](https://x.example/i.png)', '[l](https://x.example)', '\n\n')), { maxLength: 8 }),
        fc.constantFrom(...policies),
        (parts, policy) => {
          expect(forbidden(renderMarkdown(parts.join(''), policy))).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('Markdown links', () => {
  it('go to the link handler the app provides, and never navigate the window', () => {
    const opened = vi.fn();
    render(
      <MarkdownLinksProvider onOpen={opened}>
        <Markdown source="See [the guide](https://example.com/guide) and [below](#below)." policy="ladder" />
      </MarkdownLinksProvider>,
    );
    const click = (name: string) => fireEvent.click(screen.getByRole('link', { name }));
    expect(click('the guide')).toBe(false); // default prevented
    expect(click('below')).toBe(false);
    expect(opened.mock.calls).toEqual([['https://example.com/guide']]);
  });

  it('an empty note says so; the preview is a named region', () => {
    render(
      <>
        <Markdown source="  " policy="notes" label="Shared notes preview" />
        <Markdown source="# Decisions" policy="notes" label="Private notes preview" />
      </>,
    );
    expect(screen.getByText('Nothing written yet.')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Private notes preview' }).querySelector('h1')?.textContent).toBe('Decisions');
  });
});
