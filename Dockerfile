# Kairos in a container: `docker build -t kairos .` then `docker compose --profile sqlite up`
# (see compose.yaml and the README, "Running at scale"). Not exercised by the tests: no
# container engine runs where they do.

# Build: compile better-sqlite3, build Next.js, then drop the development dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN node scripts/start.mjs --build-only && npm prune --omit=dev

# Run: only what `next start` reads, as the unprivileged `node` user, data in a volume.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
  NEXT_TELEMETRY_DISABLED=1 \
  PORT=3000 \
  DATABASE_PATH=/data/kairos.sqlite
RUN mkdir /data && chown node:node /data
COPY --from=build /app/package.json /app/next.config.mjs ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/.next ./.next
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/db/migrations ./db/migrations
COPY --from=build /app/db/postgres/migrations ./db/postgres/migrations
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# start.mjs as PID 1: it passes SIGTERM (docker stop) on and ends the server within 10 s.
CMD ["node", "scripts/start.mjs", "--no-build"]
