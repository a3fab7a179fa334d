import { arnOf, resourceTypes, type Design } from '../../model';
import type { ComboboxOption } from '../ui/Combobox';

interface Kept {
  accounts: Design['accounts'];
  options: ComboboxOption[];
}

// Kept by the design's resources and accounts (all an ARN here reads): a drop or a rename of a
// principal makes a new design but leaves both as they were, so the list is not made again for
// every edit (at 10,000 nodes it was most of a drop's render).
const kept = new WeakMap<Design['resources'], Kept>();

/** The design's resources as grant targets: each one, and every object of a bucket. */
export function grantTargets(design: Design): ComboboxOption[] {
  const hit = kept.get(design.resources);
  if (hit && hit.accounts === design.accounts) return hit.options;
  const options: ComboboxOption[] = [];
  for (const r of design.resources) {
    const arn = arnOf(design, r);
    if (!arn) continue;
    const type = resourceTypes[r.resourceType];
    options.push({ value: arn, label: `${r.name} · ${type.label}`, group: 'Resources' });
    if (type.hasObjects)
      options.push({ value: `${arn}/*`, label: `every object in ${r.name}`, group: 'Resources' });
  }
  options.push({ value: '*', label: 'every resource (*)', group: 'Any' });
  kept.set(design.resources, { accounts: design.accounts, options });
  return options;
}
