/** The app shell the entry point mounts, and the design documents the lessons open. */
export { App } from './App';
export { RootBoundary } from './RootBoundary';
export { registerServiceWorker } from './service-worker';
export { openDesignDocument } from './persistence';
