// Hard-coded distributions for the bank-marketing stand-in. The weights are
// the category counts of the real 10% sample (UCI bank-additional.csv,
// 4,119 rows; Moro, Cortez & Rita 2014, CC BY 4.0), read once when this file
// was written: the generator itself never reads the real data.

export const JOBS: Record<string, number> = {
  'admin.': 1012, 'blue-collar': 884, technician: 691, services: 393, management: 324, retired: 166,
  'self-employed': 159, entrepreneur: 148, unemployed: 111, housemaid: 110, student: 82, unknown: 39,
};

export const EDUCATION: Record<string, number> = {
  'university.degree': 1264, 'high.school': 921, 'basic.9y': 574, 'professional.course': 535, 'basic.4y': 429,
  'basic.6y': 228, unknown: 167, illiterate: 1,
};

export const DEFAULT: Record<string, number> = { no: 3315, unknown: 803, yes: 1 };
export const HOUSING: Record<string, number> = { yes: 2175, no: 1839, unknown: 105 };
/** Loan given known housing (the real file has loan "unknown" exactly when housing is). */
export const LOAN_KNOWN: Record<string, number> = { no: 3349, yes: 665 };
export const DAYS: Record<string, number> = { thu: 860, mon: 855, tue: 841, wed: 795, fri: 768 };

/** Share of telephone (vs cellular) contacts by month, from the sample's month × contact table. */
export const TELEPHONE_SHARE: Record<string, number> = {
  may: 0.58, jun: 0.84, jul: 0.14, aug: 0.03, nov: 0.09, apr: 0.11, oct: 0.23, sep: 0.23, mar: 0.08, dec: 0.14,
};

/**
 * Campaign periods: each month of the real data has one macro-economic
 * context per year (the five indicator columns move together). Weights are
 * the sample's row counts; `rate` is that period's observed "yes" rate,
 * the base of the outcome model (late, low-employment periods convert far
 * better, which is where the month and nr.employed signals come from).
 * The three March/December rates are lowered (.52/.65/.57 observed on few
 * rows) so that the generated March and December rates land in the full
 * data's .44–.51 band once the other effects are added.
 */
export interface Period {
  month: string;
  empVarRate: number;
  consPriceIdx: number;
  consConfIdx: number;
  euribor: [number, number];
  nrEmployed: number;
  weight: number;
  rate: number;
}

