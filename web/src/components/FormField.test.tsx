import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fieldErrorText, FormField, TextField } from './FormField';

afterEach(cleanup);

describe('fieldErrorText', () => {
  it('puts the field name before a fragment and leaves sentences alone', () => {
    expect(fieldErrorText('Current password', 'is incorrect')).toBe('Current password is incorrect');
    expect(fieldErrorText('New password', 'The password must be at least 10 characters long.')).toBe(
      'The password must be at least 10 characters long.',
    );
  });
});

describe('TextField', () => {
  it('is a labelled input without error attributes when all is well', () => {
    render(<TextField label="Email" name="email" defaultValue="" />);
    const input = screen.getByLabelText('Email');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(input.getAttribute('aria-describedby')).toBeNull();
    expect(input.getAttribute('name')).toBe('email');
  });

  it('shows the error next to the field, marks it invalid and describes it by the error', () => {
    render(<TextField label="Current password" type="password" error="is incorrect" hint="Yours." />);
    const input = screen.getByLabelText('Current password');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const ids = (input.getAttribute('aria-describedby') ?? '').split(' ');
    const texts = ids.map((id) => document.getElementById(id)?.textContent);
    expect(texts).toEqual(['Yours.', 'Current password is incorrect']);
    expect(screen.getByText('Current password is incorrect').className).toBe('field-error');
  });
});

describe('FormField', () => {
  it('wires any control through its render function', () => {
    render(
      <FormField label="Notes" error="must not be empty">
        {(control) => <textarea {...control} />}
      </FormField>,
    );
    const area = screen.getByLabelText('Notes');
    expect(area.tagName).toBe('TEXTAREA');
    expect(area.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(area.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Notes must not be empty',
    );
  });
});
