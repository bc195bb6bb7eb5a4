import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// The display wall: built into dist/screen, which the server serves at `/`.
// In `npm run dev:screen` the API and the socket are proxied to a server on :3000.
const backend = 'http://localhost:3000';

export default defineConfig({
  root: 'screen',
  plugins: [vue()],
  build: {
    outDir: '../dist/screen',
    emptyOutDir: true,
    // One page, loaded once by a kiosk that then runs for weeks; ECharts (charts and the county map)
    // is most of it, and every wall page is in it so the playlist never waits for a chunk.
    chunkSizeWarningLimit: 1_024,
  },
  server: {
    proxy: {
      '/api': backend,
      '/socket.io': { target: backend, ws: true },
    },
  },
});
