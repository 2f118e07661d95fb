import { useState, useTransition } from 'react';
import type { Failure } from '@/lib/poll/problems';

/**
 * Runs a server action that answers a failure or null (the organiser's buttons) in a
 * transition, and keeps the last failure's message for the page to show.
 */
export function useFailableAction() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (work: () => Promise<Failure | null>) =>
    startTransition(async () => {
      const failure = await work();
      setError(failure ? failure.message : null);
    });
  return { pending, error, run };
}
