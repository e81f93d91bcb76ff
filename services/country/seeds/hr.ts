/** Croatia: Ministry of Defence (MORH) and the Croatian Army (figures invented, magnitudes plausible). */
import type { MemberDemoData } from './demoData';
import { DEMO_REQUIREMENTS } from '../../../lib/reference/demoRequirements';
import { ITEM } from '../../../lib/reference/items';

export const CROATIA: MemberDemoData = {
  ministry: {
    name: 'Ministry of Defence of the Republic of Croatia',
    minister: 'Ivan Anušić',
    headquarters: 'Trg kralja Petra Krešimira IV. 1, Zagreb',
  },
  formations: {
    'Guards Armoured Mechanised Brigade': [
      { nsn: ITEM.M4A1, operational: 2150, maintenance: 80, reserve: 300 },
      { nsn: ITEM.M249, operational: 160, maintenance: 12 },
      { nsn: ITEM.M240B, operational: 72, maintenance: 6 },
      { nsn: ITEM.JAVELIN_CLU, operational: 24, maintenance: 2 },
      { nsn: ITEM.JAVELIN_MISSILE, operational: 48, reserve: 96 },
      { nsn: ITEM.PAS_13, operational: 120, maintenance: 9 },
      { nsn: ITEM.PVS_31, operational: 340 },
      { nsn: ITEM.PRC_163, operational: 260, maintenance: 14 },
      { nsn: ITEM.PRC_117G, operational: 64 },
      { nsn: ITEM.VEST, operational: 2300, reserve: 250 },
      { nsn: ITEM.HELMET, operational: 2300, reserve: 250 },
    ],
    'Guards Mechanised Brigade': [
      { nsn: ITEM.M4A1, operational: 1980, maintenance: 70 },
      { nsn: ITEM.M249, operational: 150 },
      { nsn: ITEM.M240B, operational: 66, maintenance: 4 },
      { nsn: ITEM.M110A1, operational: 36 },
      { nsn: ITEM.JAVELIN_CLU, operational: 18 },
      { nsn: ITEM.M72_LAW, operational: 180, reserve: 420 },
      { nsn: ITEM.PVS_31, operational: 300, maintenance: 12 },
      { nsn: ITEM.PRC_163, operational: 220 },
      { nsn: ITEM.HMMWV, operational: 64, maintenance: 11 },
      { nsn: ITEM.VEST, operational: 2100 },
      { nsn: ITEM.HELMET, operational: 2100 },
    ],
    'Artillery-Missile Regiment': [
      { nsn: ITEM.PROJECTILE_155, operational: 1800, reserve: 6400 },
      { nsn: ITEM.PRC_117G, operational: 40, maintenance: 2 },
      { nsn: ITEM.JLTV, operational: 16 },
      { nsn: ITEM.PUMA, operational: 3, maintenance: 1 },
      { nsn: ITEM.M4A1, operational: 620 },
    ],
    'Air Defence Regiment': [
      { nsn: ITEM.STINGER_GRIPSTOCK, operational: 18, maintenance: 2 },
      { nsn: ITEM.STINGER_MISSILE, operational: 36, reserve: 54 },
      { nsn: ITEM.PRC_163, operational: 60 },
      { nsn: ITEM.HMMWV, operational: 24, maintenance: 3 },
      { nsn: ITEM.M4A1, operational: 540 },
    ],
    'Special Forces Command': [
      { nsn: ITEM.M4A1, operational: 420, maintenance: 10 },
      { nsn: ITEM.M110A1, operational: 30 },
      { nsn: ITEM.PVS_31, operational: 300 },
      { nsn: ITEM.PAS_13, operational: 60 },
      { nsn: ITEM.SWITCHBLADE, operational: 24, reserve: 36 },
      { nsn: ITEM.IFAK, operational: 450 },
    ],
  },
  requirements: DEMO_REQUIREMENTS.HR,
  budgets: [
    { yearOffset: -1, defenceTotal: '1780000000.00', procurement: '520000000.00' },
    { yearOffset: 0, defenceTotal: '1960000000.00', procurement: '610000000.00' },
    { yearOffset: 1, defenceTotal: '2150000000.00', procurement: '690000000.00' },
  ],
};
