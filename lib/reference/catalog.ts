/**
 * The shared catalogue: the one list of NATO Stock Numbers that the
 * procurement subgraph seeds as its catalogue and the country subgraphs'
 * holdings and requirements reference. Prices are the supplier's volume tiers
 * (USD, decimal strings); savings are computed from them, never typed in.
 */
import { badInput } from '../errors';

export interface CatalogTier {
  minQuantity: number;
  unitPrice: string;
  leadTimeDays: number;
}

export interface CatalogEntry {
  nsn: string;
  name: string;
  category: CatalogCategory;
  supplier: string;
  /**
   * The STANAG the item itself is built to, where one really applies (the
   * ammunition's calibre, the vehicle's protection level, the UAV's control
   * interface); omitted rather than guessed where none does.
   */
  standard?: string;
  tiers: CatalogTier[];
}

export const CATALOG_CATEGORIES = [
  'SMALL_ARMS',
  'ANTI_ARMOUR',
  'AIR_DEFENCE',
  'AMMUNITION',
  'NIGHT_VISION',
  'COMMUNICATIONS',
  'VEHICLES',
  'PROTECTION',
  'UNMANNED',
  'MEDICAL',
] as const;
export type CatalogCategory = (typeof CATALOG_CATEGORIES)[number];

export const CATALOG_CURRENCY = 'USD';

