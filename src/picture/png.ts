/**
 * An SVG picture rasterised to PNG with resvg, from fonts installed on the machine (nothing is
 * downloaded): the picture's monospace font for Latin text and a font with Chinese characters —
 * on Debian the packages fonts-dejavu-core and fonts-noto-cjk. The fonts are looked for where
 * systems keep them; where none of those is found, resvg's own search of the system's fonts is used.
 */
import { existsSync } from 'node:fs';

/** Font files the picture's fonts come in, by system: the first of each group that exists is used. */
const FONT_FILES: readonly (readonly string[])[] = [
  [
    '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf',
    '/usr/share/fonts/dejavu/DejaVuSansMono.ttf',
    '/usr/share/fonts/TTF/DejaVuSansMono.ttf',
  ],
  [
    '/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf',
    '/usr/share/fonts/dejavu/DejaVuSansMono-Bold.ttf',
    '/usr/share/fonts/TTF/DejaVuSansMono-Bold.ttf',
  ],
  [
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
    '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  ],
  [
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
    '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc',
    '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc',
  ],
];

/** The font files found for the picture's fonts. */
export const pictureFontFiles = (exists: (path: string) => boolean = existsSync): string[] =>
  FONT_FILES.flatMap((group) => {
    const found = group.find(exists);
    return found ? [found] : [];
  });

/** The picture as PNG, at `scale` times its size (2: sharp on a high-density screen). */
export const svgToPng = async (svg: string, scale = 2): Promise<Buffer> => {
  const { Resvg } = await import('@resvg/resvg-js');
  const fontFiles = pictureFontFiles();
  const resvg = new Resvg(svg, {
    font: { fontFiles, loadSystemFonts: fontFiles.length < FONT_FILES.length, defaultFontFamily: 'DejaVu Sans Mono' },
    fitTo: { mode: 'zoom', value: scale },
  });
  return resvg.render().asPng();
};
