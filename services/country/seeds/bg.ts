/** Bulgaria (invited): Ministry of Defence and the Bulgarian Land Forces (figures invented, magnitudes plausible). */
import { Priority, RequirementStatus } from '../types/enums';
import type { MemberDemoData } from './demoData';
import { ITEM } from './items';

const { CRITICAL, HIGH, MEDIUM, LOW } = Priority;
const { DRAFT, SUBMITTED, FULFILLED, WITHDRAWN } = RequirementStatus;

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
  requirements: [
    { nsn: ITEM.PROJECTILE_155, quantity: 10000, priority: CRITICAL, neededBy: '2026-12-31', status: SUBMITTED,
      justification: 'Transition of the 4th Artillery Regiment to NATO 155 mm calibre needs an initial war reserve.' },
    { nsn: ITEM.STINGER_MISSILE, quantity: 40, priority: CRITICAL, neededBy: '2027-06-30', status: DRAFT,
      justification: 'Short-range air defence for the Black Sea coast and Novo Selo training area.' },
    { nsn: ITEM.STINGER_GRIPSTOCK, quantity: 12, priority: HIGH, neededBy: '2027-06-30', status: DRAFT,
      justification: 'Launchers for the requested Stinger missiles.' },
    { nsn: ITEM.JLTV, quantity: 60, priority: HIGH, neededBy: '2027-12-31', status: SUBMITTED,
      justification: 'Replace legacy light vehicles of the 61st Mechanized Brigade.' },
    { nsn: ITEM.JAVELIN_MISSILE, quantity: 80, priority: HIGH, neededBy: '2027-03-31', status: SUBMITTED,
      justification: 'Complete the anti-armour capability of both mechanized brigades.' },
    { nsn: ITEM.PRC_163, quantity: 300, priority: MEDIUM, neededBy: '2027-09-30', status: DRAFT },
    { nsn: ITEM.PVS_31, quantity: 400, priority: MEDIUM, neededBy: '2027-06-30', status: SUBMITTED },
    { nsn: ITEM.HELMET, quantity: 3000, priority: MEDIUM, neededBy: '2025-12-31', status: FULFILLED },
    { nsn: ITEM.IFAK, quantity: 3000, priority: LOW, neededBy: '2025-06-30', status: FULFILLED },
    { nsn: ITEM.M249, quantity: 60, priority: LOW, neededBy: '2026-06-30', status: WITHDRAWN,
      justification: 'Deferred to the national small-arms programme.' },
  ],
  budgets: [
    { year: 2025, defenceTotal: '2350000000.00', procurement: '640000000.00' },
    { year: 2026, defenceTotal: '2560000000.00', procurement: '720000000.00' },
    { year: 2027, defenceTotal: '2790000000.00', procurement: '800000000.00' },
  ],
};
