/** Albania: Ministry of Defence and the Albanian Land Force (figures invented, magnitudes plausible; amounts in lek). */
import type { MemberDemoData } from './demoData';
import { DEMO_REQUIREMENTS } from '../../../lib/reference/demoRequirements';
import { ITEM } from '../../../lib/reference/items';

export const ALBANIA: MemberDemoData = {
  ministry: {
    name: 'Ministry of Defence of the Republic of Albania',
    minister: 'Pirro Vengu',
    headquarters: 'Bulevardi Dëshmorët e Kombit, Tiranë',
  },
  formations: {
    'Land Force 1st Infantry Battalion': [
      { nsn: ITEM.M4A1, operational: 620, maintenance: 28, reserve: 60 },
      { nsn: ITEM.M249, operational: 42, maintenance: 3 },
      { nsn: ITEM.M240B, operational: 14 },
      { nsn: ITEM.M72_LAW, operational: 48, reserve: 120 },
      { nsn: ITEM.PVS_31, operational: 72, maintenance: 6 },
      { nsn: ITEM.PRC_163, operational: 58 },
      { nsn: ITEM.HMMWV, operational: 26, maintenance: 7 },
      { nsn: ITEM.VEST, operational: 650 },
      { nsn: ITEM.HELMET, operational: 650 },
    ],
    'Land Force 2nd Infantry Battalion': [
      { nsn: ITEM.M4A1, operational: 590, maintenance: 35 },
      { nsn: ITEM.M249, operational: 40 },
      { nsn: ITEM.M240B, operational: 12, maintenance: 2 },
      { nsn: ITEM.M72_LAW, operational: 40, reserve: 110 },
      { nsn: ITEM.PVS_31, operational: 60 },
      { nsn: ITEM.PRC_163, operational: 50, maintenance: 4 },
      { nsn: ITEM.HMMWV, operational: 18, maintenance: 6, natoStandard: false },
      { nsn: ITEM.VEST, operational: 610, reserve: 40 },
      { nsn: ITEM.HELMET, operational: 610 },
    ],
    'Land Force 3rd Infantry Battalion': [
      { nsn: ITEM.M4A1, operational: 540, maintenance: 22 },
      { nsn: ITEM.M249, operational: 36, maintenance: 2 },
      { nsn: ITEM.M240B, operational: 10 },
      { nsn: ITEM.PVS_31, operational: 44 },
      { nsn: ITEM.PRC_163, operational: 40 },
      { nsn: ITEM.HMMWV, operational: 14, maintenance: 5, natoStandard: false },
      { nsn: ITEM.VEST, operational: 560 },
      { nsn: ITEM.HELMET, operational: 560 },
    ],
    'Commando Regiment': [
      { nsn: ITEM.M4A1, operational: 480, maintenance: 12 },
      { nsn: ITEM.M110A1, operational: 16 },
      { nsn: ITEM.JAVELIN_CLU, operational: 8, maintenance: 1 },
      { nsn: ITEM.JAVELIN_MISSILE, operational: 16, reserve: 32 },
      { nsn: ITEM.PVS_31, operational: 160 },
      { nsn: ITEM.PAS_13, operational: 40 },
      { nsn: ITEM.PRC_117G, operational: 20 },
      { nsn: ITEM.PUMA, operational: 1 },
    ],
    'Logistics Support Brigade': [
      { nsn: ITEM.CARTRIDGE_556, operational: 300, reserve: 2600 },
      { nsn: ITEM.CARTRIDGE_762, operational: 80, reserve: 760 },
      { nsn: ITEM.IFAK, operational: 1200, reserve: 1800 },
      { nsn: ITEM.TOURNIQUET, operational: 2400, reserve: 2600 },
    ],
  },
  requirements: DEMO_REQUIREMENTS.AL,
  budgets: [
    { yearOffset: -1, defenceTotal: '50480000000.00', procurement: '13120000000.00' },
    { yearOffset: 0, defenceTotal: '56300000000.00', procurement: '15770000000.00' },
    { yearOffset: 1, defenceTotal: '61900000000.00', procurement: '17950000000.00' },
  ],
};
