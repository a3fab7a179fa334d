import { uniqueName } from '../../model';

/** Unique, valid identifiers for exported resources (Terraform names, CloudFormation logical ids). */

/** Lowercase words joined by `_`: a valid Terraform name (starts with a letter or `_`). */
export function snakeName(text: string): string {
  const words = text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const joined = words.join('_') || 'unnamed';
  return /^[a-z_]/.test(joined) ? joined : `_${joined}`;
}

/** Capitalised alphanumeric words: a valid CloudFormation logical id (starts with a letter). */
export function pascalName(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') || 'Unnamed';
  return /^[A-Za-z]/.test(joined) ? joined : `R${joined}`;
}

/** Hands out names, each once: a taken name gets the first free `_2`, `_3`, … (or `2`, `3`, …). */
export class NameAllocator {
  private readonly taken = new Set<string>();

  constructor(private readonly separator = '_') {}

  /** The first of `candidates` still free, else the first with a number appended. */
  take(...candidates: string[]): string {
    for (const candidate of candidates) {
      if (!this.taken.has(candidate)) return this.claim(candidate);
    }
    return this.claim(uniqueName(candidates[0]!, this.taken, this.separator));
  }

  private claim(name: string): string {
    this.taken.add(name);
    return name;
  }
}
