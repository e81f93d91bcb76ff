/**
 * Short names for the catalogue items the demo data uses, looked up by name in
 * the shared catalogue (catalog.ts), so NSNs are typed once; the demo data of
 * every service uses them.
 */
import { CATALOG } from './catalog';

function nsnOf(namePrefix: string): string {
  const entry = CATALOG.find((item) => item.name.startsWith(namePrefix));
  if (!entry) throw new Error(`Demo data names "${namePrefix}", which is not in the shared catalogue`);
  return entry.nsn;
}

export const ITEM = {
  M4A1: nsnOf('M4A1 Carbine'),
  M249: nsnOf('M249 Squad Automatic Weapon'),
  M240B: nsnOf('M240B Medium Machine Gun'),
  M110A1: nsnOf('M110A1 Squad Designated Marksman Rifle'),
  JAVELIN_MISSILE: nsnOf('FGM-148F Javelin Missile'),
  JAVELIN_CLU: nsnOf('Javelin Lightweight Command Launch Unit'),
  M72_LAW: nsnOf('M72 LAW'),
  STINGER_MISSILE: nsnOf('FIM-92K Stinger Missile'),
  STINGER_GRIPSTOCK: nsnOf('Stinger Gripstock'),
  CARTRIDGE_556: nsnOf('Cartridge 5.56 mm'),
  CARTRIDGE_762: nsnOf('Cartridge 7.62 mm'),
  PROJECTILE_155: nsnOf('Projectile 155 mm'),
  PVS_31: nsnOf('AN/PVS-31A'),
  PAS_13: nsnOf('AN/PAS-13G'),
  PRC_163: nsnOf('AN/PRC-163'),
  PRC_117G: nsnOf('AN/PRC-117G'),
  JLTV: nsnOf('Joint Light Tactical Vehicle'),
  HMMWV: nsnOf('HMMWV M1152A1'),
  VEST: nsnOf('Modular Scalable Vest'),
  HELMET: nsnOf('Integrated Head Protection System'),
  PUMA: nsnOf('RQ-20B Puma'),
  SWITCHBLADE: nsnOf('Switchblade 300'),
  IFAK: nsnOf('Improved First Aid Kit'),
  TOURNIQUET: nsnOf('Combat Application Tourniquet'),
} as const;
