/** The dashboard shows money exactly as the graph answers it: grouping is done on the text, never through a float. */
import { formatMoney, groupDigits } from '../../web/dashboard/format';

describe('dashboard money formatting', () => {
  it.each([
    ['0.00', '0.00'],
    ['999.99', '999.99'],
    ['1000.00', '1,000.00'],
    ['12550500.00', '12,550,500.00'],
    ['-2851650.05', '-2,851,650.05'],
    // Beyond a double's 15–17 significant digits: a float would round the cents away.
    ['98765432109876543.21', '98,765,432,109,876,543.21'],
  ])('groups %s as %s', (amount, shown) => {
    expect(groupDigits(amount)).toBe(shown);
  });

  it('shows anything that is not a plain decimal as it came, rather than guessing', () => {
    expect(groupDigits('1e6')).toBe('1e6');
    expect(formatMoney(null)).toBe('—');
  });

  it('writes the currency after the amount', () => {
    expect(formatMoney({ amount: '4183500.00', currency: 'USD' })).toBe('4,183,500.00 USD');
  });
});
