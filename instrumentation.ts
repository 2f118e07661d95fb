// Migrate at start-up, so a broken database fails the start instead of the first visitor.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { getDb } = await import('@/db/client');
    getDb();
  }
}
