// Bank-marketing stand-in (COURSE.md §5): 41,188 clients with the columns,
// types and category sets of UCI bank-additional-full.csv, written like the
// UCI file (';'-separated, text quoted) so one load cell reads both this and
// the real sample. Features are drawn from hard-coded marginals (marginals.ts)
// with a few realistic dependencies; the outcome comes from a logistic model
// whose effects were tuned until the course's group rates came out.
import { makeRng, type Rng } from '../rng.ts';
import { round, toCsv, type Cell } from '../csv.ts';
import {
  CAMPAIGN_HEAD, CAMPAIGN_TAIL_SHARE, DAYS, DEFAULT, EDUCATION, HOUSING, JOBS, LOAN_KNOWN, PDAYS, PERIODS, TELEPHONE_SHARE,
} from './marginals.ts';

export const BANK_COLUMNS = [
  'age', 'job', 'marital', 'education', 'default', 'housing', 'loan', 'contact', 'month', 'day_of_week', 'duration',
  'campaign', 'pdays', 'previous', 'poutcome', 'emp.var.rate', 'cons.price.idx', 'cons.conf.idx', 'euribor3m', 'nr.employed', 'y',
] as const;

export const BANK_ROWS = 41_188;
/** 4,640 of 41,188 = 11.27% "yes", as in the full UCI file. */
export const BANK_POSITIVE_RATE = 0.1127;

interface Client {
  cells: Cell[];
  logit: number;
}

const logit = (p: number) => Math.log(p / (1 - p));
const periodWeights = PERIODS.map((p) => p.weight);

function ageFor(rng: Rng, job: string): number {
  const clip = (a: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(a)));
  if (job === 'student') return clip(24 + 4 * rng.normal(), 17, 40);
  if (job === 'retired') return clip(rng.next() < 0.62 ? 56 + 3 * rng.normal() : 64 + 9 * Math.abs(rng.normal()), 45, 98);
  if (job === 'housemaid' && rng.next() < 0.12) return clip(64 + 6 * Math.abs(rng.normal()), 55, 90);
  return clip(39 + 9.5 * rng.normal(), 20, 66);
}

function campaign(rng: Rng): number {
  if (rng.next() < CAMPAIGN_TAIL_SHARE) return Math.min(56, 8 + Math.floor(Math.log(1 - rng.next()) / Math.log(0.82)));
  return 1 + rng.index(CAMPAIGN_HEAD);
}

// Outcome effects on the log-odds (tuned; see docs/datasets.md).
const JOB_EFFECT: Record<string, number> = { student: 1.55, retired: 0.05, unemployed: 0.35, 'blue-collar': -0.35, entrepreneur: -0.25, services: -0.2, housemaid: -0.1 };

function client(rng: Rng): Client {
  const period = PERIODS[rng.index(periodWeights)];
  const job = rng.weighted(JOBS);
  const age = ageFor(rng, job);
  const maritalRoll = rng.next();
  const single = age < 30 ? 0.62 : age < 40 ? 0.3 : 0.1;
  const marital = maritalRoll < 0.002 ? 'unknown' : maritalRoll < 0.002 + single ? 'single' : maritalRoll < 0.12 + single ? 'divorced' : 'married';
  const education = job === 'student' && rng.next() < 0.5 ? 'high.school' : rng.weighted(EDUCATION);
  const dflt = rng.weighted(DEFAULT);
  const housing = rng.weighted(HOUSING);
  const loan = housing === 'unknown' ? 'unknown' : rng.weighted(LOAN_KNOWN);
  const contact = rng.next() < TELEPHONE_SHARE[period.month] ? 'telephone' : 'cellular';
  const day = rng.weighted(DAYS);
  const calls = campaign(rng);
  // Earlier campaigns reached many of the clients of the late, low-employment periods.
  const late = period.nrEmployed < 5099;
  const prior = rng.next();
  const poutcome = prior < (late ? 0.52 : 0.915) ? 'nonexistent' : prior < (late ? 0.82 : 0.988) ? 'failure' : 'success';
  const previous = poutcome === 'nonexistent' ? 0 : Math.min(7, 1 + Math.floor(-Math.log(1 - rng.next()) * (poutcome === 'success' ? 0.9 : 0.35)));
  const contacted = poutcome === 'success' ? rng.next() < 0.93 : poutcome === 'failure' && rng.next() < 0.08;
  const pdays = contacted ? Number(rng.weighted(PDAYS)) : 999;

  let z = logit(period.rate);
  z += contact === 'cellular' ? 0.55 : -0.5;
  z += JOB_EFFECT[job] ?? 0;
  if (age > 60) z += 2.8;
  else if (age < 25) z += 0.3;
  z += poutcome === 'success' ? 1.85 : poutcome === 'failure' ? 0.2 : 0;
  z -= 0.11 * Math.min(calls - 1, 10);
  if (dflt === 'unknown') z -= 0.3;

  const cells: Cell[] = [
    age, job, marital, education, dflt, housing, loan, contact, period.month, day, 0, calls, pdays, previous, poutcome,
    period.empVarRate, period.consPriceIdx, period.consConfIdx, round(rng.uniform(period.euribor[0], period.euribor[1]), 3), period.nrEmployed, 'no',
  ];
  return { cells, logit: z };
}

/**
 * Call duration in seconds, drawn after the outcome: successful calls last
 * about three times as long (medians ~450 s vs ~165 s in the real sample).
 * This is the leak the course removes by dropping `duration`.
 */
function duration(rng: Rng, yes: boolean): number {
  const seconds = Math.exp(Math.log(yes ? 440 : 165) + (yes ? 0.6 : 0.8) * rng.normal());
  return Math.min(4918, Math.max(yes ? 37 : 0, Math.round(seconds)));
}

/** Bank rows (columns as BANK_COLUMNS); exactly round(rows × 11.27%) are "yes". */
export function generateBankRows(seed: number, rows = BANK_ROWS): Cell[][] {
  const rng = makeRng(seed ^ 0xba4c);
  const clients = Array.from({ length: rows }, () => client(rng));
  // Calibrate the intercept so the expected rate is the target, then pick the
  // "yes" clients by weighted sampling without replacement (Efraimidis–Spirakis
  // with odds as weights), which fixes the count exactly but keeps the model's
  // relative chances.
  let lo = -10;
  let hi = 10;
  for (let it = 0; it < 50; it++) {
    const mid = (lo + hi) / 2;
    const mean = clients.reduce((s, c) => s + 1 / (1 + Math.exp(-(c.logit + mid))), 0) / rows;
    if (mean > BANK_POSITIVE_RATE) hi = mid;
    else lo = mid;
  }
  const shift = (lo + hi) / 2;
  const keys = clients.map((c, i) => ({ i, key: Math.log(1 - rng.next()) / Math.exp(c.logit + shift) }));
  keys.sort((a, b) => b.key - a.key || a.i - b.i);
  const positives = Math.round(rows * BANK_POSITIVE_RATE);
  for (let k = 0; k < positives; k++) clients[keys[k].i].cells[20] = 'yes';
  for (const c of clients) c.cells[10] = duration(rng, c.cells[20] === 'yes');
  return clients.map((c) => c.cells);
}

export function generateBankCsv(seed: number, rows = BANK_ROWS): string {
  return toCsv(BANK_COLUMNS, generateBankRows(seed, rows), { separator: ';', quoteStrings: true });
}
