// Diagnostics for a policy text: the engine's validator with the catalogue of the services
// the text names (the same checks `rolecraft validate` reports).
import { validatePolicy, type Diagnostic } from '../../engine';
import type { Catalogue } from '../catalogue/catalogue';
import { tooDeepForFeatures } from './too-deep';
import { servicesNamedIn } from './policy-services';
import type { PolicyType } from './types';
import { createValidationCatalog, type ValidationCatalog } from './validation-catalog';

export interface Diagnoser {
  diagnose(text: string, type: PolicyType): Promise<Diagnostic[]>;
}

export function createDiagnoser(catalogue: Catalogue): Diagnoser {
  const catalogs: ValidationCatalog = createValidationCatalog(catalogue);
  return {
    async diagnose(text, type) {
      // The validator refuses deep text before parsing; the lints and the catalogue lookup would recurse.
      if (tooDeepForFeatures(text)) return validatePolicy(text, type);
      const catalog = await catalogs.forServices(servicesNamedIn(text));
      return validatePolicy(text, type, { catalog }).sort(
        (a, b) => a.range.start - b.range.start || a.range.end - b.range.end,
      );
    },
  };
}
