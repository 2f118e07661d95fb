import { startTransition, type FormEvent } from 'react';

/**
 * A form's onSubmit that runs its action without the reset React applies to a form after an
 * `action` prop has run: when the server refuses (a missing name, the write limit), the
 * answers ticked and the text typed stay as they were, in the page as in the state.
 */
export function submitInPlace(dispatch: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
}
