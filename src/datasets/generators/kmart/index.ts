// The five K-Mart CSVs (COURSE.md §4) as text.
import { toCsv } from '../csv.ts';
import { generateKmartSeries, generateOil } from './series.ts';
import { PRODUCTS, STORES } from './tables.ts';

export interface KmartFiles {
  sales: string;
  orders: string;
  oil: string;
  products: string;
  stores: string;
}

export function generateKmart(seed: number): KmartFiles {
  const { orders, sales } = generateKmartSeries(seed);
  return {
    sales: toCsv(['Date', 'Store_ID', 'Qty', 'Product_ID'], sales),
    orders: toCsv(['Date', 'Store_ID', 'CustomerCount'], orders),
    oil: toCsv(['Date', 'WTI_Price'], generateOil(seed)),
    products: toCsv(
      ['Product_ID', 'Product_Code', 'SubCategory', 'Category', 'LeadTime', 'Price'],
      PRODUCTS.map((p) => [p.id, p.code, p.subCategory, p.category, p.leadTime, p.price]),
    ),
    stores: toCsv(['Store_ID', 'City', 'State', 'Store_Type'], STORES.map((s) => [s.id, s.city, s.state, s.type])),
  };
}
