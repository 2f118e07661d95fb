'use client';

import { useActionState, useState, useTransition } from 'react';
import { DateTime } from 'luxon';
import { formatLocal } from '@/lib/time/slot-display';
import { useTranslations } from 'next-intl';
import type { CommentResult } from '@/components/poll/action-results';
import { FieldError } from '@/components/ui/field-error';
import type { CommentRecord } from '@/lib/poll/model';
import type { Failure } from '@/lib/poll/problems';
import { submitInPlace } from '@/components/ui/submit-in-place';

/** Comments with their times in the viewer's zone; the organiser may delete any. */
export function CommentsSection({
  comments,
  zone,
  locale,
  post,
  remove,
}: {
  comments: CommentRecord[];
  zone: string;
  locale: string;
  post: (prev: CommentResult | null, data: FormData) => Promise<CommentResult>;
  remove?: (commentId: string) => Promise<Failure | null>;
}) {
  const t = useTranslations('comments');
  const [body, setBody] = useState('');
  // Clear the text only once the server took it: a refused comment stays to be fixed.
  const [state, formAction, pending] = useActionState(
    async (prev: CommentResult | null, data: FormData) => {
      const result = await post(prev, data);
      if (result.ok) setBody('');
      return result;
    },
    null,
  );
  const [removing, startRemoving] = useTransition();
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <section className="card p-5 sm:p-6" aria-labelledby="comments-heading">
      <h2 id="comments-heading" className="text-lg font-semibold">
        {t('heading')}{' '}
        <span className="hint font-normal">
          · {comments.length === 0 ? t('empty') : t('count', { count: comments.length })}
        </span>
      </h2>
      {comments.length > 0 && (
        <ul className="mt-3 grid gap-3">
          {comments.map((c) => (
            <li key={c.id} className="rounded-xl border border-line p-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-semibold break-words">{c.author}</p>
                <time className="hint" dateTime={new Date(c.createdAt).toISOString()}>
                  {formatLocal(
                    DateTime.fromMillis(c.createdAt, { zone, locale }),
                    DateTime.DATETIME_MED,
                  )}
                </time>
              </div>
              <p className="mt-1 break-words whitespace-pre-line">{c.body}</p>
              {remove && (
                <button
                  type="button"
                  className="btn-danger mt-1 text-sm underline"
                  disabled={removing}
                  onClick={() => startRemoving(async () => void (await remove(c.id)))}
                >
                  {t('delete', { author: c.author })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form
        action={formAction}
        onSubmit={submitInPlace(formAction)}
        className="mt-4 grid gap-3 md:grid-cols-[minmax(0,14rem)_1fr_auto] md:items-start"
        noValidate
      >
        {state?.ok && (
          <p role="status" className="font-semibold text-yes md:col-span-3">
            {t('posted')}
          </p>
        )}
        {state && !state.ok && (
          <p role="alert" className="error-text font-semibold md:col-span-3">
            {state.message}
          </p>
        )}
        <div className="max-w-sm md:max-w-none">
          <label className="label" htmlFor="comment-author">
            {t('author')}
          </label>
          <input
            id="comment-author"
            name="author"
            className="field"
            autoComplete="name"
            aria-invalid={Boolean(errors.author)}
          />
          <FieldError id="comment-author-error" messages={errors.author} />
        </div>
        <div>
          <label className="label" htmlFor="comment-body">
            {t('body')}
          </label>
          <textarea
            id="comment-body"
            name="body"
            className="field min-h-11"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            aria-invalid={Boolean(errors.body)}
          />
          <FieldError id="comment-body-error" messages={errors.body} />
        </div>
        <div className="flex justify-end md:pt-7">
          <button type="submit" className="btn" disabled={pending}>
            {t('submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