export const CATALOG: readonly CatalogEntry[] = [
  { nsn: '1005-01-631-5031', name: 'M4A1 Carbine, 5.56 mm', category: 'SMALL_ARMS', supplier: 'Colt Defense', standard: 'STANAG 4172',
    tiers: [{ minQuantity: 1, unitPrice: '1450.00', leadTimeDays: 180 }, { minQuantity: 500, unitPrice: '1290.00', leadTimeDays: 150 }, { minQuantity: 2000, unitPrice: '1175.00', leadTimeDays: 150 }] },
  { nsn: '1005-01-127-7510', name: 'M249 Squad Automatic Weapon', category: 'SMALL_ARMS', supplier: 'FN America', standard: 'STANAG 4172',
    tiers: [{ minQuantity: 1, unitPrice: '6850.00', leadTimeDays: 210 }, { minQuantity: 100, unitPrice: '6200.00', leadTimeDays: 180 }, { minQuantity: 400, unitPrice: '5790.00', leadTimeDays: 180 }] },
  { nsn: '1005-01-567-3286', name: 'M240B Medium Machine Gun, 7.62 mm', category: 'SMALL_ARMS', supplier: 'FN America', standard: 'STANAG 2310',
    tiers: [{ minQuantity: 1, unitPrice: '9400.00', leadTimeDays: 240 }, { minQuantity: 50, unitPrice: '8650.00', leadTimeDays: 210 }, { minQuantity: 200, unitPrice: '8120.00', leadTimeDays: 200 }] },
  { nsn: '1005-01-590-2612', name: 'M110A1 Squad Designated Marksman Rifle', category: 'SMALL_ARMS', supplier: 'Heckler & Koch USA', standard: 'STANAG 2310',
    tiers: [{ minQuantity: 1, unitPrice: '12800.00', leadTimeDays: 270 }, { minQuantity: 60, unitPrice: '11900.00', leadTimeDays: 240 }] },
  { nsn: '1410-01-458-4218', name: 'FGM-148F Javelin Missile', category: 'ANTI_ARMOUR', supplier: 'Javelin Joint Venture (Raytheon/Lockheed Martin)',
    tiers: [{ minQuantity: 1, unitPrice: '216000.00', leadTimeDays: 540 }, { minQuantity: 50, unitPrice: '197500.00', leadTimeDays: 480 }, { minQuantity: 150, unitPrice: '184000.00', leadTimeDays: 450 }, { minQuantity: 400, unitPrice: '176250.00', leadTimeDays: 450 }] },
  { nsn: '1265-01-630-1820', name: 'Javelin Lightweight Command Launch Unit', category: 'ANTI_ARMOUR', supplier: 'Javelin Joint Venture (Raytheon/Lockheed Martin)',
    tiers: [{ minQuantity: 1, unitPrice: '265000.00', leadTimeDays: 480 }, { minQuantity: 20, unitPrice: '244000.00', leadTimeDays: 420 }, { minQuantity: 60, unitPrice: '231500.00', leadTimeDays: 420 }] },
  { nsn: '1340-01-646-5150', name: 'M72 LAW Light Anti-Armour Weapon', category: 'ANTI_ARMOUR', supplier: 'Nammo Talley',
    tiers: [{ minQuantity: 1, unitPrice: '3150.00', leadTimeDays: 200 }, { minQuantity: 500, unitPrice: '2840.00', leadTimeDays: 180 }, { minQuantity: 2000, unitPrice: '2610.00', leadTimeDays: 180 }] },
  { nsn: '1425-01-512-9650', name: 'FIM-92K Stinger Missile', category: 'AIR_DEFENCE', supplier: 'RTX Raytheon',
    tiers: [{ minQuantity: 1, unitPrice: '480000.00', leadTimeDays: 720 }, { minQuantity: 40, unitPrice: '438000.00', leadTimeDays: 660 }, { minQuantity: 120, unitPrice: '412000.00', leadTimeDays: 600 }] },
  { nsn: '1440-01-657-0311', name: 'Stinger Gripstock and Launch Assembly', category: 'AIR_DEFENCE', supplier: 'RTX Raytheon',
    tiers: [{ minQuantity: 1, unitPrice: '38500.00', leadTimeDays: 540 }, { minQuantity: 25, unitPrice: '35200.00', leadTimeDays: 480 }] },
  { nsn: '1305-01-594-5843', name: 'Cartridge 5.56 mm Ball M855A1 (case of 840)', category: 'AMMUNITION', supplier: 'Olin Winchester', standard: 'STANAG 4172',
    tiers: [{ minQuantity: 1, unitPrice: '655.00', leadTimeDays: 90 }, { minQuantity: 1000, unitPrice: '598.00', leadTimeDays: 75 }, { minQuantity: 5000, unitPrice: '561.50', leadTimeDays: 75 }] },
  { nsn: '1305-01-536-3340', name: 'Cartridge 7.62 mm Ball M80A1 (case of 800)', category: 'AMMUNITION', supplier: 'General Dynamics OTS', standard: 'STANAG 2310',
    tiers: [{ minQuantity: 1, unitPrice: '910.00', leadTimeDays: 90 }, { minQuantity: 800, unitPrice: '842.00', leadTimeDays: 80 }, { minQuantity: 3000, unitPrice: '799.00', leadTimeDays: 80 }] },
  { nsn: '1320-01-620-4488', name: 'Projectile 155 mm HE M795', category: 'AMMUNITION', supplier: 'General Dynamics OTS', standard: 'STANAG 4425',
    tiers: [{ minQuantity: 1, unitPrice: '3950.00', leadTimeDays: 365 }, { minQuantity: 2000, unitPrice: '3620.00', leadTimeDays: 330 }, { minQuantity: 10000, unitPrice: '3385.00', leadTimeDays: 300 }] },
  { nsn: '5855-01-629-5334', name: 'AN/PVS-31A Binocular Night Vision Device', category: 'NIGHT_VISION', supplier: 'L3Harris Technologies',
    tiers: [{ minQuantity: 1, unitPrice: '13400.00', leadTimeDays: 240 }, { minQuantity: 100, unitPrice: '12250.00', leadTimeDays: 210 }, { minQuantity: 500, unitPrice: '11480.00', leadTimeDays: 210 }] },
  { nsn: '5855-01-647-6498', name: 'AN/PAS-13G(V)2 Medium Thermal Weapon Sight', category: 'NIGHT_VISION', supplier: 'Leonardo DRS', standard: 'STANAG 4347',
    tiers: [{ minQuantity: 1, unitPrice: '17900.00', leadTimeDays: 270 }, { minQuantity: 80, unitPrice: '16450.00', leadTimeDays: 240 }, { minQuantity: 300, unitPrice: '15600.00', leadTimeDays: 240 }] },
  { nsn: '5820-01-668-1427', name: 'AN/PRC-163 Multi-Channel Handheld Radio', category: 'COMMUNICATIONS', supplier: 'L3Harris Technologies',
    tiers: [{ minQuantity: 1, unitPrice: '28500.00', leadTimeDays: 300 }, { minQuantity: 100, unitPrice: '26300.00', leadTimeDays: 270 }, { minQuantity: 400, unitPrice: '24900.00', leadTimeDays: 270 }] },
  { nsn: '5820-01-651-9832', name: 'AN/PRC-117G Manpack Radio', category: 'COMMUNICATIONS', supplier: 'L3Harris Technologies',
    tiers: [{ minQuantity: 1, unitPrice: '39800.00', leadTimeDays: 300 }, { minQuantity: 50, unitPrice: '37100.00', leadTimeDays: 270 }] },
  { nsn: '2320-01-636-4513', name: 'Joint Light Tactical Vehicle M1278A1 Heavy Guns Carrier', category: 'VEHICLES', supplier: 'Oshkosh Defense', standard: 'STANAG 4569 Level 2',
    tiers: [{ minQuantity: 1, unitPrice: '415000.00', leadTimeDays: 450 }, { minQuantity: 30, unitPrice: '389000.00', leadTimeDays: 420 }, { minQuantity: 100, unitPrice: '368500.00', leadTimeDays: 400 }] },
  { nsn: '2320-01-540-0883', name: 'HMMWV M1152A1 Cargo/Troop Carrier', category: 'VEHICLES', supplier: 'AM General',
    tiers: [{ minQuantity: 1, unitPrice: '248000.00', leadTimeDays: 300 }, { minQuantity: 40, unitPrice: '231000.00', leadTimeDays: 270 }] },
  { nsn: '8470-01-626-1620', name: 'Modular Scalable Vest, Gen II', category: 'PROTECTION', supplier: 'Point Blank Enterprises', standard: 'STANAG 2920',
    tiers: [{ minQuantity: 1, unitPrice: '1950.00', leadTimeDays: 120 }, { minQuantity: 1000, unitPrice: '1720.00', leadTimeDays: 100 }, { minQuantity: 4000, unitPrice: '1585.00', leadTimeDays: 100 }] },
  { nsn: '8470-01-669-9010', name: 'Integrated Head Protection System Helmet', category: 'PROTECTION', supplier: 'Gentex Corporation', standard: 'STANAG 2920',
    tiers: [{ minQuantity: 1, unitPrice: '1180.00', leadTimeDays: 120 }, { minQuantity: 1000, unitPrice: '1045.00', leadTimeDays: 100 }, { minQuantity: 4000, unitPrice: '968.00', leadTimeDays: 100 }] },
  { nsn: '1550-01-622-1457', name: 'RQ-20B Puma 3 AE Small Unmanned Aircraft System', category: 'UNMANNED', supplier: 'AeroVironment', standard: 'STANAG 4586',
    tiers: [{ minQuantity: 1, unitPrice: '1250000.00', leadTimeDays: 365 }, { minQuantity: 6, unitPrice: '1148000.00', leadTimeDays: 330 }, { minQuantity: 15, unitPrice: '1079000.00', leadTimeDays: 330 }] },
  { nsn: '1550-01-691-2245', name: 'Switchblade 300 Block 20 Loitering Munition', category: 'UNMANNED', supplier: 'AeroVironment',
    tiers: [{ minQuantity: 1, unitPrice: '72500.00', leadTimeDays: 300 }, { minQuantity: 100, unitPrice: '66800.00', leadTimeDays: 270 }, { minQuantity: 300, unitPrice: '62900.00', leadTimeDays: 270 }] },
  { nsn: '6545-01-539-6450', name: 'Improved First Aid Kit (IFAK II)', category: 'MEDICAL', supplier: 'North American Rescue', standard: 'STANAG 2126',
    tiers: [{ minQuantity: 1, unitPrice: '118.00', leadTimeDays: 60 }, { minQuantity: 2000, unitPrice: '104.50', leadTimeDays: 45 }, { minQuantity: 10000, unitPrice: '96.25', leadTimeDays: 45 }] },
  { nsn: '6515-01-521-7976', name: 'Combat Application Tourniquet Gen 7', category: 'MEDICAL', supplier: 'North American Rescue', standard: 'STANAG 2126',
    tiers: [{ minQuantity: 1, unitPrice: '32.95', leadTimeDays: 45 }, { minQuantity: 5000, unitPrice: '28.40', leadTimeDays: 30 }] },
];

export function catalogEntry(nsn: string): CatalogEntry | undefined {
  return CATALOG.find((c) => c.nsn === nsn);
}

/** A NATO Stock Number's form: 13 digits, NNNN-NN-NNN-NNNN. */
export const NSN_FORMAT = /^\d{4}-\d{2}-\d{3}-\d{4}$/;

/** An `nsn` filter argument: null/undefined (no filter) or a well-formed NSN, else BAD_USER_INPUT naming the field. */
export function nsnFilter(nsn: string | null | undefined, field = 'nsn'): string | undefined {
  if (nsn === undefined || nsn === null) return undefined;
  const text = nsn.trim();
  if (!NSN_FORMAT.test(text)) throw badInput(field, `must be a NATO Stock Number of 13 digits in the form NNNN-NN-NNN-NNNN (got "${nsn.slice(0, 40)}")`);
  return text;
}

/** The NSNs of one catalogue category (for records that store only the NSN). */
export function nsnsOfCategory(category: string): string[] {
  return CATALOG.filter((c) => c.category === category).map((c) => c.nsn);
}
