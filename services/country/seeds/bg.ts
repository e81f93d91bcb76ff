/** Bulgaria (invited): Ministry of Defence and the Bulgarian Land Forces (figures invented, magnitudes plausible). */
import type { MemberDemoData } from './demoData';
import { DEMO_REQUIREMENTS } from '../../../lib/reference/demoRequirements';
import { ITEM } from '../../../lib/reference/items';

export const BULGARIA: MemberDemoData = {
  ministry: {
    name: 'Ministry of Defence of the Republic of Bulgaria',
    minister: 'Atanas Zapryanov',
    headquarters: '3 Dyakon Ignatiy Street, Sofia',
  },
  formations: {
    '2nd Mechanized Brigade (Stara Zagora)': [
      { nsn: ITEM.M4A1, operational: 1850, maintenance: 90, reserve: 400 },
      { nsn: ITEM.M249, operational: 120, maintenance: 10 },
      { nsn: ITEM.M240B, operational: 60 },
      { nsn: ITEM.JAVELIN_CLU, operational: 16, maintenance: 2 },
      { nsn: ITEM.JAVELIN_MISSILE, operational: 32, reserve: 64 },
      { nsn: ITEM.PVS_31, operational: 260, maintenance: 20 },
      { nsn: ITEM.PRC_163, operational: 180 },
      { nsn: ITEM.JLTV, operational: 24, maintenance: 2 },
      { nsn: ITEM.VEST, operational: 1900, reserve: 300 },
      { nsn: ITEM.HELMET, operational: 1900, reserve: 300 },
    ],
    '61st Mechanized Brigade (Karlovo)': [
      { nsn: ITEM.M4A1, operational: 1720, maintenance: 60 },
      { nsn: ITEM.M249, operational: 110 },
      { nsn: ITEM.M240B, operational: 54, maintenance: 5 },
      { nsn: ITEM.M72_LAW, operational: 140, reserve: 380 },
      { nsn: ITEM.PVS_31, operational: 220 },
      { nsn: ITEM.PRC_163, operational: 160, maintenance: 9 },
      { nsn: ITEM.HMMWV, operational: 40, maintenance: 8, natoStandard: false },
      { nsn: ITEM.VEST, operational: 1750 },
      { nsn: ITEM.HELMET, operational: 1750 },
    ],
    '4th Artillery Regiment (Asenovgrad)': [
      { nsn: ITEM.PROJECTILE_155, operational: 1200, reserve: 4200 },
      { nsn: ITEM.PRC_117G, operational: 32 },
      { nsn: ITEM.PUMA, operational: 2 },
      { nsn: ITEM.M4A1, operational: 640 },
    ],
    '68th Special Forces Brigade (Plovdiv)': [
      { nsn: ITEM.M4A1, operational: 520, maintenance: 15 },
      { nsn: ITEM.M110A1, operational: 24 },
      { nsn: ITEM.PVS_31, operational: 360 },
      { nsn: ITEM.PAS_13, operational: 80, maintenance: 4 },
      { nsn: ITEM.PRC_117G, operational: 30 },
      { nsn: ITEM.SWITCHBLADE, operational: 12, reserve: 24 },
    ],
    'Joint Logistics Support Command': [
      { nsn: ITEM.CARTRIDGE_556, operational: 900, reserve: 5200 },
      { nsn: ITEM.CARTRIDGE_762, operational: 260, reserve: 1900 },
      { nsn: ITEM.IFAK, operational: 2200, reserve: 3000 },
      { nsn: ITEM.TOURNIQUET, operational: 4400, reserve: 5000 },
    ],
  },
  requirements: DEMO_REQUIREMENTS.BG,
  budgets: [
    { yearOffset: -1, defenceTotal: '2350000000.00', procurement: '640000000.00' },
    { yearOffset: 0, defenceTotal: '2560000000.00', procurement: '720000000.00' },
    { yearOffset: 1, defenceTotal: '2790000000.00', procurement: '800000000.00' },
  ],
};
