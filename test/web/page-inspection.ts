import { cspHash } from '../../functions/web/security-headers.js';

/** Test helpers that read a rendered page the way a browser would care about. */

export const inlineElements = (html: string, tag: 'script' | 'style'): string[] =>
  [...html.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map(
    (match) => match[1] ?? '',
  );

export const cspDirectives = (headers: Record<string, string>): Map<string, string[]> =>
  new Map(
    (headers['Content-Security-Policy'] ?? '').split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );

export const hashesOf = (texts: readonly string[]): string[] => texts.map(cspHash);

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** The text a reader sees: tags, scripts and styles removed, entities decoded, whitespace collapsed. */
export const visibleText = (html: string): string =>
  html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();

/** The opening tag of the element with this id. */
export const tagWithId = (html: string, id: string): string => {
  const match = new RegExp(`<[a-z]+[^>]*\\sid="${id}"[^>]*>`).exec(html);
  if (!match) throw new Error(`No element with id ${id}`);
  return match[0];
};

/** The `<li data-code="CODE">…</li>` block of one requirement. */
export const requirementBlock = (html: string, code: string): string => {
  const start = html.indexOf(`data-code="${code}"`);
  if (start < 0) throw new Error(`No requirement ${code}`);
  const end = html.indexOf('</li>', start);
  return html.slice(start, end);
};
