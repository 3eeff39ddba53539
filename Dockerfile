# The Casustafel service and its console: one image for every store (STORE=sqlite|postgres|eventstoredb).
FROM node:20-bookworm AS builds
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY web ./web
# Generates the API client types from the route table and builds web/dist; then the service as
# JavaScript into dist/ (build/serviceBuild.ts), which starts a second faster than under tsx.
COPY build ./build
RUN npx tsx web/build/consoleBuild.ts && npx tsx build/serviceBuild.ts

FROM node:20-bookworm
WORKDIR /app
COPY package.json package-lock.json ./
# Full image: better-sqlite3 can build from source if no prebuilt binary fits.
RUN npm ci --omit=dev && npm cache clean --force
COPY tsconfig.json ./
# src/ stays for the command-line tools (npm run token, rebuild, retention), which run under tsx.
COPY src ./src
COPY --from=builds /app/dist ./dist
COPY --from=builds /app/web/dist ./web/dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node
ENV DATA_DIR=/app/data PORT=3000
EXPOSE 3000
# What `npm start` runs after its build step, without it: the image carries its builds.
CMD ["node", "--max-semi-space-size=16", "dist/main.js"]
