# The Casustafel service and its console: one image for every store (STORE=sqlite|postgres|eventstoredb).
FROM node:20-bookworm AS console
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY web ./web
# Generates the API client types from the route table and builds web/dist.
RUN npx tsx web/build/consoleBuild.ts

FROM node:20-bookworm
WORKDIR /app
COPY package.json package-lock.json ./
# Full image: better-sqlite3 can build from source if no prebuilt binary fits.
RUN npm ci --omit=dev && npm cache clean --force
COPY tsconfig.json ./
COPY src ./src
COPY --from=console /app/web/dist ./web/dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node
ENV DATA_DIR=/app/data PORT=3000
EXPOSE 3000
# NODE_ENV=production (set by the deployment) skips the build-on-start hook: the image's console is served.
CMD ["npm", "start"]
