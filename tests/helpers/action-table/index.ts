import { orgActions } from './org';
import { agentsActions } from './agents';
import { categoriesActions } from './categories';
import { templatesActions } from './templates';
import { bannedWordsActions } from './banned-words';
import { fieldsActions } from './fields';
import { triggersActions } from './triggers';
import { ticketsActions } from './tickets';
import { channelsActions } from './channels';
import { apiAuthActions } from './api-auth';
import { emailActions } from './email';
import { publicActions } from './public';
import type { Row } from './table';

/**
 * The table of every exported server action and route handler of app/: who may get past its
 * authorization, and a valid call of it against a fresh service (`makeFixture`). The role ×
 * action matrix (tests/integration/authz-matrix.test.ts) and the malformed-input sweep
 * (tests/integration/input-sweep.test.ts) both run over it. A new action needs a row in its
 * feature's file here (`<feature>.ts`), a new route handler one in `routes.ts`.
 */

export * from './table';
export { ROUTES, type RouteRow } from './routes';
export { makeFixture, makePeople } from './fixture';

/** file#export → who may get past its authorization, and a valid call of it. */
export const ACTIONS = new Map<string, Row>([
  ...orgActions,
  ...agentsActions,
  ...categoriesActions,
  ...templatesActions,
  ...bannedWordsActions,
  ...fieldsActions,
  ...triggersActions,
  ...ticketsActions,
  ...channelsActions,
  ...apiAuthActions,
  ...emailActions,
  ...publicActions,
]);
