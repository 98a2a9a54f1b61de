/** Test helpers that read a rendered console page: its forms, their targets and hidden fields. */

export interface RenderedForm {
  /** The opening `<form …>` tag. */
  readonly tag: string;
  /** Everything up to `</form>`. */
  readonly body: string;
  readonly method: string;
  readonly action: string;
}

export const formsOf = (html: string): RenderedForm[] =>
  [...html.matchAll(/(<form\b[^>]*>)([\s\S]*?)<\/form>/g)].map((match) => {
    const tag = match[1] ?? '';
    return {
      tag,
      body: match[2] ?? '',
      method: /\smethod="([^"]*)"/.exec(tag)?.[1] ?? 'get',
      action: (/\saction="([^"]*)"/.exec(tag)?.[1] ?? '').replaceAll('&amp;', '&'),
    };
  });

export const postFormsOf = (html: string): RenderedForm[] =>
  formsOf(html).filter((form) => form.method === 'post');

/** The POST targets, without the console's base path: `sign-out`, `placements/p-100/waivers`. */
export const postTargetsOf = (html: string): string[] =>
  postFormsOf(html).map((form) => form.action.replace(/^\/console\/?/, ''));

/** The value of the hidden field `name` in a form, if any. */
export const hiddenValue = (form: RenderedForm, name: string): string | undefined =>
  new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(form.body)?.[1];

/** The hrefs of the page's links, entities decoded. */
export const hrefsOf = (html: string): string[] =>
  [...html.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)].map((match) => (match[1] ?? '').replaceAll('&amp;', '&'));
