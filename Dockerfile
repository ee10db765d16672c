# SLM Radar. Build: docker build -t slm-radar .   Run: docker run --env-file .env slm-radar
# (with no platform token it starts the console: docker run -it slm-radar)
FROM node:20-bookworm-slim

# better-sqlite3 12 builds from source on Node 20.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY . .

ENV NODE_ENV=production DATA_DIR=/data OUT_DIR=/data/out
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
CMD ["npm", "start"]
