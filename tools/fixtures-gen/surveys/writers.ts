/**
 * Lays a survey design out in one tool's export shape and encodes it: Google Forms CSV, Microsoft
 * Forms .xlsx, Qualtrics CSV (three header rows), Excel "CSV UTF-8" (BOM), Excel CSV in
 * Windows-1252, semicolon CSV of a European locale (decimal commas, day-first dates) and Excel
 * "Unicode text" (UTF-16 LE, tab-delimited).
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import type { Question, ResponseRow, SurveyDesign } from './design.js';
import type { RosterPerson } from './variants.js';

export type ExportShape =
  'google-forms' | 'microsoft-forms' | 'qualtrics' | 'excel-utf8-bom' | 'excel-cp1252' | 'excel-semicolon' | 'excel-unicode-text';

export interface Table {
  cells: Array<Array<string | Date>>;
  headerRows: number;
  joiner: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
function fmtTime(iso: string, shape: ExportShape): string | Date {
  const d = new Date(iso + 'Z');
  const [Y, M, D, h, m, s] = [
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
  ];
  switch (shape) {
    case 'google-forms':
      return `${M}/${D}/${Y} ${h}:${pad(m)}:${pad(s)}`;
    case 'microsoft-forms':
      return d;
    case 'excel-cp1252':
      return `${M}/${D}/${Y} ${h}:${pad(m)}`;
    case 'excel-semicolon':
      return `${pad(D)}.${pad(M)}.${Y} ${pad(h)}:${pad(m)}`;
    default:
      return `${Y}-${pad(M)}-${pad(D)} ${pad(h)}:${pad(m)}:${pad(s)}`;
  }
}

const JOINER: Record<ExportShape, string> = {
  'google-forms': ', ',
  'microsoft-forms': ';',
  qualtrics: '',
  'excel-utf8-bom': '\n',
  'excel-cp1252': ', ',
  'excel-semicolon': ', ',
  'excel-unicode-text': '\n',
};

export function layout(d: SurveyDesign, roster: readonly RosterPerson[], shape: ExportShape): Table {
  const byId = new Map(roster.map((p) => [p.id, p]));
  const person = (id: string) => byId.get(id)!;
  const joiner = JOINER[shape];
  // question columns: header text, Qualtrics tag, and a cell function
  type Col = { header: string; tag: string; cell: (r: ResponseRow) => string };
  const cols: Col[] = [];
  d.questions.forEach((q: Question, qi) => {
    const qid = `Q${qi + 1}`;
    if (q.kind === 'names') {
      if (shape === 'qualtrics') {
        const k = Math.max(1, ...d.rows.map((r) => r.names.get(qi)?.length ?? 0));
        for (let i = 0; i < k; i++)
          cols.push({ header: `${q.header} - ${i + 1}`, tag: `${qid}_${i + 1}`, cell: (r) => r.names.get(qi)?.[i] ?? '' });
      } else {
        cols.push({
          header: q.header,
          tag: qid,
          cell: (r) => {
            const t = r.names.get(qi);
            return t ? t.join(joiner) + (shape === 'microsoft-forms' ? ';' : '') : '';
          },
        });
      }
    } else if (q.kind === 'grid') {
      q.targets.forEach((id, i) => {
        const name = person(id).name;
        cols.push({
          header: shape === 'qualtrics' ? `${q.base} - ${name}` : `${q.base} [${name}]`,
          tag: `${qid}_${i + 1}`,
          cell: (r) => {
            const v = r.grid.get(qi)?.get(id) ?? '';
            return shape === 'excel-semicolon' ? v.replace('.', ',') : v;
          },
        });
      });
    } else if (q.kind === 'likert') cols.push({ header: q.header, tag: qid, cell: (r) => r.likert.get(qi) ?? '' });
    else cols.push({ header: q.header, tag: qid, cell: (r) => (r.skills.get(qi) ?? []).join(shape === 'microsoft-forms' ? ';' : ', ') });
  });

  const rows: Array<Array<string | Date>> = [];
  const q = (r: ResponseRow) => cols.map((c) => c.cell(r));
  switch (shape) {
    case 'google-forms':
    case 'excel-cp1252':
      rows.push([shape === 'google-forms' ? 'Timestamp' : 'Submitted at', 'Email Address', ...cols.map((c) => c.header)]);
      for (const r of d.rows) rows.push([fmtTime(r.time, shape), person(r.respondent).email ?? '', ...q(r)]);
      return { cells: rows, headerRows: 1, joiner };
    case 'microsoft-forms':
      rows.push(['ID', 'Start time', 'Completion time', 'Email', 'Name', ...cols.map((c) => c.header)]);
      d.rows.forEach((r, i) => {
        const done = fmtTime(r.time, shape) as Date;
        rows.push([
          String(i + 1),
          new Date(done.getTime() - 7 * 60000),
          done,
          person(r.respondent).email ?? '',
          person(r.respondent).name,
          ...q(r),
        ]);
      });
      return { cells: rows, headerRows: 1, joiner };
    case 'qualtrics': {
      const meta = [
        'StartDate',
        'EndDate',
        'Status',
        'IPAddress',
        'Progress',
        'Duration (in seconds)',
        'Finished',
        'RecordedDate',
        'ResponseId',
        'RecipientLastName',
        'RecipientFirstName',
        'RecipientEmail',
        'ExternalReference',
        'LocationLatitude',
        'LocationLongitude',
        'DistributionChannel',
        'UserLanguage',
      ];
      const metaText = [
        'Start Date',
        'End Date',
        'Response Type',
        'IP Address',
        'Progress',
        'Duration (in seconds)',
        'Finished',
        'Recorded Date',
        'Response ID',
        'Recipient Last Name',
        'Recipient First Name',
        'Recipient Email',
        'External Data Reference',
        'Location Latitude',
        'Location Longitude',
        'Distribution Channel',
        'User Language',
      ];
      const metaIds = [
        'startDate',
        'endDate',
        'status',
        'ipAddress',
        'progress',
        'duration',
        'finished',
        'recordedDate',
        '_recordId',
        'recipientLastName',
        'recipientFirstName',
        'recipientEmail',
        'externalDataReference',
        'locationLatitude',
        'locationLongitude',
        'distributionChannel',
        'userLanguage',
      ];
      rows.push([...meta, ...cols.map((c) => c.tag)]);
      rows.push([...metaText, ...cols.map((c) => c.header)]);
      rows.push([
        ...metaIds.map((id) => JSON.stringify(id.endsWith('Date') ? { ImportId: id, timeZone: 'America/Denver' } : { ImportId: id })),
        ...cols.map((c) => JSON.stringify({ ImportId: c.tag.replace(/^Q/, 'QID') })),
      ]);
      d.rows.forEach((r, i) => {
        const p = person(r.respondent);
        const parts = p.name.split(' ');
        const t = fmtTime(r.time, shape) as string;
        rows.push([
          t,
          t,
          'IP Address',
          '10.0.0.' + (i + 1),
          '100',
          String(300 + i * 7),
          'True',
          t,
          `R_${(1e6 + i * 7919).toString(36)}`,
          parts.slice(1).join(' '),
          parts[0]!,
          p.email ?? '',
          '',
          '',
          '',
          'email',
          'EN',
          ...q(r),
        ]);
      });
      return { cells: rows, headerRows: 3, joiner };
    }
    case 'excel-utf8-bom':
    case 'excel-semicolon':
      rows.push(['Timestamp', 'Staff ID', ...cols.map((c) => c.header)]);
      for (const r of d.rows) rows.push([fmtTime(r.time, shape), r.respondent, ...q(r)]);
      return { cells: rows, headerRows: 1, joiner };
    case 'excel-unicode-text':
      rows.push(['Timestamp', 'Your name', ...cols.map((c) => c.header)]);
      for (const r of d.rows) rows.push([fmtTime(r.time, shape), person(r.respondent).name, ...q(r)]);
      return { cells: rows, headerRows: 1, joiner };
  }
}

function delimited(rows: Array<Array<string | Date>>, delim: string): string {
  const cell = (v: string | Date) => {
    const s = typeof v === 'string' ? v : v.toISOString();
    return s.includes(delim) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(delim)).join('\r\n') + '\r\n';
}

/** Windows-1252 bytes of a text (throws on a character the code page lacks). */
export function encodeCp1252(text: string): Uint8Array {
  const special: Record<string, number> = {
    '€': 0x80,
    '‚': 0x82,
    ƒ: 0x83,
    '„': 0x84,
    '…': 0x85,
    '†': 0x86,
    '‡': 0x87,
    ˆ: 0x88,
    '‰': 0x89,
    Š: 0x8a,
    '‹': 0x8b,
    Œ: 0x8c,
    Ž: 0x8e,
    '‘': 0x91,
    '’': 0x92,
    '“': 0x93,
    '”': 0x94,
    '•': 0x95,
    '–': 0x96,
    '—': 0x97,
    '˜': 0x98,
    '™': 0x99,
    š: 0x9a,
    '›': 0x9b,
    œ: 0x9c,
    ž: 0x9e,
    Ÿ: 0x9f,
  };
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!,
      code = text.charCodeAt(i);
    if (special[c] !== undefined) out[i] = special[c]!;
    else if (code < 0x100 && (code < 0x80 || code >= 0xa0)) out[i] = code;
    else throw new Error(`"${c}" has no Windows-1252 byte`);
  }
  return out;
}

