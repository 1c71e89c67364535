import { render, screen } from '@testing-library/react';
import type { ExitOrderSummary } from '@tradehook/contracts';
import { ExitOrders } from './ExitOrders';

const exit = (over: Partial<ExitOrderSummary>): ExitOrderSummary => ({
  id: 2, ibOrderId: 12, role: 'take-profit', orderType: 'LMT', status: 'working', limitPrice: '6010', stopPrice: null,
  trailingAmount: null, trailingPercent: null, filled: '0', avgFillPrice: null, ...over,
});

it("shows a bracket's exits with their price and state, and nothing without exits", () => {
  const { container } = render(<ExitOrders exits={[]} />);
  expect(container).toBeEmptyDOMElement();
  render(<ExitOrders exits={[exit({}), exit({ id: 3, role: 'stop-loss', orderType: 'STP LMT', status: 'cancelled', limitPrice: '5997.5', stopPrice: '5998' }),
    exit({ id: 4, role: 'trailing-stop', orderType: 'TRAIL', limitPrice: null, trailingPercent: '0.5' })]} />);
  const items = screen.getAllByRole('listitem').map((li) => li.textContent);
  expect(items).toEqual(['TP 6010 working', 'SL 5998 / 5997.5 cancelled', 'Trail 0.5 % working']);
});
