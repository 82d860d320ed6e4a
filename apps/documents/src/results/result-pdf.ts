import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { resultTemplateFor, type Language, type Outcome } from './result-templates';

/** What a result document states: nothing about the applicant beyond their application. */
export interface ResultFacts {
  documentId: string;
  serviceCode: string;
  serviceTitle: string;
  applicationNumber: string;
  outcome: Outcome;
  reason?: string;
  language: Language;
  region: string;
  decidedAt: Date;
  /** The public page the QR code leads to. */
  verificationUrl: string;
}

const labels = {
  ru: {
    application: 'Заявление №',
    decided: 'Дата решения',
    reason: 'Основание',
    document: 'Документ №',
    verify: 'Проверить подлинность документа:',
    signed: 'Документ подписан ключом регионального узла; подпись и ключи опубликованы узлом.',
  },
  en: {
    application: 'Application no.',
    decided: 'Decided on',
    reason: 'Reason',
    document: 'Document no.',
    verify: 'Verify this document:',
    signed:
      "The document is signed with the regional node's key; the signature and keys are published by the node.",
  },
} as const;

// DejaVu Sans: Cyrillic and Latin in one free font, shipped as an npm package.
const require = createRequire(import.meta.url);
let fontBytes: Promise<Buffer> | undefined;
const loadFont = () =>
  (fontBytes ??= readFile(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')));

const A4 = [595.28, 841.89] as const;
const MARGIN = 56;

/** Renders the result document: an A4 PDF in the applicant's language, with a QR code. */
export async function renderResultPdf(facts: ResultFacts): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(await loadFont(), { subset: true });
  const page = pdf.addPage([...A4]);
  const text = labels[facts.language];
  const template = resultTemplateFor(facts.serviceCode);
  const date = new Intl.DateTimeFormat(facts.language === 'ru' ? 'ru-RU' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(facts.decidedAt);

  let y = A4[1] - MARGIN;
  const write = (line: string, size = 11, gap = 6) => {
    for (const part of wrap(line, font, size, A4[0] - 2 * MARGIN)) {
      y -= size + gap;
      page.drawText(part, { x: MARGIN, y, size, font, color: rgb(0.1, 0.1, 0.1) });
    }
  };
  write(facts.region, 10);
  y -= 18;
  write(template.heading[facts.language][facts.outcome], 16, 8);
  y -= 12;
  write(`${text.application} ${facts.applicationNumber}`);
  write(`${text.decided}: ${date}`);
  y -= 8;
  write(template.statement[facts.language][facts.outcome].replace('{service}', facts.serviceTitle));
  if (facts.reason) write(`${text.reason}: ${facts.reason}`);
  y -= 8;
  write(`${text.document} ${facts.documentId}`, 9);

  drawQr(page, facts.verificationUrl, MARGIN, MARGIN + 40, 110);
  page.drawText(text.verify, { x: MARGIN + 124, y: MARGIN + 130, size: 9, font });
  for (const [i, part] of wrap(facts.verificationUrl, font, 8, 300).entries()) {
    page.drawText(part, { x: MARGIN + 124, y: MARGIN + 116 - i * 11, size: 8, font });
  }
  for (const [i, part] of wrap(text.signed, font, 7, A4[0] - 2 * MARGIN).entries()) {
    page.drawText(part, { x: MARGIN, y: MARGIN + 20 - i * 9, size: 7, font });
  }

  pdf.setTitle(template.heading[facts.language][facts.outcome]);
  pdf.setSubject(`${facts.applicationNumber} ${facts.serviceTitle}`);
  pdf.setLanguage(facts.language);
  pdf.setProducer('Okno regional node');
  pdf.setCreator('Okno documents');
  pdf.setCreationDate(facts.decidedAt);
  pdf.setModificationDate(facts.decidedAt);
  return pdf.save();
}

/** The QR code as vector squares: sharp at any print size, no image to embed. */
function drawQr(page: PDFPage, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = size / modules.size;
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      page.drawRectangle({
        x: x + col * cell,
        y: y + size - (row + 1) * cell,
        width: cell,
        height: cell,
        color: rgb(0, 0, 0),
      });
    }
  }
}

/** Splits text into lines that fit `width` at `size`, breaking between words. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}
