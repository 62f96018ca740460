/** Writing HTML by hand safely: text and attribute values escaped. */

/** Text for an element's content or an attribute value in double quotes. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
