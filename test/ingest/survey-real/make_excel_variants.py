"""Writes the Excel re-saved variants of fixtures/surveys-real/google-forms/survey.csv, byte for byte as
Excel saves them (run from the repository root: python3 test/ingest/survey-real/make_excel_variants.py).
The variants keep the answers, so the expected ties are those of google-forms (except the numeric grid of
excel-semicolon-de, written by hand there). Not needed by the test suite: its outputs are committed."""
import csv, io, os, shutil
from datetime import datetime

base = 'fixtures/surveys-real'
rows = list(csv.reader(open(f'{base}/google-forms/survey.csv', encoding='utf-8', newline='')))
head, data = rows[0], rows[1:]

def when(s):  # "2025/03/10 8:02:11 AM GMT-5" -> datetime
    return datetime.strptime(s.rsplit(' GMT', 1)[0], '%Y/%m/%d %I:%M:%S %p')

def write(name, fname, header, body, delimiter=',', encoding='utf-8', bom=b'', quoting=csv.QUOTE_MINIMAL):
    os.makedirs(f'{base}/{name}', exist_ok=True)
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator='\r\n', quoting=quoting)
    w.writerow([h.strip() if name != 'google-forms' else h for h in header])
    for r in body: w.writerow(r)
    open(f'{base}/{name}/{fname}', 'wb').write(bom + buf.getvalue().encode(encoding))
    for f in ('expected-ties.csv', 'expected-review.json', 'mapping.yaml'):
        if name != 'excel-semicolon-de' or f != 'expected-ties.csv':
            shutil.copy(f'{base}/google-forms/{f}', f'{base}/{name}/{f}')

us = lambda d: f'{d.month}/{d.day}/{d.year} {d.hour}:{d.minute:02d}'
# Excel "CSV UTF-8 (Comma delimited)": BOM, US dates as displayed (seconds dropped), CRLF.
write('excel-utf8-bom', 'survey.csv', head, [[us(when(r[0]))] + r[1:] for r in data], bom=b'\xef\xbb\xbf')
# Excel "CSV (Comma delimited)" on Windows: Windows-1252, curly apostrophes typed by staff.
curly = lambda s: s.replace("Mrs. O'Neil", 'Mrs. O\u2019Neil').replace("Mr. O'Brien", 'Mr. O\u2019Brien')
write('excel-cp1252', 'survey.csv', head, [[us(when(r[0]))] + [curly(c) for c in r[1:]] for r in data], encoding='cp1252')
# Excel "Unicode Text": UTF-16 LE with BOM, tab-delimited, CRLF.
write('excel-unicode-text', 'survey.txt', head, [[us(when(r[0]))] + r[1:] for r in data], delimiter='\t', encoding='utf-16-le', bom=b'\xff\xfe')
# A sheet whose Timestamp column lost its date format before saving: Excel date serials.
serial = lambda d: f'{(d - datetime(1899, 12, 30)).total_seconds() / 86400:.8f}'.rstrip('0')
# (the two responses of one person in reverse order: the time, not the file order, picks the latest)
swapped = data[:3] + [data[4], data[3]] + data[5:]
write('excel-date-serial', 'survey.csv', head, [[serial(when(r[0]))] + r[1:] for r in swapped])
# German Excel: semicolons, day-first dotted dates, decimal commas; the grid asked "how many times a month".
de = lambda d: d.strftime('%d.%m.%Y %H:%M')
grid_words = {'Daily': '20', 'Weekly': '4', 'Monthly': '1', 'A few times a year': '0,25', 'Rarely': '0,1', 'Never': '0', '': ''}
h2 = [h.replace('How often do you collaborate with each colleague on', 'How many times a month do you collaborate with each colleague on') for h in head]
write('excel-semicolon-de', 'survey.csv', h2, [[de(when(r[0]))] + r[1:6] + [grid_words[c] for c in r[6:9]] + r[9:] for r in data], delimiter=';', encoding='cp1252')
