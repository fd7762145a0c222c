import type { JuxtaApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a browser, where the HTTP transport is used. */
    juxta?: JuxtaApi;
  }
}

export {};
