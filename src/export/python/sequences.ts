// Emitter for the sequences cell's sliding windows (helpers-sequences.ts):
// the same windows, targets and scaling as the workbench; and padded
// per-group sequences (next-state prediction, with the state vocabulary).
import { Untranslated, header, pyLiteral, pyName, type Emitter, type ExportContext } from './context.ts';
import type { NotebookCell } from '../../notebook/model.ts';
import { pyString } from './jsexpr.ts';

export const emitSequences: Emitter = (cell, p, ctx) => {
  const features = (p.features as string[] | undefined) ?? [];
  if (!features.length) return new Untranslated('its features are chosen automatically (every numeric column); list them in the cell to export it');
  if (p.mode === 'padded') return emitPadded(cell, p, ctx, features);
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

/** Padded per-group sequences: build_padded on the input, its vocabulary, steps and scaling reused for every applyTo table. */
function emitPadded(cell: NotebookCell, p: Record<string, unknown>, ctx: ExportContext, features: string[]) {
  const applyTo = (p.applyTo as { input: string; output: string }[] | undefined) ?? [];
  const out = pyName(String(p.output));
  const opts = `${pyString(String(p.group))}, ${pyString(String(p.state))}, ${pyLiteral(features)}, time=${p.time ? pyString(String(p.time)) : 'None'}, max_length=${Number(p.maxLength ?? 0)}, min_length=${Number(p.minLength ?? 2)}`;
  const lines = [
    header(cell),
    `# One sequence per ${p.group} (at least ${Number(p.minLength ?? 2)} rows): each step's input is its ${p.state} (a vocabulary index) and features, its target the next row's ${p.state}.`,
    `# The vocabulary, the steps and the ${p.scale} scaling are learned on ${p.input} only and reused for ${applyTo.length ? applyTo.map((a) => a.input).join(', ') : 'nothing else'}.`,
    `${out} = build_padded(${pyName(String(p.input))}, ${opts}, method=${pyString(String(p.scale))})`,
    ...applyTo.map((a) => `${pyName(a.output)} = build_padded(${pyName(a.input)}, ${opts}, fitted=${out})`),
    `print('vocabulary:', ${out}['vocab'])`,
    ...[String(p.output), ...applyTo.map((a) => a.output)].flatMap((n) => [
      `print(${pyString(n)}, 'sequences:', ${pyName(n)}['states'].shape, 'steps with a target:', int(${pyName(n)}['lengths'].sum()))`,
      `report(${pyString(cell.id)}, ${pyString(`shape:${n}`)}, list(${pyName(n)}['numeric'].shape))`,
    ]),
  ];
  for (const name of [String(p.output), ...applyTo.map((a) => a.output)]) {
    ctx.defined.set(name, 'object');
    ctx.padded.add(name);
  }
  return [{ type: 'code' as const, source: lines.join('\n'), from: cell.id }];
}
