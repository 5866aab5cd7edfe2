import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
export const E2E_ADMIN = { login: 'admin', password: 'e2e-admin-pass-1' };
/** Demo agents of the `demo` service (lib/demo/seed-demo.ts): junho (상담원, 결제), minji (관리자). */
export const E2E_AGENT_PASSWORD = 'e2e-agent-pass-1';
/** The built-in SMTP receiver of the e2e server (representative accounts `{serviceId}@desk.e2e`). */
export const E2E_MAIL = { domain: 'desk.e2e', port: port + 1000 };

// Debian's Chromium (DESIGN.md §9); Playwright never downloads a browser here.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'ko-KR',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: {
    command: 'npx tsx scripts/e2e-server.ts',
    url: `http://localhost:${port}/login`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      SEED_ADMIN_LOGIN: E2E_ADMIN.login,
      SEED_ADMIN_PASSWORD: E2E_ADMIN.password,
      SEED_ADMIN_NAME: '김관리',
      SEED_DEMO_AGENTS_PASSWORD: E2E_AGENT_PASSWORD,
      // Trigger specs stand in for Dooray and callback receivers with HTTP servers on 127.0.0.1.
      OUTBOUND_ALLOW_CIDRS: '127.0.0.1/32',
      OUTBOUND_ALLOW_HTTP: '1',
      // The e-mail spec sends customer mail to the built-in receiver: a port beside E2E_PORT, loopback only.
      MAIL_DOMAIN: E2E_MAIL.domain,
      SMTP_RECEIVER_PORT: String(E2E_MAIL.port),
      SMTP_RECEIVER_HOST: '127.0.0.1',
    },
  },
});
