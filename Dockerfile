# The Casustafel service: one image for every store (STORE=sqlite|postgres|eventstoredb).
FROM node:20-bookworm
WORKDIR /app
COPY package.json package-lock.json ./
# Full image: better-sqlite3 can build from source if no prebuilt binary fits.
RUN npm ci --omit=dev && npm cache clean --force
COPY tsconfig.json ./
COPY src ./src
RUN mkdir -p /app/data && chown node:node /app/data
USER node
ENV DATA_DIR=/app/data PORT=3000
EXPOSE 3000
CMD ["npm", "start"]
