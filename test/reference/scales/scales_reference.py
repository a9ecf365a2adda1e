"""Independent reference for leadmap's survey scales (docs/metrics.md, "Survey scales").

Plain Python 3, no packages: reads people.csv and the shipped scales/leadmap-scales.yaml (by a
line-based reading of its simple layout), and writes expected.json with, per scale, Cronbach's alpha
over complete cases (statistics.variance, n - 1), the number of complete cases, the number of people
scored (at least minItems answered), the mean and sample sd of their scores (mean of answered,
reverse-coded items: 6 - answer), and the mean per department.

Run: python3 test/reference/scales/scales_reference.py  (from the repository root)
"""
import csv, json, os, re, statistics

here = os.path.dirname(os.path.abspath(__file__))
yaml_path = os.path.join(here, '..', '..', '..', 'scales', 'leadmap-scales.yaml')
words = {'strongly disagree': 1, 'disagree': 2, 'neither agree nor disagree': 3, 'agree': 4, 'strongly agree': 5}

scales = []
for line in open(yaml_path, encoding='utf-8'):
    m = re.match(r'\s+- scale: (.*)$', line)
    if m:
        scales.append({'scale': m.group(1).strip(), 'items': [], 'minItems': None})
        continue
    m = re.match(r'\s+minItems: (\d+)', line)
    if m:
        scales[-1]['minItems'] = int(m.group(1))
        continue
    m = re.match(r'\s+- \{ item: "(.*)", reverse: true \}', line)
    if m:
        scales[-1]['items'].append((m.group(1), True))
        continue
    m = re.match(r'\s+- (.*)$', line)
    if m and scales:
        scales[-1]['items'].append((m.group(1).strip(), False))
for s in scales:
    k = len(s['items'])
    if s['minItems'] is None:
        s['minItems'] = max(min(2, k), -(-k // 2))

rows = [r for r in csv.DictReader(open(os.path.join(here, 'people.csv'), encoding='utf-8')) if r['responded'] != 'no']

def value(text):
    text = text.strip()
    if text == '':
        return None
    if text.lower() in words:
        return words[text.lower()]
    return float(text)

out = []
for s in scales:
    complete, scored = [], []
    for r in rows:
        vals = []
        for item, rev in s['items']:
            v = value(r[item])
            vals.append(None if v is None else (6 - v if rev else v))
        answered = [v for v in vals if v is not None]
        if len(answered) == len(vals):
            complete.append(vals)
        if len(answered) >= s['minItems'] and answered:
            scored.append((r['department'], sum(answered) / len(answered)))
    k = len(s['items'])
    alpha = None
    if k >= 2 and len(complete) >= 2:
        item_var = sum(statistics.variance([c[i] for c in complete]) for i in range(k))
        total_var = statistics.variance([sum(c) for c in complete])
        alpha = None if total_var == 0 else k / (k - 1) * (1 - item_var / total_var)
    scores = [x for _, x in scored]
    groups = {}
    for d, x in scored:
        if d:
            groups.setdefault(d, []).append(x)
    out.append({
        'scale': s['scale'],
        'alpha': alpha,
        'alphaN': len(complete),
        'n': len(scores),
        'mean': statistics.mean(scores) if scores else None,
        'sd': statistics.stdev(scores) if len(scores) >= 2 else None,
        'groups': {g: {'n': len(xs), 'mean': statistics.mean(xs)} for g, xs in sorted(groups.items())},
    })
json.dump(out, open(os.path.join(here, 'expected.json'), 'w'), indent=1)
print(json.dumps([(o['scale'], o['alpha'], o['n']) for o in out]))
