/**
 * The NATO Supply Classification (the US Federal Supply Classification NATO
 * adopted): an NSN's first four digits are its supply class, the first two
 * its group. Only the groups and classes the catalogue uses are listed, with
 * their official names; an NSN is NNNN-NN-NNN-NNNN, 13 digits.
 */
export const NSN_FORMAT = /^(\d{4})-(\d{2})-(\d{3})-(\d{4})$/;

export const SUPPLY_GROUPS: Readonly<Record<string, string>> = {
  '10': 'Weapons',
  '12': 'Fire Control Equipment',
  '13': 'Ammunition and Explosives',
  '14': 'Guided Missiles',
  '15': 'Aircraft and Airframe Structural Components',
  '23': 'Ground Effect Vehicles, Motor Vehicles, Trailers, and Cycles',
  '58': 'Communication, Detection, and Coherent Radiation Equipment',
  '65': 'Medical, Dental, and Veterinary Equipment and Supplies',
  '84': 'Clothing, Individual Equipment, and Insignia',
};

export const SUPPLY_CLASSES: Readonly<Record<string, string>> = {
  '1005': 'Guns, through 30 mm',
  '1265': 'Fire Control Transmitting and Receiving Equipment, except Airborne',
  '1305': 'Ammunition, through 30 mm',
  '1320': 'Ammunition, over 125 mm',
  '1340': 'Rockets, Rocket Ammunition and Rocket Components',
  '1410': 'Guided Missiles',
  '1425': 'Guided Missile Systems, Complete',
  '1440': 'Launchers, Guided Missile',
  '1550': 'Unmanned Aircraft',
  '2320': 'Trucks and Truck Tractors, Wheeled',
  '5820': 'Radio and Television Communication Equipment, except Airborne',
  '5855': 'Night Vision Equipment, Emitted and Reflected Radiation',
  '6515': 'Medical and Surgical Instruments, Equipment, and Supplies',
  '6545': 'Replenishable Field Medical Sets, Kits, and Outfits',
  '8470': 'Armor, Personal',
};

export interface SupplyClassOf {
  /** The four-digit supply class, e.g. "1410". */
  code: string;
  name: string | null;
  /** The two-digit group, e.g. "14". */
  groupCode: string;
  groupName: string | null;
}

/** The supply class and group of an NSN; null when it is not in the 13-digit format. */
export function supplyClassOf(nsn: string): SupplyClassOf | null {
  const match = NSN_FORMAT.exec(nsn);
  if (!match) return null;
  const code = match[1];
  const groupCode = code.slice(0, 2);
  return { code, name: SUPPLY_CLASSES[code] ?? null, groupCode, groupName: SUPPLY_GROUPS[groupCode] ?? null };
}
