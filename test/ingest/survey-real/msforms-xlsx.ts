import ExcelJS from 'exceljs';

/**
 * Writes a Microsoft Forms "Open results in Excel" workbook as Forms produces it: sheet "Sheet1",
 * ID, Start time, Completion time, Email, Name, Last modified time, then one column per question;
 * times are Excel dates (m/d/yy h:mm:ss); multi-select answers joined by ";" with a trailing ";";
 * "Other" text typed among the choices; a Likert question becomes one column per statement, headed by the
 * statement alone (here: a colleague's name); Email "anonymous" when the form did not collect it.
 */
export async function writeMsFormsXlsx(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow([
    'ID',
    'Start time',
    'Completion time',
    'Email',
    'Name',
    'Last modified time',
    'Whom do you go to for advice about technology in the classroom?',
    'Whom do you go to for advice about your own professional learning?',
    "Patrick O'Brien",
    'Fatima Al-Sayed',
    'My department makes decisions together.',
  ]);
  const t = (s: string) => new Date(s + 'Z'); // exceljs stores a Date as the serial of its UTC wall time
  const rows: unknown[][] = [
    [
      1,
      t('2025-03-17T08:01:12'),
      t('2025-03-17T08:06:40'),
      'aaliyah.johnson@maplegrove.k12.us',
      'Aaliyah Johnson',
      null,
      'Samuel Okafor;Thanh Nguyen;',
      'Jen St Clair\nMike B.',
      'Weekly',
      'Monthly',
      'Agree',
    ],
    [
      2,
      t('2025-03-17T09:14:03'),
      t('2025-03-17T09:17:59'),
      'william.fraser@maplegrove.k12.us',
      'Fraser, William',
      null,
      'Samuel Okafor;',
      'Coach Brown',
      'Daily',
      'Never',
      'Strongly agree',
    ],
    [3, t('2025-03-17T10:30:00'), t('2025-03-17T10:31:45'), 'anonymous', null, null, 'Samantha Park;', null, 'Monthly', null, 'Disagree'],
    [
      4,
      t('2025-03-18T13:22:51'),
      t('2025-03-18T13:29:10'),
      'chloe.martin@maplegrove.k12.us',
      'Chloé Martin',
      null,
      'Samantha Park;Jo from the district office;',
      'Samantha Park, Mary Kate Dubois',
      'Monthly',
      'Weekly',
      'Agree',
    ],
    [
      5,
      t('2025-03-19T07:45:30'),
      t('2025-03-19T07:49:02'),
      'michael.brown@maplegrove.k12.us',
      'Michael Brown',
      null,
      'Samuel Okafor;Chloé Martin;',
      'Maggie, Ingrid',
      'Weekly',
      null,
      'Neutral',
    ],
    [
      6,
      t('2025-03-19T15:05:44'),
      t('2025-03-19T15:12:20'),
      'margaret.kowalczyk@maplegrove.k12.us',
      'Margaret Kowalczyk',
      null,
      null,
      'Elizabeth de la Cruz and Fatima',
      null,
      'Daily',
      'Agree',
    ],
  ];
  for (const r of rows) ws.addRow(r);
  for (const col of [2, 3]) ws.getColumn(col).numFmt = 'm/d/yy h:mm:ss';
  await wb.xlsx.writeFile(path);
}
