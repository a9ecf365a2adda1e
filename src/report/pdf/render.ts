import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import pdfmake from 'pdfmake';

const require = createRequire(import.meta.url);
/** pdfmake's own Roboto files (Apache 2.0), shipped in node_modules/pdfmake/fonts/Roboto. */
const FONT_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const FONTS = {
  Roboto: {
    normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
};

let configured = false;

/**
 * pdfmake set up for the report: the Roboto fonts, no URL ever fetched, and local reads limited to
 * the font directory (a document can never pull in another file from disk).
 */
function configure(): void {
  if (configured) return;
  pdfmake.setFonts(FONTS);
  pdfmake.setUrlAccessPolicy(() => false);
  const allowed = resolve(FONT_DIR) + sep;
  pdfmake.setLocalAccessPolicy((path) => resolve(path).startsWith(allowed));
  configured = true;
}

/** Renders a pdfmake document definition to PDF bytes. */
export async function renderPdf(doc: object): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(doc).getBuffer();
}
