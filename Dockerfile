# One image for every service of the federation (gateway, procurement, each
# member's country subgraph); docker-compose.yml picks the command and the
# environment of each. Built from this repository: npm ci, npm run build.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source where no prebuilt binary fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Our patches of Apollo's query planner (patches/README.md), applied by npm ci's postinstall (patch-package).
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY . .
# TypeScript into dist/, the playground and dashboard into web/dist/; then drop the build tools.
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
COPY --from=build /app/schema ./schema
COPY --from=build /app/config ./config
USER node
EXPOSE 4000
CMD ["node", "dist/gateway/index.js"]
