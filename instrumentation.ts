// Runs once when the server starts. The Node.js-only part lives in its own file, which the
// Edge build of this file never imports.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startNodeServer } = await import('@/instrumentation-node');
    startNodeServer();
  }
}
