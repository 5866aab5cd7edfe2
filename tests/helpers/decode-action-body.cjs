/**
 * Decodes a multipart server-action body exactly as Next's Node runtime does (busboy, then
 * React's decodeReplyFromBusboy) and prints the FormData argument as JSON. Run with
 * `node --conditions=react-server` (React's server build refuses to load without it), so tests
 * see what a server action really receives, not what they assume it receives.
 * stdin: the raw body; argv[2]: the Content-Type header.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS script run by node with the react-server condition */
const busboy = require('next/dist/compiled/busboy');
const server = require('next/dist/compiled/react-server-dom-turbopack/cjs/react-server-dom-turbopack-server.node.production.js');

const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const bb = busboy({ headers: { 'content-type': process.argv[2] } });
  const decoded = server.decodeReplyFromBusboy(bb, {});
  bb.end(Buffer.concat(chunks));
  const args = await decoded;
  const form = args[0];
  const out = [];
  for (const [k, v] of form.entries()) {
    out.push(
      typeof v === 'string'
        ? [k, v]
        : [k, { name: v.name, type: v.type, base64: Buffer.from(await v.arrayBuffer()).toString('base64') }],
    );
  }
  process.stdout.write(JSON.stringify(out));
});
