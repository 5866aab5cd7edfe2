import { getDb } from '@/db';
import { intakeCategories } from '@/lib/openapi/catalog';
import { success } from '@/lib/openapi/envelope';
import { publicRoute } from '@/lib/openapi/public-route';

/** Active intake types (params `parent`, `child`, `language`); no signature, as in the original. */
export const GET = publicRoute(async ({ serviceId, query }) =>
  success(await intakeCategories(getDb(), serviceId, query)),
);
