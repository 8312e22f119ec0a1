import { Workbook } from 'exceljs';
import { SAMPLE_FILES, storedZip } from '../../test/support/stored-zip';
import { sniffEvidence } from './sniff-evidence';

describe(sniffEvidence.name, () => {
  it.each([
    ['a PDF', SAMPLE_FILES.pdf(), 'application/pdf'],
    ['a PNG', SAMPLE_FILES.png(), 'image/png'],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), 'image/jpeg'],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'image/gif'],
    ['a WebP', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]), 'image/webp'],
    ['a DOCX', SAMPLE_FILES.docx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['an ODT', SAMPLE_FILES.odt(), 'application/vnd.oasis.opendocument.text'],
  ])('knows %s by its bytes', (_what, bytes, type) => {
    expect(sniffEvidence(bytes)).toBe(type);
  });

  it('knows an XLSX as a spreadsheet program writes it (compressed entries)', async () => {
    const book = new Workbook();
    book.addWorksheet('Présences').addRow(['Date', 'Participants']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    expect(sniffEvidence(bytes)).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it.each([
    ['an executable renamed .pdf', SAMPLE_FILES.elf()],
    ['a Windows executable', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)])],
    ['an HTML page', SAMPLE_FILES.html()],
    ['an SVG (it can carry script)', SAMPLE_FILES.svg()],
    ['a Word document with macros', SAMPLE_FILES.docm()],
    [
      'an OpenDocument with scripts',
      storedZip([
        ['mimetype', 'application/vnd.oasis.opendocument.text'],
        ['Basic/Standard/Module1.xml', '<x/>'],
      ]),
    ],
    ['any other ZIP', storedZip([['run.sh', '#!/bin/sh']])],
    ['a ZIP cut short', SAMPLE_FILES.docx().subarray(0, 60)],
    ['an empty file', Buffer.alloc(0)],
    ['plain text', Buffer.from('Compte rendu de la rencontre du 12 mars')],
  ])('refuses %s', (_what, bytes) => {
    expect(sniffEvidence(bytes)).toBeNull();
  });
});
