/**
 * True for a browser's HTML form submission that wants a page back (an `application/x-www-form-urlencoded`
 * or `multipart/form-data` body, no `Accept: application/json`): its errors are shown as pages.
 */
export const isFormPost = (headers: Readonly<Record<string, string | undefined>>): boolean => {
  const contentType = (headers['content-type'] ?? '').toLowerCase();
  const accept = (headers.accept ?? '').toLowerCase();
  return (
    (contentType.startsWith('application/x-www-form-urlencoded') ||
      contentType.startsWith('multipart/form-data')) &&
    !accept.includes('application/json')
  );
};
