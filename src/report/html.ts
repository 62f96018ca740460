/** Writing HTML by hand safely: text and attribute values escaped, JSON that cannot end its <script>. */

/** Text for an element's content or an attribute value in double quotes. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

/** Data for a `<script type="application/json">`: no `<` (so no `</script>`), read back with JSON.parse. */
export const scriptJson = (data: unknown): string => JSON.stringify(data).replace(/</g, '\\u003c');
