// Every generated course dataset, as file name → CSV text. Pure: the CLI's
// `generate` command writes these under public/datasets/.
import { generateBankCsv } from './bank/generate.ts';
import { generateKmart } from './kmart/index.ts';
import { generateShopCsv } from './shop/index.ts';
import { generateKmartDocs } from './kmartdocs/index.ts';
import { generateAbaloneCsv } from './abalone/index.ts';

export const DEFAULT_SEED = 42;

export interface GeneratedFile {
  file: string;
  text: string;
}

export function generateAllDatasets(seed = DEFAULT_SEED): GeneratedFile[] {
  const kmart = generateKmart(seed);
  const docs = generateKmartDocs(seed);
  return [
    { file: 'shop-sessions.csv', text: generateShopCsv({ seed }) },
    { file: 'kmart-sales.csv', text: kmart.sales },
    { file: 'kmart-orders.csv', text: kmart.orders },
    { file: 'kmart-oil.csv', text: kmart.oil },
    { file: 'kmart-products.csv', text: kmart.products },
    { file: 'kmart-stores.csv', text: kmart.stores },
    { file: 'bank-marketing.csv', text: generateBankCsv(seed) },
    { file: 'kmart-docs.csv', text: docs.docs },
    { file: 'kmart-questions.csv', text: docs.questions },
    { file: 'abalone.csv', text: generateAbaloneCsv(seed) },
  ];
}