export const PERIODS: Period[] = [
  { month: 'may', empVarRate: 1.1, consPriceIdx: 93.994, consConfIdx: -36.4, euribor: [4.855, 4.864], nrEmployed: 5191, weight: 758, rate: 0.033 },
  { month: 'jul', empVarRate: 1.4, consPriceIdx: 93.918, consConfIdx: -42.7, euribor: [4.955, 4.968], nrEmployed: 5228.1, weight: 667, rate: 0.064 },
  { month: 'may', empVarRate: -1.8, consPriceIdx: 92.893, consConfIdx: -46.2, euribor: [1.244, 1.354], nrEmployed: 5099.1, weight: 597, rate: 0.085 },
  { month: 'aug', empVarRate: 1.4, consPriceIdx: 93.444, consConfIdx: -36.1, euribor: [4.962, 4.97], nrEmployed: 5228.1, weight: 528, rate: 0.044 },
  { month: 'jun', empVarRate: 1.4, consPriceIdx: 94.465, consConfIdx: -41.8, euribor: [4.864, 4.967], nrEmployed: 5228.1, weight: 431, rate: 0.053 },
  { month: 'nov', empVarRate: -0.1, consPriceIdx: 93.2, consConfIdx: -42, euribor: [3.853, 4.663], nrEmployed: 5195.8, weight: 386, rate: 0.044 },
  { month: 'apr', empVarRate: -1.8, consPriceIdx: 93.075, consConfIdx: -47.1, euribor: [1.365, 1.498], nrEmployed: 5099.1, weight: 201, rate: 0.134 },
  { month: 'jun', empVarRate: -2.9, consPriceIdx: 92.963, consConfIdx: -40.8, euribor: [1.099, 1.281], nrEmployed: 5076.2, weight: 75, rate: 0.4 },
  { month: 'aug', empVarRate: -2.9, consPriceIdx: 92.201, consConfIdx: -31.4, euribor: [0.825, 0.884], nrEmployed: 5076.2, weight: 75, rate: 0.32 },
  { month: 'oct', empVarRate: -3.4, consPriceIdx: 92.431, consConfIdx: -26.9, euribor: [0.72, 0.754], nrEmployed: 5017.5, weight: 43, rate: 0.349 },
  { month: 'sep', empVarRate: -1.1, consPriceIdx: 94.199, consConfIdx: -37.5, euribor: [0.876, 0.886], nrEmployed: 4963.6, weight: 39, rate: 0.462 },
  { month: 'nov', empVarRate: -3.4, consPriceIdx: 92.649, consConfIdx: -30.1, euribor: [0.714, 0.722], nrEmployed: 5017.5, weight: 36, rate: 0.444 },
  { month: 'aug', empVarRate: -1.7, consPriceIdx: 94.027, consConfIdx: -38.3, euribor: [0.898, 0.905], nrEmployed: 4991.6, weight: 33, rate: 0.515 },
  { month: 'jul', empVarRate: -1.7, consPriceIdx: 94.215, consConfIdx: -40.3, euribor: [0.782, 0.896], nrEmployed: 4991.6, weight: 30, rate: 0.433 },
  { month: 'mar', empVarRate: -1.8, consPriceIdx: 92.843, consConfIdx: -50, euribor: [1.51, 1.811], nrEmployed: 5099.1, weight: 25, rate: 0.38 },
  { month: 'sep', empVarRate: -3.4, consPriceIdx: 92.379, consConfIdx: -29.8, euribor: [0.741, 0.819], nrEmployed: 5017.5, weight: 25, rate: 0.32 },
  { month: 'jun', empVarRate: -1.7, consPriceIdx: 94.055, consConfIdx: -39.8, euribor: [0.702, 0.767], nrEmployed: 4991.6, weight: 24, rate: 0.625 },
  { month: 'nov', empVarRate: -1.1, consPriceIdx: 94.767, consConfIdx: -50.8, euribor: [1.028, 1.05], nrEmployed: 4963.6, weight: 24, rate: 0.417 },
  { month: 'mar', empVarRate: -1.8, consPriceIdx: 93.369, consConfIdx: -34.8, euribor: [0.635, 0.655], nrEmployed: 5008.7, weight: 23, rate: 0.45 },
  { month: 'may', empVarRate: -1.8, consPriceIdx: 93.876, consConfIdx: -40, euribor: [0.668, 0.699], nrEmployed: 5008.7, weight: 23, rate: 0.609 },
  { month: 'dec', empVarRate: -3, consPriceIdx: 92.713, consConfIdx: -33, euribor: [0.7, 0.721], nrEmployed: 5023.5, weight: 21, rate: 0.4 },
  { month: 'oct', empVarRate: -1.1, consPriceIdx: 94.601, consConfIdx: -49.5, euribor: [0.942, 1.043], nrEmployed: 4963.6, weight: 20, rate: 0.35 },
  { month: 'apr', empVarRate: -1.8, consPriceIdx: 93.749, consConfIdx: -34.6, euribor: [0.64, 0.659], nrEmployed: 5008.7, weight: 14, rate: 0.643 },
  { month: 'jul', empVarRate: -2.9, consPriceIdx: 92.469, consConfIdx: -33.6, euribor: [0.914, 1.085], nrEmployed: 5076.2, weight: 14, rate: 0.214 },
  { month: 'oct', empVarRate: -0.1, consPriceIdx: 93.798, consConfIdx: -40.4, euribor: [4.794, 5.045], nrEmployed: 5195.8, weight: 6, rate: 0.5 },
  { month: 'dec', empVarRate: -0.2, consPriceIdx: 92.756, consConfIdx: -45.9, euribor: [3.329, 3.329], nrEmployed: 5176.3, weight: 2, rate: 0.3 },
];

/** Campaign (contacts in this campaign) 1–7 as in the sample; 8+ follows a geometric tail capped at 56. */
export const CAMPAIGN_HEAD = [1764, 1039, 549, 291, 142, 99, 60];
export const CAMPAIGN_TAIL_SHARE = 0.043;

/** Days since the last contact of a previous campaign, when there was one (sample's non-999 pdays). */
export const PDAYS: Record<string, number> = { 3: 52, 6: 42, 4: 14, 7: 10, 10: 8, 12: 5, 5: 4, 2: 4, 1: 3, 9: 3, 18: 2, 15: 2, 0: 2, 16: 2, 13: 2, 11: 1, 19: 1, 17: 1, 21: 1, 14: 1 };
