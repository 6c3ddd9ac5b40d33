/**
 * Renders an Open Graph card to PNG at build time: satori lays the card out and draws its text
 * as SVG paths (Inter from @fontsource/inter, so no system font or network is involved), and
 * resvg rasterizes the SVG. Same input, same bytes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori, { type SatoriOptions } from 'satori';
import { OG_IMAGE_SIZE } from './head.ts';
import { type CardInput, card } from './og-card.ts';

const require = createRequire(import.meta.url);

let fonts: SatoriOptions['fonts'] | undefined;

/** Inter 400 and 700, latin subset, as WOFF (satori reads TTF, OTF and WOFF, not WOFF2). */
function loadFonts(): SatoriOptions['fonts'] {
  const file = (weight: 400 | 700) =>
    readFileSync(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`));
  fonts ??= [
    { name: 'Inter', data: file(400), weight: 400, style: 'normal' },
    { name: 'Inter', data: file(700), weight: 700, style: 'normal' },
  ];
  return fonts;
}

export async function cardSvg(input: CardInput): Promise<string> {
  // satori's element type is React's; the card is the same shape without depending on React.
  const element = card(input) as unknown as Parameters<typeof satori>[0];
  return satori(element, { ...OG_IMAGE_SIZE, fonts: loadFonts() });
}

export async function cardPng(input: CardInput): Promise<Buffer> {
  const svg = await cardSvg(input);
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: OG_IMAGE_SIZE.width },
    font: { loadSystemFonts: false },
  })
    .render()
    .asPng();
  return Buffer.from(png);
}
