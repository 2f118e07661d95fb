import { startTransition, type FormEvent } from 'react';

/**
 * A form's onSubmit that runs its action without the reset React applies to a form after an
 * `action` prop has run: when the server refuses (a missing name, the write limit), the
 * answers ticked and the text typed stay as they were, in the page as in the state. The form
 * keeps its `action` prop too: before the page hydrates, that is what makes it post to the
 * server action instead of a GET that would put the form's fields in the address.
 */
export function submitInPlace(dispatch: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
}
