import { formatAmount, parseAmount, minorUnitsTransformer, percentOf, sumMinor } from './money';

describe('money', () => {
  it('parses decimal strings into exact minor units', () => {
    expect(parseAmount('1250000.00')).toBe(125000000n);
    expect(parseAmount('0.1')).toBe(10n);
    expect(parseAmount('-3.05')).toBe(-305n);
    expect(parseAmount('9999999999999999.99')).toBe(999999999999999999n);
  });

  it('formats minor units with two decimals', () => {
    expect(formatAmount(125000000n)).toBe('1250000.00');
    expect(formatAmount(5n)).toBe('0.05');
    expect(formatAmount(-305n)).toBe('-3.05');
  });

  it('adds without the binary floating point drift of 0.1 + 0.2', () => {
    expect(formatAmount(sumMinor([parseAmount('0.1'), parseAmount('0.2')]))).toBe('0.30');
  });

  it('refuses amounts that are not decimals, naming the field', () => {
    expect(() => parseAmount('12.345', 'unitPrice')).toThrow(/"unitPrice".*2 decimal places/);
    expect(() => parseAmount('1e6', 'amount')).toThrow(/"amount"/);
    expect(() => parseAmount('', 'amount')).toThrow(/"amount"/);
  });

  it('reads bigint columns from either driver as bigint', () => {
    expect(minorUnitsTransformer.from('123456789012345')).toBe(123456789012345n);
    expect(minorUnitsTransformer.from(42)).toBe(42n);
    expect(minorUnitsTransformer.from(null)).toBeNull();
    expect(minorUnitsTransformer.to(42n)).toBe('42');
  });

  it('gives a share as an exact percentage with two decimals, rounded half up', () => {
    expect(percentOf(23905000n, 321500000n)).toBe('7.44'); // 7.4354…
    expect(percentOf(1n, 8n)).toBe('12.50');
    expect(percentOf(1n, 3n)).toBe('33.33');
    expect(percentOf(2n, 3n)).toBe('66.67');
    expect(percentOf(1n, 200000n)).toBe('0.00'); // 0.0005 % → rounds to 0.00
    expect(percentOf(1n, 20000n)).toBe('0.01'); // exactly 0.005 % → half up
    expect(percentOf(-1n, 8n)).toBe('-12.50');
    expect(percentOf(5n, 0n)).toBe('0.00');
  });
});
