# Contact Desk, production image: built once, run as many app instances and workers as needed
# from the same image (compose.yaml). Stages: deps (all dependencies) → build (next build and the
# compiled server scripts in dist/) → prod-deps (production dependencies only) → runtime
# (non-root, no tsx / TypeScript / dev dependencies; npm start = node scripts/launch.cjs run start).
ARG NODE_VERSION=22

FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
# Every instance of one deployment must run this one build (server-action ids and their
# encryption key are fixed at build time). Pass a key to keep it across rebuilds too:
#   docker build --secret id=actions_key,env=NEXT_SERVER_ACTIONS_ENCRYPTION_KEY .
RUN --mount=type=secret,id=actions_key,required=false \
    if [ -f /run/secrets/actions_key ]; then export NEXT_SERVER_ACTIONS_ENCRYPTION_KEY="$(cat /run/secrets/actions_key)"; fi; \
    npm run build && rm -rf .next/cache

FROM node:${NODE_VERSION}-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME_BIND=0.0.0.0 \
    LOG_FORMAT=json
WORKDIR /app
COPY --from=prod-deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/package.json /app/next.config.mjs ./
COPY --from=build --chown=root:root /app/.next ./.next
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/db/migrations ./db/migrations
COPY --from=build --chown=root:root /app/scripts/launch.cjs ./scripts/launch.cjs
# The only writable place: attachments (ATTACHMENTS_DIR) and, without SMTP_URL, the mail folder.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
VOLUME ["/app/.data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM (docker stop) reaches the launcher, which lets running requests and jobs finish
# (SHUTDOWN_GRACE_MS, default 25 s): keep docker's stop timeout above it (compose: stop_grace_period).
CMD ["node", "scripts/launch.cjs", "run", "start"]
