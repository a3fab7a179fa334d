/** Action names: `SERVICE:Name`, read in one place. */

/** The service prefix of an action (`s3` of `s3:GetObject`); the whole text when it has no colon. */
export function actionService(action: string): string {
  const at = action.indexOf(':');
  return at < 0 ? action : action.slice(0, at);
}

/** The action's name after its service prefix (`GetObject`); `''` when it has no colon. */
export function actionName(action: string): string {
  const at = action.indexOf(':');
  return at < 0 ? '' : action.slice(at + 1);
}
