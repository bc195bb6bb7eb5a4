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
    // One page, loaded once by a kiosk that then runs for weeks; ECharts is most of it.
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: {
      '/api': backend,
      '/socket.io': { target: backend, ws: true },
    },
  },
});
