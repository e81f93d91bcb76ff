/**
 * The members' demo requirements. Each member's country subgraph seeds them
 * into its own database (with these ids, so the key `countryCode id` is
 * known in advance); procurement's demo shares them with procurement and
 * links its demo allocations to them. Need-by dates are offsets in days from
 * the demo day (demoCalendar.ts). Figures invented, magnitudes plausible.
 */
import type { RequirementStatus } from '../graphql/requirementStatus';
import { ITEM } from './items';

export type DemoPriority = 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW';
export type DemoRequirementStatus = `${RequirementStatus}`;

export interface DemoRequirement {
  /** Its id in the member's database (ids are per member). */
  id: number;
  nsn: string;
  quantity: number;
  priority: DemoPriority;
  /** Need-by date, in days from the demo day. */
  neededIn: number;
  status: DemoRequirementStatus;
  justification?: string;
}

/** The ministry's own reference of a demo requirement, as a file number would look. */
export function demoRequirementReference(member: string, id: number): string {
  return `${member}-REQ-${String(id).padStart(3, '0')}`;
}

const KOSOVO: DemoRequirement[] = [
  { id: 1, nsn: ITEM.JAVELIN_MISSILE, quantity: 60, priority: 'CRITICAL', neededIn: -1, status: 'SUBMITTED',
    justification: 'Anti-armour stock of the Rapid Reaction Brigade covers one firing cycle; NATO capability target requires three.' },
  { id: 2, nsn: ITEM.SWITCHBLADE, quantity: 40, priority: 'CRITICAL', neededIn: 75, status: 'SUBMITTED',
    justification: 'No loitering munition capability; identified as a priority gap in the 2025 Strategic Defence Review.' },
  { id: 3, nsn: ITEM.JLTV, quantity: 24, priority: 'HIGH', neededIn: 272, status: 'SUBMITTED',
    justification: 'Replace unarmoured HMMWVs of the infantry regiments.' },
  { id: 4, nsn: ITEM.PRC_163, quantity: 180, priority: 'HIGH', neededIn: 60, status: 'DRAFT',
    justification: 'Secure voice and data down to squad level, interoperable with KFOR.' },
  { id: 5, nsn: ITEM.PVS_31, quantity: 300, priority: 'MEDIUM', neededIn: 181, status: 'DRAFT' },
  { id: 6, nsn: ITEM.PUMA, quantity: 3, priority: 'HIGH', neededIn: 364, status: 'DRAFT',
    justification: 'Battalion-level reconnaissance for both infantry regiments.' },
  { id: 7, nsn: ITEM.HELMET, quantity: 1500, priority: 'MEDIUM', neededIn: -335, status: 'FULFILLED' },
  { id: 8, nsn: ITEM.TOURNIQUET, quantity: 3000, priority: 'LOW', neededIn: -458, status: 'FULFILLED' },
  { id: 9, nsn: ITEM.M110A1, quantity: 24, priority: 'LOW', neededIn: -93, status: 'WITHDRAWN',
    justification: 'Superseded by the marksman rifle programme funded bilaterally.' },
  { id: 10, nsn: ITEM.CARTRIDGE_556, quantity: 800, priority: 'MEDIUM', neededIn: -245, status: 'FULFILLED' },
  { id: 11, nsn: ITEM.JAVELIN_CLU, quantity: 4, priority: 'HIGH', neededIn: 272, status: 'SUBMITTED',
    justification: 'Launch units for the Javelin missiles requested alongside.' },
  { id: 12, nsn: ITEM.IFAK, quantity: 1500, priority: 'MEDIUM', neededIn: 181, status: 'SUBMITTED' },
  { id: 13, nsn: ITEM.TOURNIQUET, quantity: 2000, priority: 'MEDIUM', neededIn: 181, status: 'SUBMITTED' },
];

