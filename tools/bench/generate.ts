import { closeSync, existsSync, openSync, renameSync, writeSync } from 'node:fs';
import { mulberry32 } from '../../src/fastpath/kernels/rng.js';

/**
 * Seeded generators of school- and district-like staff networks and interaction logs for the
 * benchmark (never committed; written under temp/bench). Structure: schools of `schoolSize` people,
 * departments of ~`deptSize` inside each; a tie's target is in the source's department with
 * probability 0.55, elsewhere in the school 0.35, anywhere in the district 0.10; within the chosen
 * group the target is drawn by preferential attachment (probability ∝ 1 + ties already received),
 * which gives the heavy-tailed in-degree of real advice networks (a few sought-after colleagues).
 */
export interface NetworkSpec {
  people: number;
  ties: number;
  seed: number;
  schoolSize: number;
  deptSize: number;
}

/** Buffered writer: strings gathered into ~4 MB blocks, written synchronously. */
export class BlockWriter {
  private parts: string[] = [];
  private size = 0;
  private readonly fd: number;
  constructor(private readonly path: string) {
    this.fd = openSync(path + '.part', 'w');
  }
  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 4_000_000) this.flush();
  }
  private flush(): void {
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
    renameSync(this.path + '.part', this.path);
  }
}

export function personId(i: number): string {
  return `p${i}`;
}

/** Group layout: school and department of each person index. */
function layout(spec: NetworkSpec): { school: Int32Array; dept: Int32Array; deptStart: Int32Array; schoolStart: Int32Array } {
  const n = spec.people;
  const school = new Int32Array(n);
  const dept = new Int32Array(n);
  const deptStart: number[] = [];
  const schoolStart: number[] = [];
  let d = -1;
  for (let i = 0; i < n; i++) {
    school[i] = Math.floor(i / spec.schoolSize);
    if (i % spec.schoolSize === 0) schoolStart.push(i);
    if ((i % spec.schoolSize) % spec.deptSize === 0) {
      d++;
      deptStart.push(i);
    }
    dept[i] = d;
  }
  deptStart.push(n);
  schoolStart.push(n);
  return { school, dept, deptStart: Int32Array.from(deptStart), schoolStart: Int32Array.from(schoolStart) };
}

/**
 * Draws the ties of a network: calls `emit(source, target, weight)` `spec.ties` times (duplicates
 * and no self-ties; a repeated pair is summed by every reader, so the distinct count is a little lower).
 */
export function generateTies(spec: NetworkSpec, emit: (s: number, t: number, w: number) => void): void {
  const rand = mulberry32(spec.seed);
  const n = spec.people;
  const { school, dept, deptStart, schoolStart } = layout(spec);
  // Preferential attachment: each group keeps "tickets" — every member once, plus one per tie received
  // inside it; a uniformly drawn ticket picks a person with probability ∝ 1 + ties received.
  const groups = deptStart.length - 1 + schoolStart.length - 1 + 1;
  const tickets: Int32Array[] = [];
  const used = new Int32Array(groups);
  const groupOf = (kind: 0 | 1 | 2, i: number): number =>
    kind === 0 ? dept[i]! : kind === 1 ? deptStart.length - 1 + school[i]! : groups - 1;
  const addTicket = (g: number, who: number): void => {
    let a = tickets[g]!;
    if (used[g] === a.length) {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      tickets[g] = a = b;
    }
    a[used[g]!++] = who;
  };
  for (let g = 0; g < groups; g++) tickets.push(new Int32Array(16));
  for (let i = 0; i < n; i++) for (const k of [0, 1, 2] as const) addTicket(groupOf(k, i), i);
  // Department chairs (second person of each department) are boundary spanners: half the
  // school-wide ties go to a chair, drawn preferentially (∝ 1 + such ties already received).
  const chairsOfSchool: number[][] = Array.from({ length: schoolStart.length - 1 }, () => []);
  for (let d = 0; d < deptStart.length - 1; d++) {
    const c = deptStart[d]! + 1;
    if (c < deptStart[d + 1]!) chairsOfSchool[school[c]!]!.push(c);
  }
  for (let e = 0; e < spec.ties; e++) {
    const s = Math.floor(rand() * n);
    const r = rand();
    let t: number;
    if (r < 0.55) {
      const g = groupOf(0, s);
      t = tickets[g]![Math.floor(rand() * used[g]!)]!;
    } else if (r < 0.9) {
      const chairs = chairsOfSchool[school[s]!]!;
      if (chairs.length > 0 && rand() < 0.5) {
        t = chairs[Math.floor(rand() * chairs.length)]!;
        chairs.push(t); // preferential among chairs too: a few become the school's go-to brokers
      } else {
        const g = groupOf(1, s);
        t = tickets[g]![Math.floor(rand() * used[g]!)]!;
      }
    } else {
      const g = groups - 1;
      t = tickets[g]![Math.floor(rand() * used[g]!)]!;
    }
    if (t === s) continue;
    if (dept[t] === dept[s]) addTicket(groupOf(0, t), t);
    if (school[t] === school[s]) addTicket(groupOf(1, t), t);
    addTicket(groups - 1, t);
    emit(s, t, 1 + Math.floor(rand() * 5));
  }
}

