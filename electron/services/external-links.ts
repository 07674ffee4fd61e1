/**
 * Links that leave Trellis (ladder criteria, notes, a navigation the page tries): only https:
 * and mailto:, always confirmed by the user in a dialog main shows, which names the host in
 * punycode (so "аpple.com" with a Cyrillic "а" reads xn--pple-43d.com) and the full address.
 * What is opened is the parsed URL's href, rebuilt by us, never the string the page sent.
 */

export const MAX_EXTERNAL_URL = 2048;

export type ExternalLink =
  | { kind: 'https'; href: string; /** punycode host, with the port when there is one */ host: string }
  | { kind: 'mailto'; href: string; /** the addresses, domains in punycode */ to: string[]; host: string };

/** "alex@example.com": one address, no display name, no comments, no spaces. */
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+$/u;

/** A domain as the DNS sees it (punycode), or null when it is not a host name. */
function asciiDomain(domain: string): string | null {
  try {
    const { hostname } = new URL(`https://${domain}/`);
    return hostname && !hostname.includes('%') ? hostname : null;
  } catch {
    return null;
  }
}

/** mailto: keeps only the addresses, the subject and the body (no cc, bcc, attachments or other headers). */
function parseMailto(url: URL): ExternalLink | null {
  let addresses: string[];
  try {
    addresses = decodeURIComponent(url.pathname)
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
  } catch {
    return null;
  }
  if (addresses.length === 0 || addresses.length > 20) return null;
  const to: string[] = [];
  for (const address of addresses) {
    if (!ADDRESS.test(address)) return null;
    const at = address.lastIndexOf('@');
    const domain = asciiDomain(address.slice(at + 1));
    if (!domain) return null;
    to.push(`${address.slice(0, at)}@${domain}`);
  }
  const query: string[] = [];
  for (const field of ['subject', 'body'] as const) {
    const value = url.searchParams.get(field);
    if (value) query.push(`${field}=${encodeURIComponent(value)}`);
  }
  const href = `mailto:${to.map((a) => encodeURIComponent(a).replace(/%40/g, '@')).join(',')}${query.length ? `?${query.join('&')}` : ''}`;
  return { kind: 'mailto', href, to, host: [...new Set(to.map((a) => a.slice(a.lastIndexOf('@') + 1)))].join(', ') };
}

/** The link Trellis may offer to open, or null for anything else (http:, file:, javascript:, credentials…). */
export function parseExternalLink(raw: unknown): ExternalLink | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL || /[\s\p{Cc}]/u.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'mailto:') return parseMailto(url);
  if (url.protocol !== 'https:' || url.username || url.password || !url.hostname) return null;
  if (url.href.length > MAX_EXTERNAL_URL) return null;
  return { kind: 'https', href: url.href, host: url.host };
}

/** What the confirmation dialog says, so every caller (IPC, navigation, new window) shows the same words. */
export function confirmationText(link: ExternalLink): { message: string; detail: string; button: string } {
  if (link.kind === 'mailto')
    return { message: `Write an email to ${link.to.join(', ')}?`, detail: `Your email app will open with:\n${link.href}`, button: 'Write email' };
  return { message: `Open ${link.host} in your browser?`, detail: `The full address is:\n${link.href}`, button: 'Open link' };
}

/** opened; the user said no; not a link Trellis opens; another confirmation is showing. */
export type OpenResult = 'opened' | 'declined' | 'invalid' | 'busy';

export interface LinkOpenerDeps {
  /** The native confirmation (main.ts: dialog.showMessageBox); true when the user chose to open. */
  confirm: (link: ExternalLink) => Promise<boolean>;
  /** Hands a confirmed href to the OS (shell.openExternal). */
  open: (href: string) => Promise<void>;
}

/**
 * The one path out of Trellis for a link. One confirmation at a time: while one is showing,
 * further requests are turned away ('busy'), so a hostile page cannot stack dialogs.
 */
export function createLinkOpener(deps: LinkOpenerDeps): (raw: unknown) => Promise<OpenResult> {
  let asking = false;
  return async (raw) => {
    const link = parseExternalLink(raw);
    if (!link) return 'invalid';
    if (asking) return 'busy';
    asking = true;
    try {
      if (!(await deps.confirm(link))) return 'declined';
    } finally {
      asking = false;
    }
    await deps.open(link.href);
    return 'opened';
  };
}