const ALBANIA: DemoRequirement[] = [
  { id: 1, nsn: ITEM.JAVELIN_MISSILE, quantity: 60, priority: 'CRITICAL', neededIn: 30, status: 'SUBMITTED',
    justification: 'Commando Regiment anti-armour stock below the NATO Force Goal minimum.' },
  { id: 2, nsn: ITEM.STINGER_MISSILE, quantity: 20, priority: 'CRITICAL', neededIn: 181, status: 'SUBMITTED',
    justification: 'No short-range air defence; required to protect Kuçova air base.' },
  { id: 3, nsn: ITEM.STINGER_GRIPSTOCK, quantity: 8, priority: 'CRITICAL', neededIn: 181, status: 'SUBMITTED',
    justification: 'Launchers for the Stinger missiles requested alongside.' },
  { id: 4, nsn: ITEM.JLTV, quantity: 30, priority: 'HIGH', neededIn: 456, status: 'DRAFT',
    justification: 'Protected mobility for the infantry battalions committed to NATO rotations.' },
  { id: 5, nsn: ITEM.PRC_163, quantity: 150, priority: 'HIGH', neededIn: 91, status: 'SUBMITTED',
    justification: 'Replace analogue VHF radios in the 2nd and 3rd Infantry Battalions.' },
  { id: 6, nsn: ITEM.PVS_31, quantity: 200, priority: 'MEDIUM', neededIn: 272, status: 'DRAFT' },
  { id: 7, nsn: ITEM.VEST, quantity: 800, priority: 'MEDIUM', neededIn: -93, status: 'SUBMITTED' },
  { id: 8, nsn: ITEM.HELMET, quantity: 800, priority: 'MEDIUM', neededIn: -93, status: 'SUBMITTED' },
  { id: 9, nsn: ITEM.IFAK, quantity: 2500, priority: 'LOW', neededIn: -366, status: 'FULFILLED' },
  { id: 10, nsn: ITEM.M249, quantity: 30, priority: 'LOW', neededIn: -184, status: 'WITHDRAWN',
    justification: 'Covered by a donation of light machine guns.' },
  { id: 11, nsn: ITEM.CARTRIDGE_556, quantity: 1500, priority: 'MEDIUM', neededIn: -245, status: 'FULFILLED' },
  { id: 12, nsn: ITEM.JAVELIN_CLU, quantity: 12, priority: 'HIGH', neededIn: 272, status: 'SUBMITTED',
    justification: 'Twelve launch units equip the two anti-armour companies of the Commando Regiment.' },
  { id: 13, nsn: ITEM.IFAK, quantity: 3000, priority: 'MEDIUM', neededIn: 181, status: 'SUBMITTED' },
  { id: 14, nsn: ITEM.TOURNIQUET, quantity: 2500, priority: 'MEDIUM', neededIn: 181, status: 'SUBMITTED' },
];

