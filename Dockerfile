# SLM Radar in a container: the compiled bot, run by node itself so SIGTERM reaches it.
#   docker build -t slm-radar .
#   docker compose up -d                                  (compose.yaml: volume, .env, restart policy)
#   docker run --init --env-file .env -v slm-radar-data:/data slm-radar
#   docker run --init -it --rm slm-radar --offline        (the terminal bot, no token needed)
# --init (compose: `init: true`) puts a tiny init process in front of node: it forwards signals and
# reaps zombies. Without it node is PID 1; the Discord/Slack bot still stops cleanly on SIGTERM (it
# handles the signal itself), but the terminal bot would ignore `docker stop` until it is killed.

# --- builder: build tools, every dependency, TypeScript → dist/ ----------------------------------
FROM node:20-bookworm-slim AS builder
# better-sqlite3 uses a prebuilt binary when one can be downloaded; otherwise it compiles with these.
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json main.ts ./
COPY src ./src
COPY commands ./commands
COPY scripts ./scripts
COPY data/reference ./data/reference
# Compile, drop the development dependencies, then what the runtime never reads: better-sqlite3's
# sources and build leftovers (only its .node binary is loaded) and the fonts charts do not use.
RUN npm run build \
    && npm prune --omit=dev --no-audit --no-fund \
    && mv node_modules/better-sqlite3/build/Release/better_sqlite3.node /tmp/ \
    && rm -rf node_modules/better-sqlite3/build node_modules/better-sqlite3/deps node_modules/better-sqlite3/src \
    && mkdir -p node_modules/better-sqlite3/build/Release \
    && mv /tmp/better_sqlite3.node node_modules/better-sqlite3/build/Release/ \
    && find node_modules/dejavu-fonts-ttf/ttf -type f ! -name DejaVuSans.ttf ! -name DejaVuSans-Bold.ttf -delete

# --- runtime: production dependencies, dist/, data/ and the font; no compiler, no tests -----------
FROM node:20-bookworm-slim
ENV NODE_ENV=production DATA_DIR=/data OUT_DIR=/data/out HEALTH_PORT=8080
WORKDIR /app
COPY --from=builder /app/package.json ./
COPY --from=builder /app/node_modules ./node_modules
COPY --from=builder /app/dist ./dist
COPY data/snapshot ./data/snapshot
COPY data/reference ./data/reference
# The state (SQLite database, Hub cache, charts) lives in the volume, owned by the unprivileged user.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
# 8080: HEALTH_PORT; 3000: PORT, for Slack in HTTP mode only.
EXPOSE 8080 3000
# Healthy once /readyz answers 200: platforms connected, database open, data loaded.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["node", "dist/scripts/healthcheck.js"]
ENTRYPOINT ["node", "dist/main.js"]
