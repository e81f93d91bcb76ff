import { convertMinor, formatAmount, formatRate, parseAmount, parseRate, minorUnitsTransformer, percentOf, sumMinor } from './money';

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

  it('reads and prints exchange rates exactly, in millionths', () => {
    expect(parseRate('1.0389')).toBe(1038900n);
    expect(parseRate('102.5')).toBe(102500000n);
    expect(formatRate(1038900n)).toBe('1.0389');
    expect(formatRate(102500000n)).toBe('102.5000');
    expect(formatRate(1955830n)).toBe('1.95583');
    expect(() => parseRate('0', 'rate')).toThrow(/"rate".*greater than zero/);
    expect(() => parseRate('1,08', 'rate')).toThrow(/"rate"/);
  });

  it('converts across the euro with one rounding at the end, halves away from zero', () => {
    // 1,000,000.00 USD at 1.0389 USD per euro: 962,556.5502… EUR → 962,556.55.
    expect(formatAmount(convertMinor(parseAmount('1000000.00'), 1038900n, 1000000n))).toBe('962556.55');
    // Into ALL at 98.5 per euro, straight from USD (no rounding in euros on the way): 94,811,820.194…
    expect(formatAmount(convertMinor(parseAmount('1000000.00'), 1038900n, 98500000n))).toBe('94811820.19');
    // A half: 0.01 at a rate of 2 → 0.005 → 0.01 (away from zero), and −0.005 → −0.01.
    expect(convertMinor(1n, 2000000n, 1000000n)).toBe(1n);
    expect(convertMinor(-1n, 2000000n, 1000000n)).toBe(-1n);
    expect(convertMinor(1n, 3000000n, 1000000n)).toBe(0n);
  });
});
