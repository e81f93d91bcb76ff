import { CATALOG } from './catalog';
import { supplyClassOf } from './supplyClassification';

describe('the shared catalogue', () => {
  it.each(CATALOG.map((item) => [item.name, item.nsn]))('%s: a 13-digit NSN in a known NATO supply class and group', (_name, nsn) => {
    const supplyClass = supplyClassOf(nsn);
    expect(supplyClass).not.toBeNull();
    expect(supplyClass!.name).toEqual(expect.any(String));
    expect(supplyClass!.groupName).toEqual(expect.any(String));
  });

  it('names no STANAG for items no standard was verified for: the Javelin, M72, Stinger and HMMWV among them', () => {
    const without = CATALOG.filter((item) => item.standard === undefined).map((item) => item.name);
    for (const name of ['FGM-148F Javelin Missile', 'Javelin Lightweight Command Launch Unit', 'M72 LAW Light Anti-Armour Weapon', 'FIM-92K Stinger Missile', 'Stinger Gripstock and Launch Assembly', 'HMMWV M1152A1 Cargo/Troop Carrier']) {
      expect(without).toContain(name);
    }
    for (const item of CATALOG) if (item.standard !== undefined) expect(item.standard).toMatch(/^STANAG \d{4}( Level \d)?$/);
  });

  it('has unique NSNs', () => {
    expect(new Set(CATALOG.map((item) => item.nsn)).size).toBe(CATALOG.length);
  });
});
