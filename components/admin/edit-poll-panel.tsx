'use client';

import { useActionState, useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import type { EditResult } from '@/components/poll/action-results';
import { FieldError } from '@/components/ui/field-error';
import { TextField } from '@/components/ui/text-field';
import type { OptionView } from '@/lib/poll/option-view';
import { isTimeOfDay } from '@/lib/poll/option-generation';
import { PRIVACY_LEVELS, type PollRecord, type Privacy } from '@/lib/poll/model';
import { describeDate } from '@/lib/time/slot-display';
import { formatWall, placeName, resolveZone, wallAt } from '@/lib/time/time-zone';
import { submitInPlace } from '@/components/ui/submit-in-place';

function deadlineWall(poll: PollRecord): string {
  const zone = resolveZone(poll.timeZone).zone;
  return poll.deadline !== null && zone ? formatWall(wallAt(zone, poll.deadline)) : '';
}

/**
 * The organiser's edit form. Only what changed is sent, so an old deadline that has since
 * passed does not block saving a new title. Removing options that carry answers needs an
 * explicit confirmation naming how many answers go.
 */
/** Fields shown next to their own input; a problem with any other is listed under the summary. */
const PLACED_FIELDS = new Set([
  'title',
  'description',
  'location',
  'deadline',
  'optionLimit',
  'privacy',
  'addOptions',
  'allowPast',
  'removeOptionIds',
]);

export function EditPollPanel({
  poll,
  views,
  action,
  csvUrl,
  locale,
  controls,
}: {
  poll: PollRecord;
  views: Map<string, OptionView>;
  action: (prev: EditResult | null, data: FormData) => Promise<EditResult>;
  csvUrl: string;
  locale: string;
  /** Close, reopen, delete: the rest of the settings, in the same fold. */
  controls: ReactNode;
}) {
  const t = useTranslations('editPoll');
  const ta = useTranslations('admin');
  const tc = useTranslations('create');
  const [title, setTitle] = useState(poll.title);
  const [description, setDescription] = useState(poll.description);
  const [location, setLocation] = useState(poll.location);
  const initialDeadline = deadlineWall(poll);
  const [deadline, setDeadline] = useState(initialDeadline);
  const [optionLimit, setOptionLimit] = useState(
    poll.optionLimit === null ? '' : String(poll.optionLimit),
  );
  const [privacy, setPrivacy] = useState<Privacy>(poll.privacy);
  const [addDate, setAddDate] = useState('');
  const [addTime, setAddTime] = useState('09:00');
  const [adds, setAdds] = useState<string[]>([]);
  const [removals, setRemovals] = useState<Set<string>>(new Set());
  const [confirmDrop, setConfirmDrop] = useState(false);
  const [allowPast, setAllowPast] = useState(false);
  // Pending additions and removals are forgotten only once the server has applied them.
  const [state, formAction, pending] = useActionState(
    async (prev: EditResult | null, data: FormData) => {
      const result = await action(prev, data);
      if (result.ok) {
        setAdds([]);
        setRemovals(new Set());
        setConfirmDrop(false);
        setAllowPast(false);
      }
      return result;
    },
    null,
  );
  const errors = state && !state.ok ? state.fieldErrors : {};
  const answersOn = (optionId: string) => poll.participants.filter((p) => p.votes[optionId]).length;
  const dropped = [...removals].reduce((sum, id) => sum + answersOn(id), 0);
  const timed = poll.kind === 'timed';

  const payload = JSON.stringify({
    ...(title !== poll.title ? { title } : {}),
    ...(description !== poll.description ? { description } : {}),
    ...(location !== poll.location ? { location } : {}),
    ...(deadline !== initialDeadline ? { deadline: deadline === '' ? null : deadline } : {}),
    ...(optionLimit !== (poll.optionLimit === null ? '' : String(poll.optionLimit))
      ? { optionLimit: optionLimit === '' ? null : Number(optionLimit) }
      : {}),
    ...(privacy !== poll.privacy ? { privacy } : {}),
    ...(adds.length > 0
      ? { addOptions: adds.map((a) => (timed ? { start: a } : { date: a })) }
      : {}),
    ...(removals.size > 0 ? { removeOptionIds: [...removals] } : {}),
    ...(allowPast && adds.length > 0 ? { allowPast } : {}),
  });

  function addOption() {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(addDate) || (timed && !isTimeOfDay(addTime))) return;
    const value = timed ? `${addDate}T${addTime}` : addDate;
    if (!adds.includes(value)) setAdds([...adds, value].sort());
  }

  return (
    <section className="card p-5 sm:p-6" aria-labelledby="manage-heading">
      <details open={state !== null}>
        <summary className="cursor-pointer">
          <h2 id="manage-heading" className="inline text-lg font-semibold">
            {ta('manageHeading')}
          </h2>
          <span className="hint block pl-5 md:inline md:pl-3">{t('open')}</span>
        </summary>
        <div className="mt-4 grid gap-3">
          {controls}
          <a className="text-sm font-medium text-accent underline" href={csvUrl} download>
            {t('exportCsv')}
          </a>
        </div>
        <h3 id="edit-heading" className="mt-5 border-t border-line pt-4 font-semibold">
          {t('heading')}
        </h3>
        <form
          action={formAction}
          onSubmit={submitInPlace(formAction)}
          className="mt-4 grid gap-5"
          noValidate
        >
          <input type="hidden" name="payload" value={payload} />
          {state && (
            <p
              role={state.ok ? 'status' : 'alert'}
              className={state.ok ? 'font-semibold text-yes' : 'error-text font-semibold'}
            >
              {state.ok ? t('saved') : state.message}
            </p>
          )}
          {state?.ok && state.notices.length > 0 && (
            <ul role="note" className="grid gap-1 text-sm" data-testid="edit-fold-notices">
              {state.notices.map((n) => (
                <li key={`${n.field}-${n.wall}`}>
                  {t('foldNotice', { wall: n.wall, used: n.offsetUsed, other: n.offsetOther })}
                </li>
              ))}
            </ul>
          )}
          <FieldError
            id="edit-form-error"
            messages={Object.entries(errors).flatMap(([field, list]) =>
              PLACED_FIELDS.has(field) ? [] : list,
            )}
          />
          <fieldset className="grid gap-3">
            <legend className="label">{t('details')}</legend>
            <TextField
              id="edit-title"
              label={tc('title')}
              value={title}
              onChange={setTitle}
              errors={errors.title}
            />
            <TextField
              id="edit-description"
              label={tc('description')}
              value={description}
              onChange={setDescription}
              errors={errors.description}
              multiline
              className="min-h-16"
            />
            <TextField
              id="edit-location"
              label={tc('location')}
              value={location}
              onChange={setLocation}
              errors={errors.location}
            />
            {poll.participants.length > 0 && <p className="hint">{t('timeZoneLocked')}</p>}
          </fieldset>

          <fieldset className="grid gap-3 sm:grid-cols-3">
            <legend className="label">{t('settings')}</legend>
            <div>
              <label className="label" htmlFor="edit-deadline">
                {t('deadline')}
              </label>
              <input
                id="edit-deadline"
                type="datetime-local"
                className="field"
                value={deadline}
                onChange={(e) => setDeadline(e.target.value)}
                aria-invalid={Boolean(errors.deadline)}
                aria-describedby="edit-deadline-hint"
              />
              <p id="edit-deadline-hint" className="hint mt-1">
                {t('deadlineHint', { zone: placeName(poll.timeZone) })}
              </p>
              <FieldError id="edit-deadline-error" messages={errors.deadline} />
            </div>
            <div>
              <label className="label" htmlFor="edit-limit">
                {t('optionLimit')}
              </label>
              <input
                id="edit-limit"
                type="number"
                min={1}
                inputMode="numeric"
                className="field"
                value={optionLimit}
                onChange={(e) => setOptionLimit(e.target.value)}
                aria-invalid={Boolean(errors.optionLimit)}
                aria-describedby="edit-limit-hint"
              />
              <p id="edit-limit-hint" className="hint mt-1">
                {t('optionLimitHint')}
              </p>
              <FieldError id="edit-limit-error" messages={errors.optionLimit} />
            </div>
            <div>
              <label className="label" htmlFor="edit-privacy">
                {t('privacy')}
              </label>
              <select
                id="edit-privacy"
                className="field"
                value={privacy}
                aria-invalid={Boolean(errors.privacy)}
                aria-describedby="edit-privacy-error"
                onChange={(e) => setPrivacy(e.target.value as Privacy)}
              >
                {PRIVACY_LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {t(`privacyLevels.${level}`)}
                  </option>
                ))}
              </select>
              <FieldError id="edit-privacy-error" messages={errors.privacy} />
            </div>
          </fieldset>

          <fieldset className="grid gap-2">
            <legend className="label">{t('addOptions')}</legend>
            <p className="hint">{t('addOptionsHint')}</p>
            <div className="flex flex-wrap items-end gap-2">
              <TextField
                id="edit-add-date"
                type="date"
                label={tc('addDate')}
                value={addDate}
                onChange={setAddDate}
              />
              {timed && (
                <TextField
                  id="edit-add-time"
                  type="time"
                  label={tc('addTime')}
                  value={addTime}
                  onChange={setAddTime}
                />
              )}
              <button type="button" className="btn" onClick={addOption}>
                {t('addOption')}
              </button>
            </div>
            {adds.length > 0 && (
              <p className="text-sm" role="status">
                {t('pendingAdd', {
                  list: adds
                    .map((a) =>
                      timed ? a.replace('T', ' ') : describeDate(a, { locale }).dateLabel,
                    )
                    .join(', '),
                })}
              </p>
            )}
            <FieldError id="edit-add-error" messages={errors.addOptions} />
            {(errors.allowPast || allowPast) && (
              <label className="flex items-center gap-2 text-sm font-semibold">
                <input
                  type="checkbox"
                  checked={allowPast}
                  onChange={(e) => setAllowPast(e.target.checked)}
                />
                {t('allowPast')}
              </label>
            )}
          </fieldset>

          <fieldset className="grid gap-2">
            <legend className="label">{t('removeOptions')}</legend>
            <ul className="grid gap-1">
              {poll.options.map((o) => {
                const v = views.get(o.id);
                return (
                  <li key={o.id}>
                    <label className="flex items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        checked={removals.has(o.id)}
                        onChange={(e) =>
                          setRemovals((prev) => {
                            const next = new Set(prev);
                            if (e.target.checked) next.add(o.id);
                            else next.delete(o.id);
                            return next;
                          })
                        }
                      />
                      <span>
                        {[v?.dateLabel, v?.timeRange].filter(Boolean).join(' ')}{' '}
                        <span className="text-muted">
                          · {t('answersOnOption', { count: answersOn(o.id) })}
                        </span>
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
            {removals.size > 0 && (
              <div role="alert" className="rounded-lg bg-warn-soft px-3 py-2 text-sm">
                <p>{t('dropWarning', { options: removals.size, answers: dropped })}</p>
                {dropped > 0 && (
                  <label className="mt-1 flex items-center gap-2 font-semibold">
                    <input
                      type="checkbox"
                      checked={confirmDrop}
                      onChange={(e) => setConfirmDrop(e.target.checked)}
                    />
                    {t('confirmDrop')}
                  </label>
                )}
              </div>
            )}
            <FieldError id="edit-remove-error" messages={errors.removeOptionIds} />
          </fieldset>

          <div className="flex justify-end">
            <button
              type="submit"
              className="btn btn-primary"
              disabled={pending || (dropped > 0 && !confirmDrop)}
            >
              {t('save')}
            </button>
          </div>
        </form>
      </details>
    </section>
  );
}