/** Writes roster.csv and ties.csv of a generated network (skipped when both exist). */
export function writeNetwork(spec: NetworkSpec, rosterPath: string, tiesPath: string, domains: readonly string[] = []): void {
  if (existsSync(rosterPath) && existsSync(tiesPath)) return;
  const { school, dept } = layout(spec);
  const roster = new BlockWriter(rosterPath);
  roster.write('id,name,role,department,school\n');
  for (let i = 0; i < spec.people; i++) {
    const role = i % spec.schoolSize === 0 ? 'principal' : i % spec.deptSize === 1 ? 'department chair' : 'teacher';
    roster.write(`${personId(i)},Person ${i},${role},d${dept[i]},s${school[i]}\n`);
  }
  roster.close();
  const ties = new BlockWriter(tiesPath);
  if (domains.length === 0) {
    ties.write('source,target,relation,weight\n');
    generateTies(spec, (s, t, w) => ties.write(`p${s},p${t},advice,${w}\n`));
  } else {
    ties.write('source,target,relation,domain,weight\n');
    generateTies(spec, (s, t, w) => ties.write(`p${s},p${t},advice,${domains[(s * 7 + t * 13 + w) % domains.length]},${w}\n`));
  }
  ties.close();
}

/**
 * Writes an e-mail metadata log (timestamp,sender,to,cc) of `rows` messages over `months` months
 * from 2025-01-01 (UTC), timestamps as Unix epoch seconds (~33 bytes a row: 25 million rows ≈ 830 MB):
 * senders and recipients follow the network's tie structure; 1–3 recipients, sometimes a cc;
 * 0.5 % broadcasts to 20–40 people; a few messages to outside addresses.
 */
export function writeEmailLog(spec: NetworkSpec, rows: number, months: number, path: string): void {
  if (existsSync(path)) return;
  const out = new BlockWriter(path);
  out.write('timestamp,sender,to,cc\n');
  const rand = mulberry32(spec.seed + 17);
  // Each person mails a fixed set of contacts drawn from the generated ties.
  const contacts: number[][] = Array.from({ length: spec.people }, () => []);
  generateTies({ ...spec, ties: Math.min(spec.ties, spec.people * 8) }, (s, t) => {
    contacts[s]!.push(t);
  });
  const start = Date.UTC(2025, 0, 1);
  const span = months * 30.4 * 86_400_000;
  const mail = (i: number): string => `p${i}@s.org`;
  for (let r = 0; r < rows; r++) {
    const ts = Math.floor((start + (r / rows) * span) / 1000) + Math.floor(rand() * 60);
    const s = Math.floor(rand() * spec.people);
    const own = contacts[s]!;
    const pickOne = (): string =>
      own.length > 0 && rand() < 0.9
        ? mail(own[Math.floor(rand() * own.length)]!)
        : rand() < 0.05
          ? `x${Math.floor(rand() * 500)}@out.com`
          : mail(Math.floor(rand() * spec.people));
    let to: string;
    let cc = '';
    const roll = rand();
    if (roll < 0.005) {
      const k = 20 + Math.floor(rand() * 20);
      to = '"' + Array.from({ length: k }, () => mail(Math.floor(rand() * spec.people))).join(';') + '"';
    } else if (roll < 0.75) {
      to = pickOne();
    } else {
      to = `"${pickOne()};${pickOne()}"`;
      if (rand() < 0.3) cc = pickOne();
    }
    out.write(`${ts},${mail(s)},${to},${cc}\n`);
  }
  out.close();
}
