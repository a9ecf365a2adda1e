import ExcelJS from 'exceljs';

const NFD = (s: string) => s.normalize('NFD');

/**
 * The pitfall set as a Microsoft Forms "Open results in Excel" workbook (written here: the format is binary). A form
 * open to anyone in the organisation with "Record name" off: Email is "anonymous" and Name is empty on every row, so
 * the respondent is known only from a "Your name" question; multi-select answers joined by ";" with a trailing ";";
 * times are Excel dates. Layout as in README.md beside this file.
 */
export async function writePitfallsMsForms(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow([
    'ID',
    'Start time',
    'Completion time',
    'Email',
    'Name',
    'Last modified time',
    'Your name',
    'Who helps you with assessment?',
    'Who do you plan with?',
    'Who do you turn to about technology and data?',
  ]);
  const t = (s: string) => new Date(s + 'Z'); // exceljs stores a Date as the serial of its UTC wall time
  const rows: unknown[][] = [
    [
      1,
      t('2025-03-17T08:01:12'),
      t('2025-03-17T08:06:40'),
      'anonymous',
      null,
      null,
      'José Núñez',
      'Chloé Martin;Ana Ruiz;',
      'Müller, Björn',
      'zoë.åkesson@colegio.example',
    ],
    [
      2,
      t('2025-03-17T09:14:03'),
      t('2025-03-17T09:17:59'),
      'anonymous',
      null,
      null,
      NFD('Chloé Martin'),
      `${NFD('José Núñez')};`,
      "Ana Ruiz\nSiobhán O'Neil",
      NFD('Zoë Åkesson'),
    ],
    [
      3,
      t('2025-03-18T07:45:33'),
      t('2025-03-18T07:52:02'),
      'anonymous',
      null,
      null,
      'Åkesson, Zoë',
      `${NFD('Thanh Nguyễn')};`,
      'Marie-Hélène Dubois',
      'José Núñez, Björn Müller',
    ],
    [
      4,
      t('2025-03-18T15:02:18'),
      t('2025-03-18T15:05:41'),
      'anonymous',
      null,
      null,
      'Ana Ruiz',
      'Zoë Åkesson;',
      'Chloé Martin',
      NFD('ZOË.ÅKESSON@colegio.example'),
    ],
  ];
  for (const r of rows) ws.addRow(r);
  for (const c of [2, 3]) ws.getColumn(c).numFmt = 'm/d/yy h:mm:ss';
  await wb.xlsx.writeFile(path);
}
