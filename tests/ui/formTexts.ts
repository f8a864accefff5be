// The texts a generated form shows for a cell kind's params, found by walking
// its JSON Schema with the same branches as forms/Field.tsx: field labels
// (every object property, nested groups, the fields of each discriminated
// alternative and of list items, and the discriminator itself), help texts
// (a field's description), enum options, discriminator choices and presets. Used by the Korean completeness test.
import { constOf, discriminator, presetOrMap, resolve, typeOf, unwrap, type JSONSchema } from '../../src/ui/forms/schema.ts';

export interface ShownField {
  /** Where it is: "train.gbdt.rounds" (kind, then property names; list items and alternatives add no step). */
  where: string;
  name: string;
  help?: string;
  /** Enum options shown in a select or as chips (not preset/map class weights, which have their own messages). */
  options: string[];
}

export function shownFields(kind: string, root: JSONSchema): ShownField[] {
  const out: ShownField[] = [];
  const objectFields = (schema: JSONSchema, where: string, skip: string[] = []) => {
    for (const [key, sub] of Object.entries(schema.properties ?? {})) if (!skip.includes(key)) field(key, sub, `${where}.${key}`);
  };
  const field = (name: string, raw: JSONSchema, where: string) => {
    const { schema } = unwrap(raw, root);
    const entry: ShownField = { where, name, help: schema.description, options: [] };
    out.push(entry);
    const alts = schema.oneOf ?? schema.anyOf;
    const type = typeOf(schema);
    const presets = alts ? presetOrMap(schema, root) : undefined;
    if (presets) {
      // none and balanced have their own messages (i18n-authoring.ts); other presets are choices.
      entry.options = presets.presets.filter((p) => p !== 'none' && p !== 'balanced');
      return;
    }
    if (alts && alts.length > 1) {
      const disc = discriminator(alts, root);
      if (disc) {
        out.push({ where: `${where}.${disc}`, name: disc, options: alts.map((a) => String(constOf(resolve(a, root).properties![disc], root))) });
        for (const a of alts) objectFields(resolve(a, root), where, [disc]);
      }
      return;
    }
    if (schema.enum || schema.const !== undefined) entry.options = (schema.enum ?? [schema.const]).map(String);
    else if (type === 'array') {
      const items = unwrap(resolve(schema.items, root), root).schema;
      if (items.enum) entry.options = items.enum.map(String);
      else if (typeOf(items) === 'object' || items.oneOf || items.anyOf) {
        // Each item is a Field of its own (labelled "steps 1", …): its description is its help.
        if (items.description) out.push({ where, name, help: items.description, options: [] });
        const ialts = items.oneOf ?? items.anyOf;
        const disc = ialts ? discriminator(ialts, root) : undefined;
        if (ialts && disc) {
          out.push({ where: `${where}.${disc}`, name: disc, options: ialts.map((a) => String(constOf(resolve(a, root).properties![disc], root))) });
          for (const a of ialts) objectFields(resolve(a, root), where, [disc]);
        } else objectFields(items, where);
      }
    } else if (type === 'object' && schema.properties) objectFields(schema, where);
  };
  objectFields(root, kind);
  return out;
}
