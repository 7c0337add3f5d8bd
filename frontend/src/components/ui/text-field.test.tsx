import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { Checkbox } from '@/components/ui/checkbox';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';

describe('form fields', () => {
  it('wire label, description and error to the control', () => {
    render(
      <TextField
        label="Preferred name"
        name="preferred_name"
        description="The name they want to be called."
        error="Enter a name."
        required
      />,
    );
    const input = screen.getByLabelText(/preferred name/i);
    expect(input).toHaveAccessibleDescription('The name they want to be called. Error: Enter a name.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('(required)')).toBeInTheDocument();
  });

  it('has no error state without an error', () => {
    render(<TextField label="Email" name="email" />);
    const input = screen.getByLabelText('Email');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(input).not.toHaveAttribute('aria-describedby');
  });

  it('select and checkbox work the same way', () => {
    render(
      <>
        <SelectField
          label="Dimension"
          name="dimension"
          placeholder="Choose one"
          options={[
            { value: 'health', label: 'Health' },
            { value: 'home', label: 'Home' },
          ]}
          error="Choose a dimension."
        />
        <Checkbox label="Wants contact" name="wants_contact" description="We will reach out today." />
      </>,
    );
    expect(screen.getByLabelText('Dimension')).toHaveAccessibleDescription('Error: Choose a dimension.');
    expect(screen.getByRole('option', { name: 'Home' })).toBeInTheDocument();
    expect(screen.getByLabelText('Wants contact')).toHaveAccessibleDescription('We will reach out today.');
  });
});
