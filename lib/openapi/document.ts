/** The OpenAPI 3.1 description of a service's Open API, served at /{serviceId}/openapi/openapi.json. */

import { components } from './document-components';
import { formPaths } from './document-form-paths';
import { ticketPaths } from './document-ticket-paths';

export function openApiDocument(origin: string, serviceId: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Contact Desk Open API',
      version: '1.0.0',
      description:
        'Compatible with the Online Contact (이슈관리) Open API: same paths, parameters, envelope and result codes, so an integration switches by changing its base URL. ' +
        'Requests under /openapi/v1/ are signed: Authorization = Base64(HMAC-SHA256(service key, organization ID + request URI + the values of the query parameters ordered by name and joined by "&" + ("&" if there were parameters) + the raw body + X-TC-Timestamp)). ' +
        'Multipart uploads sign the MD5 hex of the file instead of parameters and body. A timestamp (epoch milliseconds) is valid for 5 minutes; a request is accepted once. ' +
        'resultCode 200 is success; 9005 means no data; errors keep the HTTP status of their code (9005 answers HTTP 400).',
    },
    servers: [{ url: `${origin}/${serviceId}` }],
    components,
    paths: { ...ticketPaths, ...formPaths },
  };
}
