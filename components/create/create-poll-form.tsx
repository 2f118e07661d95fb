'use client';

import { useActionState, useEffect, useMemo, useState } from 'react';
import { useTranslations } from 'next-intl';
import { MonthCalendar } from '@/components/create/month-calendar';
import { GuestZonesField } from '@/components/create/guest-zones-field';
import { ZonePicker } from '@/components/ui/zone-picker';
import { FairTimeFinder } from '@/components/create/fair-time-finder';
import { OptionPreview } from '@/components/create/option-preview';
import { StartTimesField } from '@/components/create/start-times-field';
import { FieldError } from '@/components/ui/field-error';
import { TextField } from '@/components/ui/text-field';
import { generateDates, generateWallTimes } from '@/lib/poll/option-generation';
import { LIMITS } from '@/lib/poll/limits';
import { splitAddresses } from '@/lib/mail/address-list';
import type { PollKind } from '@/lib/poll/model';
import type { Failure } from '@/lib/poll/problems';
import { localDateAt, parseWall, resolveWallTime, resolveZone } from '@/lib/time/time-zone';
import { slotClockChanges } from '@/lib/time/slot-clock-changes';
import { checkWall } from '@/lib/time/wall-check';
import type { PlaceInput } from '@/lib/finder/heatmap';
import { submitInPlace } from '@/components/ui/submit-in-place';

const DURATIONS = [15, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720];

