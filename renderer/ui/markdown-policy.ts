import DOMPurify from 'dompurify';
import { Marked } from 'marked';

/**
 * The one Markdown policy of Trellis, for notes and ladder criteria alike. Both are text someone
 * else may have written or pasted (a ladder from a shared repository, HTML copied from a web
 * page), so the rendered HTML may only structure text: no scripts, no styles or classes that
 * could restyle the window, no forms or inputs, no remote images (a visible placeholder says
 * what was left out), and links open only through main, which asks first.
 */
export type MarkdownPolicy = 'notes' | 'ladder';

/** Notes keep line breaks as typed; ladder criteria are prose that YAML folds. */
const lineBreaks: Record<MarkdownPolicy, boolean> = { notes: true, ladder: false };

const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'code', 'dd', 'del', 'details', 'div', 'dl', 'dt', 'em',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's',
  'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'u', 'ul',
]; // prettier-ignore
/** No style, class or id: pasted HTML must not pick up (or clash with) the app's own styles. */
const ALLOWED_ATTR = ['href', 'title', 'alt', 'src', 'colspan', 'rowspan', 'align', 'start'];

/** Images Trellis shows: ones carried inside the text itself. Anything else would be fetched. */
const inlineImage = /^data:image\/(png|jpe?g|gif|webp);base64,/i;

// Task lists stay readable without form controls: a ticked box is a character, not an <input>.
const parser = new Marked({ gfm: true, async: false, renderer: { checkbox: ({ checked }) => (checked ? '☑ ' : '☐ ') } });

function imagePlaceholder(img: HTMLImageElement): HTMLElement {
  const src = img.getAttribute('src') ?? '';
  let host = '';
  try {
    const url = new URL(src);
    if (url.protocol === 'http:' || url.protocol === 'https:') host = url.hostname;
  } catch {
    // Not an absolute address: nothing to name.
  }
  const alt = img.getAttribute('alt')?.trim();
  const placeholder = img.ownerDocument.createElement('span');
  placeholder.className = 'markdown__image-missing';
  placeholder.textContent = `${host ? 'Remote image not loaded' : 'Image not loaded'}${alt ? `: ${alt}` : ''}${host ? ` (${host})` : ''}`;
  return placeholder;
}

/** Markdown (which may contain HTML) to HTML that is safe to put in the page. */
export function renderMarkdown(source: string, policy: MarkdownPolicy): string {
  const html = parser.parse(source, { breaks: lineBreaks[policy] }) as string;
  const fragment = DOMPurify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR, ALLOW_DATA_ATTR: false, ALLOW_ARIA_ATTR: false, RETURN_DOM_FRAGMENT: true });
  for (const img of fragment.querySelectorAll('img')) {
    if (!inlineImage.test(img.getAttribute('src') ?? '')) img.replaceWith(imagePlaceholder(img));
  }
  for (const link of fragment.querySelectorAll('a')) link.setAttribute('rel', 'noreferrer');
  const holder = document.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}
