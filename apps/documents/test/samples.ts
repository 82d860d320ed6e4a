import { crc32, deflateRawSync } from 'node:zlib';

/** Files as clients send them: the smallest real examples of each kind. */

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0])),
  chunk('IDAT', deflateRawSync(Buffer.from([0, 0, 0, 0, 0]))),
  chunk('IEND', Buffer.alloc(0)),
]);

const jpeg = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0', 'latin1'),
  Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0]),
  Buffer.alloc(64),
  Buffer.from([0xff, 0xd9]),
]);

const pdf = Buffer.from(
  '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' +
    '2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

/** The EICAR anti-virus test file: harmless, and every scanner reports it. */
const eicar = Buffer.from(
  'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*',
  'latin1',
);

/** A zip whose one entry expands 1,000-fold: 50 MiB of zeros in about 50 KiB. */
const zipBomb = zipOf('zeros.pdf', Buffer.alloc(50 * 2 ** 20));

export const samples = { png, jpeg, pdf, eicar, zipBomb };

function chunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A one-entry ZIP archive (deflated), with its central directory. */
function zipOf(name: string, content: Buffer) {
  const deflated = deflateRawSync(content);
  const fileName = Buffer.from(name, 'latin1');
  const common = (header: Buffer, offset: number) => {
    header.writeUInt16LE(20, offset); // version needed
    header.writeUInt16LE(0, offset + 2); // flags
    header.writeUInt16LE(8, offset + 4); // deflate
    header.writeUInt32LE(0, offset + 6); // time, date
    header.writeUInt32LE(crc32(content), offset + 10);
    header.writeUInt32LE(deflated.length, offset + 14);
    header.writeUInt32LE(content.length, offset + 18);
    header.writeUInt16LE(fileName.length, offset + 22);
    header.writeUInt16LE(0, offset + 24); // extra length
  };
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  common(local, 4);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4); // version made by
  common(central, 6);
  central.writeUInt32LE(0, 42); // local header offset
  const centralOffset = local.length + fileName.length + deflated.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, deflated, central, fileName, end]);
}

/** A PDF whose body carries the EICAR string, as a document smuggling a payload would. */
export const pdfCarryingEicar = Buffer.concat([
  samples.pdf.subarray(0, samples.pdf.indexOf('trailer')),
  Buffer.from('3 0 obj\n<< /Length 68 >>\nstream\n', 'latin1'),
  samples.eicar,
  Buffer.from('\nendstream\nendobj\n', 'latin1'),
  samples.pdf.subarray(samples.pdf.indexOf('trailer')),
]);

/** A valid PDF of about `bytes`: the sample padded with a comment (PDF ignores comments). */
export const pdfOfSize = (bytes: number) =>
  Buffer.concat([
    Buffer.from('%PDF-1.7\n%', 'latin1'),
    Buffer.alloc(Math.max(bytes - samples.pdf.length - 2, 0), 0x41),
    Buffer.from('\n', 'latin1'),
    samples.pdf.subarray(9),
  ]);
