// One action picked outside a policy ("Who can..."): the catalogue's suggestions for what was
// typed, as the editor's Action completion offers them (services first, then a service's
// actions), and the reason a typed action is not one the catalogue knows.
import { iamCatalogue, type Catalogue } from '../catalogue/catalogue';
import { closest } from './closest';
import { splitAction } from './statement-actions';

interface ActionChoice {
  /** What picking it puts in the field: `s3:` for a service, `s3:GetObject` for an action. */
  value: string;
  /** What the list shows: the value with the service's name or the action's access level. */
  label: string;
}

/**
 * Suggestions for `typed`: every service (`s3:`) until a known service prefix is typed, then
 * that service's actions.
 */
export async function actionChoices(
  typed: string,
  catalogue: Catalogue = iamCatalogue,
): Promise<ActionChoice[]> {
  const parts = splitAction(typed.trim());
  const service = parts && (await catalogue.service(parts.service));
  if (service)
    return service.actions.map((a) => ({
      value: `${service.key}:${a.name}`,
      label: `${service.key}:${a.name} · ${a.accessLevel}`,
    }));
  return (await catalogue.services()).map((s) => ({
    value: `${s.key}:`,
    label: `${s.key}: · ${s.name}`,
  }));
}

/**
 * Why `typed` is not one action of the catalogue (a pattern, no service, an unknown service
 * or action, with the nearest known one), or undefined with its catalogue spelling.
 */
export async function checkAction(
  typed: string,
  catalogue: Catalogue = iamCatalogue,
): Promise<{ action: string } | { reason: string }> {
  const text = typed.trim();
  const parts = splitAction(text);
  if (!parts || parts.name === '')
    return { reason: `\`${text}\` is not an action: write it as \`service:Action\`, s3:GetObject` };
  if (/[*?]/.test(text))
    return {
      reason: `\`${text}\` is a pattern: a call names one action, pick one (s3:GetObject, not s3:Get*)`,
    };
  const service = await catalogue.service(parts.service);
  if (!service) {
    const near = closest(
      parts.service,
      (await catalogue.services()).map((s) => s.key),
    );
    return {
      reason: `unknown service \`${parts.service}\` in \`${text}\`${near ? `: did you mean \`${near}\`?` : ''}`,
    };
  }
  const action = service.action(parts.name);
  if (!action) {
    const near = closest(
      parts.name,
      service.actions.map((a) => a.name),
    );
    return {
      reason: `unknown action \`${text}\`: ${service.name} has no action \`${parts.name}\`${near ? `; did you mean \`${service.key}:${near}\`?` : ''}`,
    };
  }
  return { action: `${service.key}:${action.name}` };
}
