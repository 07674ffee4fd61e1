import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { confirmationText, createLinkOpener, type ExternalLink, parseExternalLink } from '../../../electron/services/external-links';
import { createTestMain, type TestMain } from '../../support/main-context';

describe('which links may leave Trellis', () => {
  it.each([
    ['https://example.com', 'https://example.com/', 'example.com'],
    ['https://EXAMPLE.com/./a/../b?q=1#top', 'https://example.com/b?q=1#top', 'example.com'],
    ['https://wiki.example.com:8443/x', 'https://wiki.example.com:8443/x', 'wiki.example.com:8443'],
    // A Cyrillic "а" looks like a Latin one: the host is shown as the DNS sees it.
    ['https://аpple.com/login', 'https://xn--pple-43d.com/login', 'xn--pple-43d.com'],
    ['https://bücher.example/', 'https://xn--bcher-kva.example/', 'xn--bcher-kva.example'],
  ])('opens %s as the parsed %s, naming %s', (raw, href, host) => {
    expect(parseExternalLink(raw)).toEqual({ kind: 'https', href, host });
  });

  it.each([
    'http://example.com/',
    'https://user:pw@example.com/',
    'https://example.com@evil.example/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://trellis/index.html',
    'smb://server/share',
    'ftp://example.com/',
    'https://exa mple.com/',
    ' https://example.com/',
    'https://example.com/\n',
    `https://example.com/${'a'.repeat(2100)}`,
    'mailto:',
    'mailto:not-an-address',
    'mailto:"Alex" <alex@example.com>',
    '',
  ])('refuses %j', (raw) => {
    expect(parseExternalLink(raw)).toBeNull();
  });

  it('reduces mailto: to the addresses, subject and body', () => {
    expect(parseExternalLink('mailto:alex@example.com?subject=1%3A1%20notes&body=See%20you&cc=boss@example.com&bcc=x@evil.example&attach=/etc/passwd')).toEqual(
      {
        kind: 'mailto',
        href: 'mailto:alex@example.com?subject=1%3A1%20notes&body=See%20you',
        to: ['alex@example.com'],
        host: 'example.com',
      },
    );
    expect(parseExternalLink('mailto:zoë@bücher.example')).toMatchObject({ href: 'mailto:zo%C3%AB@xn--bcher-kva.example', host: 'xn--bcher-kva.example' });
  });

  it('whatever the page sends, what is opened is a well-formed https: or mailto: URL', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string(), fc.constantFrom('mailto:a@b.c?body=%0d%0aBcc:x@y')),
        (raw) => {
          const link = parseExternalLink(raw);
          if (!link) return;
          const url = new URL(link.href);
          expect(['https:', 'mailto:']).toContain(url.protocol);
          expect(link.href).not.toMatch(/[\s\p{Cc}]/u);
          if (link.kind === 'mailto') expect([...url.searchParams.keys()].every((k) => k === 'subject' || k === 'body')).toBe(true);
        },
      ),
    );
  });

  it('the confirmation names the host and the full address', () => {
    const link = parseExternalLink('https://аpple.com/login')!;
    expect(confirmationText(link)).toEqual({
      message: 'Open xn--pple-43d.com in your browser?',
      detail: 'The full address is:\nhttps://xn--pple-43d.com/login',
      button: 'Open link',
    });
    expect(confirmationText(parseExternalLink('mailto:alex@example.com')!).message).toBe('Write an email to alex@example.com?');
  });
});

describe('the one path out: confirm, then open the href', () => {
  it('opens only what the user confirmed, one question at a time', async () => {
    const asked: ExternalLink[] = [];
    const opened: string[] = [];
    let answer: (yes: boolean) => void = () => {};
    const open = createLinkOpener({
      confirm: (link) => {
        asked.push(link);
        return new Promise((resolve) => (answer = resolve));
      },
      open: async (href) => void opened.push(href),
    });
    const first = open('https://example.com/a');
    expect(await open('https://example.com/b')).toBe('busy');
    answer(false);
    expect(await first).toBe('declined');
    const second = open('https://Example.com/c');
    answer(true);
    expect(await second).toBe('opened');
    expect(await open('file:///etc/passwd')).toBe('invalid');
    expect(asked.map((l) => l.href)).toEqual(['https://example.com/a', 'https://example.com/c']);
    expect(opened).toEqual(['https://example.com/c']);
  });
});

describe('shell:open-external', () => {
  let main: TestMain;
  beforeEach(async () => {
    main = await createTestMain();
  });
  afterEach(() => main.dispose());

  it('asks the user, then opens the parsed href; "no" opens nothing', async () => {
    main.linkAnswers.push(false);
    expect(await main.dispatch('shell:open-external', { url: 'https://wiki.example.com/design' })).toEqual({ ok: true, value: { opened: false } });
    expect(await main.dispatch('shell:open-external', { url: 'https://WIKI.example.com/design' })).toEqual({ ok: true, value: { opened: true } });
    expect(main.linkConfirmations.map((l) => l.host)).toEqual(['wiki.example.com', 'wiki.example.com']);
    expect(main.openedExternally).toEqual(['https://wiki.example.com/design']);
  });

  it('refuses anything but https: and mailto: without asking', async () => {
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(await main.dispatch('shell:open-external', { url })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(main.linkConfirmations).toEqual([]);
  });
});
