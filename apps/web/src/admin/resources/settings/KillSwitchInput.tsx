import { BooleanInput, FormDataConsumer } from 'react-admin';

const box = (on: boolean) => ({
  border: '2px solid',
  borderColor: on ? 'error.main' : 'divider',
  bgcolor: on ? 'error.light' : 'transparent',
  color: on ? 'error.contrastText' : 'inherit',
  borderRadius: 1,
  p: 2,
  mb: 3,
  width: '100%',
  maxWidth: '40rem',
});

/** The first thing on the settings page: stop all trading, and say plainly whether it is stopped. */
export function KillSwitchInput() {
  return (
    <FormDataConsumer<{ killSwitch?: boolean }>>
      {({ formData }) => (
        <section aria-label="Kill switch" style={{ width: '100%' }}>
          <BooleanInput
            source="killSwitch"
            label={formData.killSwitch ? 'Kill switch ON: no new orders' : 'Kill switch off: orders are placed'}
            helperText="On: every new alert is still recorded, as refused, and no order goes to Interactive Brokers. Takes effect when saved."
            sx={box(Boolean(formData.killSwitch))}
          />
        </section>
      )}
    </FormDataConsumer>
  );
}