const CROATIA: DemoRequirement[] = [
  { id: 1, nsn: ITEM.PROJECTILE_155, quantity: 12000, priority: 'CRITICAL', neededIn: 91, status: 'SUBMITTED',
    justification: 'Artillery ammunition stock after transfers to Ukraine is below 30 days of combat supply.' },
  { id: 2, nsn: ITEM.STINGER_MISSILE, quantity: 60, priority: 'CRITICAL', neededIn: 272, status: 'SUBMITTED',
    justification: 'Replace missiles expiring this year and cover the new short-range air defence battery.' },
  { id: 3, nsn: ITEM.JLTV, quantity: 46, priority: 'HIGH', neededIn: 364, status: 'SUBMITTED',
    justification: 'Second tranche for the Artillery-Missile Regiment and reconnaissance.' },
  { id: 4, nsn: ITEM.JAVELIN_MISSILE, quantity: 90, priority: 'HIGH', neededIn: 181, status: 'DRAFT',
    justification: 'Training consumption and war reserve for the Guards brigades.' },
  { id: 5, nsn: ITEM.SWITCHBLADE, quantity: 120, priority: 'HIGH', neededIn: 91, status: 'DRAFT',
    justification: 'Extend loitering munitions from Special Forces Command to the Guards brigades.' },
  { id: 6, nsn: ITEM.PRC_163, quantity: 400, priority: 'MEDIUM', neededIn: 456, status: 'DRAFT' },
  { id: 7, nsn: ITEM.PAS_13, quantity: 150, priority: 'MEDIUM', neededIn: 272, status: 'SUBMITTED' },
  { id: 8, nsn: ITEM.VEST, quantity: 2000, priority: 'MEDIUM', neededIn: -274, status: 'FULFILLED' },
  { id: 9, nsn: ITEM.TOURNIQUET, quantity: 5000, priority: 'LOW', neededIn: -366, status: 'FULFILLED' },
  { id: 10, nsn: ITEM.IFAK, quantity: 6000, priority: 'LOW', neededIn: 181, status: 'SUBMITTED' },
  { id: 11, nsn: ITEM.HMMWV, quantity: 20, priority: 'LOW', neededIn: 91, status: 'WITHDRAWN',
    justification: 'Replaced by the JLTV requirement.' },
  { id: 12, nsn: ITEM.CARTRIDGE_556, quantity: 3000, priority: 'MEDIUM', neededIn: -227, status: 'FULFILLED' },
  { id: 13, nsn: ITEM.JAVELIN_CLU, quantity: 12, priority: 'HIGH', neededIn: 272, status: 'SUBMITTED',
    justification: 'Launch units for the anti-armour platoons of the Guards brigades.' },
  { id: 14, nsn: ITEM.PVS_31, quantity: 340, priority: 'MEDIUM', neededIn: -30, status: 'SUBMITTED' },
];

const BULGARIA: DemoRequirement[] = [
  { id: 1, nsn: ITEM.PROJECTILE_155, quantity: 10000, priority: 'CRITICAL', neededIn: 91, status: 'SUBMITTED',
    justification: 'Transition of the 4th Artillery Regiment to NATO 155 mm calibre needs an initial war reserve.' },
  { id: 2, nsn: ITEM.STINGER_MISSILE, quantity: 40, priority: 'CRITICAL', neededIn: 272, status: 'DRAFT',
    justification: 'Short-range air defence for the Black Sea coast and Novo Selo training area.' },
  { id: 3, nsn: ITEM.STINGER_GRIPSTOCK, quantity: 12, priority: 'HIGH', neededIn: 272, status: 'DRAFT',
    justification: 'Launchers for the requested Stinger missiles.' },
  { id: 4, nsn: ITEM.JLTV, quantity: 60, priority: 'HIGH', neededIn: 456, status: 'SUBMITTED',
    justification: 'Replace legacy light vehicles of the 61st Mechanized Brigade.' },
  { id: 5, nsn: ITEM.JAVELIN_MISSILE, quantity: 80, priority: 'HIGH', neededIn: 181, status: 'SUBMITTED',
    justification: 'Complete the anti-armour capability of both mechanized brigades.' },
  { id: 6, nsn: ITEM.PRC_163, quantity: 300, priority: 'MEDIUM', neededIn: 364, status: 'DRAFT' },
  { id: 7, nsn: ITEM.PVS_31, quantity: 400, priority: 'MEDIUM', neededIn: 272, status: 'SUBMITTED' },
  { id: 8, nsn: ITEM.HELMET, quantity: 3000, priority: 'MEDIUM', neededIn: -274, status: 'FULFILLED' },
  { id: 9, nsn: ITEM.IFAK, quantity: 3000, priority: 'LOW', neededIn: -458, status: 'FULFILLED' },
  { id: 10, nsn: ITEM.M249, quantity: 60, priority: 'LOW', neededIn: -93, status: 'WITHDRAWN',
    justification: 'Deferred to the national small-arms programme.' },
];

export const DEMO_REQUIREMENTS: Readonly<Record<string, readonly DemoRequirement[]>> = { XK: KOSOVO, AL: ALBANIA, HR: CROATIA, BG: BULGARIA };
