import { getDb } from '@/db';
import { intakeFields } from '@/lib/openapi/catalog';
import { success } from '@/lib/openapi/envelope';
import { publicRoute } from '@/lib/openapi/public-route';

/** `/ticket/field/user/{categoryId}.json`: the intake type's customer fields in layout order. */
export const GET = publicRoute(async ({ serviceId, params, query }) =>
  success(await intakeFields(getDb(), serviceId, params.categoryId, query)),
);
