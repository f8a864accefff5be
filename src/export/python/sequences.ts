// Emitter for the sequences cell's sliding windows (helpers-sequences.ts):
// the same windows, targets and scaling as the workbench. Padded per-group
// sequences (next-state prediction, with the state vocabulary) stay a TODO.
import { Untranslated, header, pyLiteral, pyName, type Emitter } from './context.ts';
import { pyString } from './jsexpr.ts';

export const emitSequences: Emitter = (cell, p, ctx) => {
  if (p.mode !== 'windows') return new Untranslated('padded per-group sequences (next-state prediction with a state vocabulary) have no Python translation yet; sliding windows do');
  const features = (p.features as string[] | undefined) ?? [];
  if (!features.length) return new Untranslated('its features are chosen automatically (every numeric column); list them in the cell to export it');
  const applyTo = (p.applyTo as { input: string; output: string }[] | undefined) ?? [];
  const out = pyName(String(p.output));
  const opts = `${pyLiteral(features)}, ${pyString(String(p.target))}, steps=${Number(p.steps)}, horizon=${Number(p.horizon)}, group=${p.group ? pyString(String(p.group)) : 'None'}, time=${p.time ? pyString(String(p.time)) : 'None'}`;
  const lines = [
    header(cell),
    `# Sliding windows: ${p.steps} consecutive rows of the features each, the target "${p.target}" ${p.horizon} row(s) after the window's last row${p.group ? `, never across ${p.group}` : ''}.`,
    `# ${p.scale} scaling fitted on ${p.input} only and applied unchanged to ${applyTo.length ? applyTo.map((a) => a.input).join(', ') : 'nothing else'}.`,
    `${out} = build_windows(${pyName(String(p.input))}, ${opts}, method=${pyString(String(p.scale))})`,
    ...applyTo.map((a) => `${pyName(a.output)} = build_windows(${pyName(a.input)}, ${opts}, scaling=${out}['scaling'])`),
    ...[String(p.output), ...applyTo.map((a) => a.output)].flatMap((n) => [
      `print(${pyString(n)}, 'windows:', ${pyName(n)}['X'].shape)`,
      `report(${pyString(cell.id)}, ${pyString(`shape:${n}`)}, list(${pyName(n)}['X'].shape))`,
    ]),
  ];
  ctx.defined.set(String(p.output), 'object');
  for (const a of applyTo) ctx.defined.set(a.output, 'object');
  return [{ type: 'code', source: lines.join('\n'), from: cell.id }];
};