export function CreatePollForm({
  action,
  initialZone,
  nowMs,
  locale,
  mailEnabled = false,
}: {
  action: (prev: Failure | null, data: FormData) => Promise<Failure>;
  initialZone: string | null;
  nowMs: number;
  locale: string;
  /** The server can send mail: offer to mail the organiser their links. */
  mailEnabled?: boolean;
}) {
  const t = useTranslations('create');
  const [state, formAction, pending] = useActionState(action, null);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [location, setLocation] = useState('');
  const [organiserName, setOrganiserName] = useState('');
  const [organiserEmail, setOrganiserEmail] = useState('');
  const [invitees, setInvitees] = useState('');
  const [timeZone, setTimeZone] = useState(initialZone ?? 'UTC');
  const [kind, setKind] = useState<PollKind>('timed');
  const [duration, setDuration] = useState(60);
  const [dates, setDates] = useState<Set<string>>(new Set());
  const [times, setTimes] = useState<string[]>(['09:00']);
  const [timeDraft, setTimeDraft] = useState('14:00');
  const [dateDraft, setDateDraft] = useState('');
  const [removed, setRemoved] = useState<Set<string>>(new Set());
  /** Guests' cities; head counts and working hours only shape the finder's suggestions. */
  const [guestPlaces, setGuestPlaces] = useState<PlaceInput[]>([]);
  const guestZones = useMemo(() => guestPlaces.map((p) => p.zone), [guestPlaces]);
  /** Single wall times picked in the fair-time finder, beside the dates × start times. */
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [allowPast, setAllowPast] = useState(false);

  useEffect(() => {
    if (initialZone) return;
    const detected = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // The zone lives outside React (the browser); reading it after mount keeps SSR stable.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (detected) setTimeZone(detected);
  }, [initialZone]);

  const options = useMemo(
    () =>
      kind === 'timed'
        ? [...new Set([...generateWallTimes([...dates], times, removed), ...picked])].sort()
        : generateDates([...dates], removed),
    [kind, dates, times, removed, picked],
  );
  const checks = useMemo(
    () => new Map(kind === 'timed' ? options.map((w) => [w, checkWall(timeZone, w)] as const) : []),
    [kind, options, timeZone],
  );
  // The options as instants in the organiser's zone: every offset the form shows is theirs.
  const instantsMs = useMemo(() => {
    const zone = resolveZone(timeZone).zone;
    if (!zone) return [];
    return options.flatMap((o) => {
      const wall = parseWall(kind === 'timed' ? o : `${o}T12:00`);
      return wall === null ? [] : [resolveWallTime(zone, wall).utcMs];
    });
  }, [kind, options, timeZone]);
  const clockNotices = useMemo(() => {
    if (kind !== 'timed' || !resolveZone(timeZone).zone) return [];
    return slotClockChanges({
      slots: instantsMs.map((startMs) => ({ startMs, durationMinutes: duration })),
      zones: [timeZone, ...guestZones],
      referenceZone: timeZone,
    });
  }, [kind, instantsMs, timeZone, guestZones, duration]);
  // "Today" is the organiser's date where they are, not the server's nor UTC's.
  const today = localDateAt(timeZone, nowMs);

  const payload = JSON.stringify({
    title,
    description,
    location,
    organiserName,
    ...(mailEnabled && organiserEmail ? { organiserEmail } : {}),
    ...(mailEnabled && invitees.trim() ? { invitees: splitAddresses(invitees) } : {}),
    timeZone,
    kind,
    guestZones,
    ...(kind === 'timed' ? { durationMinutes: duration } : {}),
    options: options.map((o) => (kind === 'timed' ? { start: o } : { date: o })),
    ...(allowPast ? { allowPast } : {}),
  });

  function toggleDate(date: string) {
    setDates((prev) => {
      const next = new Set(prev);
      if (next.has(date)) next.delete(date);
      else next.add(date);
      return next;
    });
  }

  /** Adds or removes one wall time, whichever list it came from. */
  function setOption(option: string, on: boolean) {
    setPicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(option);
      else next.delete(option);
      return next;
    });
    if (on) {
      setRemoved((prev) => {
        const next = new Set(prev);
        next.delete(option);
        return next;
      });
    } else if (!picked.has(option)) {
      setRemoved((prev) => new Set(prev).add(option));
    }
  }

  function toggleRemoved(option: string) {
    if (picked.has(option)) {
      setOption(option, false);
      return;
    }
    setRemoved((prev) => {
      const next = new Set(prev);
      if (next.has(option)) next.delete(option);
      else next.add(option);
      return next;
    });
  }

  const errors = state?.fieldErrors ?? {};
  // The confirmation appears with the refusal that asks for it, and stays once ticked.
  const askPast = Boolean(errors.allowPast) || allowPast;
  return (
    <form
      action={formAction}
      onSubmit={submitInPlace(formAction)}
      className="grid grid-cols-1 gap-6"
      noValidate
    >
      <input type="hidden" name="payload" value={payload} />
      {state && !state.ok && (
        <div role="alert" className="rounded-xl border border-danger bg-no-soft px-4 py-3 text-sm">
          <p className="font-semibold">{state.message}</p>
        </div>
      )}

      <section className="card grid gap-4 p-5 sm:p-6" aria-labelledby="about-heading">
        <h2 id="about-heading" className="text-lg font-semibold">
          {t('aboutHeading')}
        </h2>
        <TextField
          id="title"
          label={t('title')}
          value={title}
          onChange={setTitle}
          errors={errors.title}
          placeholder={t('titlePlaceholder')}
          maxLength={LIMITS.title + 50}
          required
        />
        <TextField
          id="description"
          label={t('description')}
          note={t('optional')}
          value={description}
          onChange={setDescription}
          errors={errors.description}
          multiline
          className="min-h-20"
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            id="location"
            label={t('location')}
            note={t('optional')}
            value={location}
            onChange={setLocation}
            errors={errors.location}
            placeholder={t('locationPlaceholder')}
          />
          <TextField
            id="organiserName"
            label={t('organiserName')}
            note={t('optional')}
            value={organiserName}
            onChange={setOrganiserName}
            errors={errors.organiserName}
            autoComplete="name"
          />
          {mailEnabled && (
            <div>
              <TextField
                id="organiserEmail"
                type="email"
                label={t('organiserEmail.label')}
                value={organiserEmail}
                onChange={setOrganiserEmail}
                errors={errors.organiserEmail}
                autoComplete="email"
              />
              <p className="mt-1 text-sm text-muted">{t('organiserEmail.hint')}</p>
            </div>
          )}
          {mailEnabled && (
            <div className="sm:col-span-2">
              <TextField
                id="invitees"
                multiline
                label={t('invitees.label')}
                value={invitees}
                onChange={setInvitees}
                errors={errors.invitees}
                placeholder={t('invitees.placeholder')}
              />
              <p className="mt-1 text-sm text-muted">{t('invitees.hint')}</p>
            </div>
          )}
        </div>
        <ZonePicker
          label={t('timeZone')}
          value={timeZone}
          onChange={(z) => {
            setTimeZone(z);
          }}
          error={errors.timeZone?.[0]}
          nowMs={nowMs}
          instantsMs={instantsMs}
        />
        <GuestZonesField
          places={guestPlaces}
          onChange={setGuestPlaces}
          nowMs={nowMs}
          instantsMs={instantsMs}
          error={errors.guestZones?.[0]}
        />
      </section>

      <section className="card grid gap-4 p-5 sm:p-6" aria-labelledby="options-heading">
        <h2 id="options-heading" className="text-lg font-semibold">
          {t('optionsHeading')}
        </h2>
        <fieldset>
          <legend className="label">{t('kind')}</legend>
          <div className="inline-flex rounded-xl border border-line p-1">
            {(['timed', 'allDay'] as const).map((k) => (
              <label
                key={k}
                className={`relative cursor-pointer rounded-lg px-4 py-2 text-sm font-semibold has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent ${kind === k ? 'bg-accent text-accent-ink' : ''}`}
              >
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                  className="absolute inset-0 cursor-pointer opacity-0"
                />
                {t(`kinds.${k}`)}
              </label>
            ))}
          </div>
        </fieldset>

        <div className="grid gap-5 md:grid-cols-[minmax(0,20rem)_1fr]">
          <div className="grid content-start gap-3">
            <MonthCalendar selected={dates} onToggle={toggleDate} today={today} locale={locale} />
            <div className="flex items-end gap-2">
              <div className="grow">
                <label className="label" htmlFor="date-draft">
                  {t('addDate')}
                </label>
                <input
                  id="date-draft"
                  type="date"
                  className="field"
                  value={dateDraft}
                  onChange={(e) => setDateDraft(e.target.value)}
                />
              </div>
              <button
                type="button"
                className="btn"
                onClick={() => {
                  if (/^\d{4}-\d{2}-\d{2}$/.test(dateDraft) && !dates.has(dateDraft))
                    toggleDate(dateDraft);
                }}
              >
                {t('addDateButton')}
              </button>
            </div>
          </div>

          <div className="grid content-start gap-4">
            {kind === 'timed' && (
              <>
                <div>
                  <label className="label" htmlFor="duration">
                    {t('duration')}
                  </label>
                  <select
                    id="duration"
                    className="field"
                    value={duration}
                    onChange={(e) => setDuration(Number(e.target.value))}
                    aria-invalid={Boolean(errors.durationMinutes)}
                  >
                    {DURATIONS.map((d) => (
                      <option key={d} value={d}>
                        {t('durationValue', { hours: Math.floor(d / 60), minutes: d % 60 })}
                      </option>
                    ))}
                  </select>
                  <FieldError id="duration-error" messages={errors.durationMinutes} />
                </div>
                <StartTimesField
                  times={times}
                  onChange={setTimes}
                  timeDraft={timeDraft}
                  onTimeDraft={setTimeDraft}
                />
              </>
            )}

            <OptionPreview
              kind={kind}
              options={options}
              checks={checks}
              removedCount={removed.size}
              onToggle={toggleRemoved}
              onRestore={() => setRemoved(new Set())}
              clockNotices={clockNotices}
              errors={errors.options}
              locale={locale}
            />
          </div>
        </div>
        {kind === 'timed' && (
          <FairTimeFinder
            organiserZone={timeZone}
            guests={guestPlaces}
            durationMinutes={duration}
            initialWeek={[...dates].sort()[0] ?? today}
            locale={locale}
            selected={new Set(options)}
            onSet={setOption}
          />
        )}
      </section>

      {askPast && (
        <div className="rounded-xl bg-warn-soft px-4 py-3 text-sm">
          <label className="flex items-center gap-2 font-semibold">
            <input
              type="checkbox"
              checked={allowPast}
              onChange={(e) => setAllowPast(e.target.checked)}
              aria-describedby={errors.allowPast && !allowPast ? 'allow-past-error' : undefined}
            />
            {t('allowPast')}
          </label>
          <FieldError id="allow-past-error" messages={allowPast ? undefined : errors.allowPast} />
        </div>
      )}
      <div className="flex flex-wrap items-center justify-end gap-3">
        <p className="hint">{t('noAccount')}</p>
        <button type="submit" className="btn btn-primary px-6 py-3 text-base" disabled={pending}>
          {pending ? t('creating') : t('submit')}
        </button>
      </div>
    </form>
  );
}
