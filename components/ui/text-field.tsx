'use client';

import type { ReactNode } from 'react';
import { FieldError } from '@/components/ui/field-error';

/**
 * A labelled text, date or time input (or textarea) with its error messages, wired for screen readers:
 * the error is the input's description and marks it invalid.
 */
export function TextField({
  id,
  label,
  note,
  value,
  onChange,
  errors,
  multiline = false,
  className = '',
  placeholder,
  autoComplete,
  maxLength,
  required,
  type = 'text',
}: {
  id: string;
  label: string;
  /** Quieter text after the label, such as "(optional)". */
  note?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
  multiline?: boolean;
  className?: string;
  placeholder?: string;
  autoComplete?: string;
  maxLength?: number;
  required?: boolean;
  /** Dates and times use the browser's own pickers. */
  type?: 'text' | 'date' | 'time' | 'email';
}) {
  const shared = {
    id,
    className: `field ${className}`.trim(),
    value,
    placeholder,
    'aria-invalid': Boolean(errors && errors.length > 0),
    'aria-describedby': `${id}-error`,
  };
  return (
    <div>
      <label className="label" htmlFor={id}>
        {label} {note && <span className="hint font-normal">{note}</span>}
      </label>
      {multiline ? (
        <textarea {...shared} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...shared}
          type={type}
          autoComplete={autoComplete}
          maxLength={maxLength}
          required={required}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}
