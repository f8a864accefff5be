// Emitter for the inventory cell: the course's inv_simulator over the
// safety-stock levels (helpers-inventory.ts re-implements src/data/inventory.ts
// line for line, so the ledger and every measure are the workbench's).
import { header, pyLiteral, pyName, type Emitter } from './context.ts';
import { pyString } from './jsexpr.ts';

interface PriceFrom { input: string; keyColumn: string; key: string | number; column: string }

export const emitInventory: Emitter = (cell, p, ctx) => {
  const table = pyName(String(p.input));
  const out = pyName(String(p.output));
  const zeroName = p.searchZeroLoss && p.zeroLossOutput ? pyName(String(p.zeroLossOutput)) : '';
  const zero = zeroName || 'zero_loss';
  const percent = p.unit === 'percent';
  const priceFrom = p.priceFrom as PriceFrom | undefined;
  const price = priceFrom
    ? `price_from(${pyName(priceFrom.input)}, ${pyString(priceFrom.keyColumn)}, ${pyLiteral(priceFrom.key)}, ${pyString(priceFrom.column)})`
    : String(Number(p.price));
  const lines = [
    header(cell),
    `# The course's inventory simulation (inv_simulator) on ${p.input}: each day receive what was ordered ${p.leadTime} days before,`,
    `# sell the actual demand ("${p.actual}"), lose what the stock cannot cover, and order the forecast ("${p.predicted}") of the day`,
    `# the order will arrive plus the safety stock, minus tonight's stock. Safety stock in ${percent ? '% of the mean daily demand' : 'units'}.`,
    `price = ${price}`,
    `${out}, ${zero}, mean_demand = inventory_study(${table}, ${pyString(String(p.actual))}, ${pyString(String(p.predicted))}, lead_time=${Number(p.leadTime)},`,
    `    safety_stocks=${pyLiteral(p.safetyStocks)}, unit=${pyString(String(p.unit))}, price=price, search_zero_loss=${p.searchZeroLoss ? 'True' : 'False'})`,
    `print(f'{${out}["days"].iloc[0]} of {len(${table})} days simulated, lead time ${Number(p.leadTime)}, price {price}, mean daily demand {mean_demand:.1f}')`,
    `no_loss = ${out}.loc[${out}['lost_units'] < INVENTORY_NO_LOSS, 'safety_stock']`,
    `print('Smallest simulated safety stock with no lost sales:', no_loss.min() if len(no_loss) else 'none (every level loses sales)')`,
    `report(${pyString(cell.id)}, 'levels', records(${out}, len(${out})))`,
  ];
  if (p.searchZeroLoss) {
    lines.push(
      `if ${zero} is not None and len(${zero}):`,
      `    print('Smallest whole-unit safety stock with zero lost sales:', ${zero}.iloc[0].to_dict())`,
      `report(${pyString(cell.id)}, 'zero_loss', records(${zero}, 1))`,
    );
  }
  lines.push(
    'if plt is not None:  # average stock and lost units by safety stock',
    '    fig, ax = plt.subplots()',
    `    ax.bar(${out}['safety_stock'].astype(str), ${out}['lost_units'], alpha=0.6, color='tab:orange', label='lost units')`,
    `    ax.set_xlabel('safety stock (${percent ? '% of mean daily demand' : 'units'})'); ax.set_ylabel('lost units')`,
    `    ax2 = ax.twinx(); ax2.plot(${out}['safety_stock'].astype(str), ${out}['avg_stock'], marker='o', label='average stock')`,
    "    ax2.set_ylabel('daily average stock (units)'); ax.set_title('Average stock and lost sales by safety stock'); plt.show()",
    out,
  );
  ctx.defined.set(String(p.output), 'table');
  if (zeroName) ctx.defined.set(String(p.zeroLossOutput), 'table');
  return [{ type: 'code', source: lines.join('\n'), from: cell.id }];
};
