/**
 * A guide written out as the procedure documents trainers hand out: the title, the terminal it is
 * for, what must hold before starting, the screen at the start, then numbered steps in the
 * device's words, each with the picture of the screen it leads to and its notes. HTML is one
 * self-contained page (the pictures inside, printable); Markdown links its pictures as files.
 */
import { translator, type Translate } from '../i18n/messages.js';
import { escapeHtml } from '../report/html.js';
import { shownPath } from '../shown-path.js';
import { CAUTION_TEXTS } from './cautions.js';
import type { Guide } from './guide-plan.js';

const STYLE = `
body { margin: 0 auto; max-width: 820px; padding: 24px; font: 15px/1.6 system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; color: #1f2328; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 10px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
.meta { color: #57606a; margin: 0; }
ol.steps { padding-left: 0; list-style: none; counter-reset: step; }
ol.steps > li { counter-increment: step; margin: 0 0 24px; padding-left: 44px; position: relative; break-inside: avoid; }
ol.steps > li::before { content: counter(step); position: absolute; left: 0; top: 0; width: 30px; height: 30px; border-radius: 50%; background: #0969da; color: #fff; font-weight: 700; text-align: center; line-height: 30px; }
.caption { margin: 2px 0 8px; font-weight: 600; }
figure { margin: 0; } figure svg { display: block; max-width: 100%; height: auto; }
.note, .before li { background: #fff8c5; border-left: 4px solid #d4a72c; padding: 6px 10px; margin: 8px 0 0; list-style: none; }
.before ul { padding: 0; }
footer { margin-top: 32px; color: #57606a; font-size: 13px; }
@media print { body { padding: 0; } h2 { break-after: avoid; } }
`;

const intro = (guide: Guide, t: Translate) => ({
  title: guide.walkthrough.name,
  device: t('guide.device', { profile: guide.profile.name, description: guide.profile.description[guide.lang] }),
  madeFrom: t('guide.madeFrom', { file: shownPath(guide.walkthrough.file) }),
});

/** The guide as one HTML page; `pictures[0]` is the start, `pictures[n]` the screen after step n (SVG). */
export const guideHtml = (guide: Guide, pictures: readonly string[]): string => {
  const t = translator(guide.lang);
  const { title, device, madeFrom } = intro(guide, t);
  const note = (text: string) => `<p class="note"><strong>${escapeHtml(t('guide.note'))}</strong>${escapeHtml(text)}</p>`;
  return [
    '<!doctype html>',
    `<html lang="${guide.lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1><p class="meta">${escapeHtml(device)}</p>`,
    guide.before.length === 0
      ? ''
      : `<section class="before"><h2>${escapeHtml(t('guide.before'))}</h2><ul>${guide.before.map((id) => `<li>${escapeHtml(t(CAUTION_TEXTS[id]))}</li>`).join('')}</ul></section>`,
    `<section class="start"><h2>${escapeHtml(t('guide.start'))}</h2><figure>${pictures[0] ?? ''}</figure></section>`,
    `<h2>${escapeHtml(t('guide.steps'))}</h2><ol class="steps">`,
    ...guide.steps.map(
      (step, index) =>
        `<li id="step-${step.number}"><p class="caption">${escapeHtml(step.caption)}</p><figure>${pictures[index + 1] ?? ''}</figure>${step.cautions.map((id) => note(t(CAUTION_TEXTS[id]))).join('')}</li>`,
    ),
    '</ol>',
    `<footer>${escapeHtml(madeFrom)}</footer>`,
    '</body></html>',
  ].join('\n');
};

/** Markdown image text: brackets and line breaks out of the alt text. */
const alt = (text: string): string => text.replace(/[[\]\n]/g, ' ');

/** A relative file path as a link: each part %-encoded (a `#` would start a fragment, a space or `)` end the link). */
const link = (path: string): string =>
  path
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/[()]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');

/**
 * Text a walkthrough or profile wrote, as Markdown that shows it and nothing else: a line break
 * would end the heading or list item, and `<`, `&`, brackets, emphasis marks and a leading `#`,
 * `-` or `1.` would make HTML, links, headings, lists or formatting in the reader (a name `<script>…` or `[x](javascript:…)` stays text).
 */
const markdownText = (text: string): string =>
  text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\\`*_[\]<>&~|]/g, (char) => `\\${char}`)
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');

/** The guide as Markdown; `images[0]` is the start's picture file, `images[n]` step n's, relative to the document. */
export const guideMarkdown = (guide: Guide, images: readonly string[]): string => {
  const t = translator(guide.lang);
  const { title, device, madeFrom } = intro(guide, t);
  const image = (index: number, text: string) => `![${alt(text)}](${link(images[index] ?? '')})`;
  const lines = [`# ${markdownText(title)}`, '', markdownText(device), ''];
  if (guide.before.length > 0) lines.push(`## ${t('guide.before')}`, '', ...guide.before.map((id) => `- ${t(CAUTION_TEXTS[id])}`), '');
  lines.push(`## ${t('guide.start')}`, '', image(0, t('guide.start')), '', `## ${t('guide.steps')}`, '');
  guide.steps.forEach((step, index) => {
    const marker = `${step.number}. `;
    // Indented less than its marker is wide (step 10 on), a line would end the list in CommonMark.
    const inside = ' '.repeat(marker.length);
    lines.push(`${marker}${markdownText(step.caption)}`, '', `${inside}${image(index + 1, t('guide.step', { number: step.number }))}`, '');
    for (const id of step.cautions) lines.push(`${inside}> **${t('guide.note').trim()}** ${t(CAUTION_TEXTS[id])}`, '');
  });
  lines.push('---', '', markdownText(madeFrom), '');
  return lines.join('\n');
};
