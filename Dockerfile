# The one image of an Okno node: the all-in-one embedded node, or any subset of services
# (OKNO_SERVICES), or the migration Job (`node --import tsx apps/node/src/migrate.ts`).
#
# Assumptions, since CI machines cannot run Docker (docs/deploy.md):
# - built from a clean clone at the repository root: `docker build -t <registry>/okno-node .`;
# - the node runs its TypeScript through tsx, as `pnpm start` does (no build step to drift
#   from the sources); tsx compiles into /tmp, so a read-only root needs /tmp writable
#   (the Deployments mount an emptyDir there);
# - deployed by digest (`<registry>/okno-node@sha256:…`), never by tag: the policy pack
#   refuses mutable tags. Pin the base image by digest as well when you mirror it.
FROM node:20.20.2-bookworm-slim AS build
WORKDIR /app
RUN npm install --global --no-audit --no-fund pnpm@10.34.8
# Dependencies first, so a change to the sources does not reinstall them.
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json .npmrc ./
COPY apps apps
COPY packages packages
COPY plugins plugins
COPY load-tests/package.json load-tests/package.json
COPY deploy/package.json deploy/package.json
RUN pnpm install --frozen-lockfile --filter '@okno/node...' --filter . \
  && rm -rf /root/.local/share/pnpm /root/.cache

FROM node:20.20.2-bookworm-slim
ENV NODE_ENV=production PORT=3000 HOST=0.0.0.0 OKNO_DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=root:root /app /app
# The embedded profile's data folder; production Deployments use PostgreSQL and S3 instead.
RUN mkdir /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK CMD node -e "fetch('http://127.0.0.1:3000/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--import", "tsx", "apps/node/src/main.ts"]
