/** Kosovo: Ministry of Defence and the Kosovo Security Force (figures invented, magnitudes plausible). */
import type { MemberDemoData } from './demoData';
import { DEMO_REQUIREMENTS } from '../../../lib/reference/demoRequirements';
import { ITEM } from '../../../lib/reference/items';

export const KOSOVO: MemberDemoData = {
  ministry: {
    name: 'Ministry of Defence of the Republic of Kosovo',
    minister: 'Ejup Maqedonci',
    headquarters: 'Rruga Agim Ramadani, Prishtinë',
  },
  formations: {
    'KSF Rapid Reaction Brigade': [
      { nsn: ITEM.M4A1, operational: 1180, maintenance: 45, reserve: 120 },
      { nsn: ITEM.M249, operational: 96, maintenance: 6 },
      { nsn: ITEM.M240B, operational: 36, maintenance: 4 },
      { nsn: ITEM.M110A1, operational: 18 },
      { nsn: ITEM.JAVELIN_CLU, operational: 12, maintenance: 2 },
      { nsn: ITEM.JAVELIN_MISSILE, operational: 24, reserve: 60 },
      { nsn: ITEM.PVS_31, operational: 210, maintenance: 14 },
      { nsn: ITEM.PRC_163, operational: 140, maintenance: 8 },
      { nsn: ITEM.HMMWV, operational: 48, maintenance: 9 },
      { nsn: ITEM.VEST, operational: 1250, reserve: 150 },
      { nsn: ITEM.HELMET, operational: 1250, reserve: 150 },
      { nsn: ITEM.CARTRIDGE_556, operational: 420, reserve: 1800 },
    ],
    'KSF 1st Infantry Regiment': [
      { nsn: ITEM.M4A1, operational: 760, maintenance: 30 },
      { nsn: ITEM.M249, operational: 54, maintenance: 4 },
      { nsn: ITEM.M240B, operational: 18 },
      { nsn: ITEM.M72_LAW, operational: 60, reserve: 180 },
      { nsn: ITEM.PVS_31, operational: 96 },
      { nsn: ITEM.PRC_163, operational: 72, maintenance: 5 },
      { nsn: ITEM.HMMWV, operational: 22, maintenance: 4, natoStandard: false },
      { nsn: ITEM.VEST, operational: 820 },
      { nsn: ITEM.HELMET, operational: 820 },
      { nsn: ITEM.IFAK, operational: 850 },
    ],
    'KSF 2nd Infantry Regiment': [
      { nsn: ITEM.M4A1, operational: 740, maintenance: 26 },
      { nsn: ITEM.M249, operational: 54 },
      { nsn: ITEM.M240B, operational: 16, maintenance: 2 },
      { nsn: ITEM.M72_LAW, operational: 60, reserve: 160 },
      { nsn: ITEM.PVS_31, operational: 88 },
      { nsn: ITEM.PRC_163, operational: 70 },
      { nsn: ITEM.HMMWV, operational: 20, maintenance: 5, natoStandard: false },
      { nsn: ITEM.VEST, operational: 800 },
      { nsn: ITEM.HELMET, operational: 800 },
      { nsn: ITEM.IFAK, operational: 830 },
    ],
    'KSF Operational Support Brigade': [
      { nsn: ITEM.M4A1, operational: 410 },
      { nsn: ITEM.PRC_117G, operational: 36, maintenance: 3 },
      { nsn: ITEM.PRC_163, operational: 44 },
      { nsn: ITEM.PUMA, operational: 2 },
      { nsn: ITEM.HMMWV, operational: 34, maintenance: 6 },
      { nsn: ITEM.IFAK, operational: 900, reserve: 1400 },
      { nsn: ITEM.TOURNIQUET, operational: 1800, reserve: 3200 },
      { nsn: ITEM.CARTRIDGE_556, operational: 0, reserve: 2400 },
      { nsn: ITEM.CARTRIDGE_762, operational: 0, reserve: 640 },
    ],
  },
  requirements: DEMO_REQUIREMENTS.XK,
  budgets: [
    { yearOffset: -1, defenceTotal: '201500000.00', procurement: '58400000.00' },
    { yearOffset: 0, defenceTotal: '246000000.00', procurement: '78700000.00' },
    { yearOffset: 1, defenceTotal: '285000000.00', procurement: '94050000.00' },
  ],
};
