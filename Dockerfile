FROM node:20-bookworm-slim
WORKDIR /app
RUN npm i -g pnpm@12.4.2
COPY . .
RUN pnpm install --frozen-lockfile && pnpm --filter @tradehook/web build
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 WEB_DIST_DIR=/app/apps/web/dist
EXPOSE 3000
CMD ["node", "--import", "tsx", "apps/api/src/server.ts"]
