// `virtual:pwa-register`, the registration module vite-plugin-pwa generates (app/build/pwa-options.ts).
/// <reference types="vite-plugin-pwa/vanillajs" />