/** The file bytes (or, for .xlsx, a promise of the workbook buffer) and its file name. */
export async function encode(table: Table, shape: ExportShape): Promise<{ name: string; bytes: Uint8Array }> {
  switch (shape) {
    case 'microsoft-forms': {
      const wb = new ExcelJS.Workbook();
      wb.created = wb.modified = new Date('2026-04-30T12:00:00Z'); // fixed: same seed, same bytes
      wb.creator = wb.lastModifiedBy = 'Microsoft Forms';
      const ws = wb.addWorksheet('Sheet1');
      for (const r of table.cells) ws.addRow(r);
      ws.getColumn(2).numFmt = 'm/d/yy h:mm:ss';
      ws.getColumn(3).numFmt = 'm/d/yy h:mm:ss';
      // re-zip with fixed entry times so the same seed gives the same bytes
      const files = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
      return { name: 'survey.xlsx', bytes: zipSync(files, { mtime: new Date('2026-04-30T12:00:00Z') }) };
    }
    case 'excel-utf8-bom':
      return { name: 'survey.csv', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(delimited(table.cells, ','), 'utf8')]) };
    case 'excel-cp1252':
      return { name: 'survey.csv', bytes: encodeCp1252(delimited(table.cells, ',')) };
    case 'excel-semicolon':
      return { name: 'survey.csv', bytes: new Uint8Array(Buffer.from(delimited(table.cells, ';'), 'utf8')) };
    case 'excel-unicode-text':
      return { name: 'survey.txt', bytes: new Uint8Array([0xff, 0xfe, ...Buffer.from(delimited(table.cells, '\t'), 'utf16le')]) };
    default:
      return { name: 'survey.csv', bytes: new Uint8Array(Buffer.from(delimited(table.cells, ','), 'utf8')) };
  }
}
