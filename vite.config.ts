/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { compileHints } from './scripts/compile-hints-plugin.ts';
import { firstScreen } from './scripts/first-screen-plugin.ts';
import { precompress } from './scripts/precompress.ts';

const apiTarget = `http://127.0.0.1:${process.env.PORT ?? '3000'}`;

export default defineConfig({
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    proxy: { '/api': apiTarget },
  },
  plugins: [
    react(),
    // A phone with an account starts on its PIN screen: its files are asked for beside the shell.
    firstScreen(),
    // The files a start runs are compiled eagerly, off the main thread, and kept in V8's code cache.
    compileHints(),
    VitePWA({
      // The app decides when to reload (never while a form holds input or the outbox is not
      // empty): see src/client/app/update-prompt.tsx.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Sổ tay ANTT',
        short_name: 'Sổ tay ANTT',
        description: 'Sổ tay công tác của Tổ bảo vệ an ninh, trật tự ở cơ sở',
        lang: 'vi',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#ffffff',
        theme_color: '#9f1d20',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest,woff2}'],
        // exceljs (about 250 KB gzipped) reads Excel files on the household import screen only,
        // used online by leaders and commune police: members' phones never download it.
        globIgnores: ['**/exceljs*.js'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // The first visit's page is the same version as the worker that precached it, so the
        // worker takes it over at once. From then on a new version waits (no skipWaiting) until
        // the user accepts the update prompt, instead of swapping the precache under a running
        // page whose lazy screens would then be missing.
        clientsClaim: true,
      },
    }),
    // After the service worker is written: .br and .gz beside every text file.
    precompress(),
  ],
  test: {
    projects: [
      {
        test: {
          name: 'shared',
          include: ['tests/shared/**/*.test.ts', 'tests/architecture/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'client',
          include: ['tests/client/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/support/client-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/postgres-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Fault tests: the real client in Node against the real server over TCP, on both engines.
        test: {
          name: 'faults',
          include: ['tests/faults/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/support/fault-setup.ts'],
          globalSetup: ['tests/support/postgres-global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.spec.ts'],
          environment: 'node',
          globalSetup: ['tests/support/postgres-global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
