/**
 * `jpg share <CODE> requirements` as a ministry runs it after `jpg import`: the
 * imported requirements, which went straight into its own database, reach
 * procurement through the real gateway with the ministry's token, and the
 * graph then says they are shared. An unknown reference is a usage error
 * naming --reference; another ministry's token is refused by the graph; in
 * both cases nothing is shared. On MariaDB with TEST_DATABASE_URL, else SQLite.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Federation, startFederation } from '../../test/testkit/federation';
import { runJpg } from './runJpg';

const NEW = `reference,nsn,quantity,priority,neededBy,status,justification
XK-SHARE-001,1005-01-631-5031,25,HIGH,2027-03-31,SUBMITTED,
XK-SHARE-002,1005-01-127-7510,6,MEDIUM,2027-06-30,DRAFT,
`;

describe('jpg share <CODE> requirements', () => {
  let federation: Federation;
  let folder: string;
  let asXK: string[];

  beforeAll(async () => {
    federation = await startFederation({ members: ['XK', 'AL'] });
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-share-'));
    const token = async (role: 'ministry:XK' | 'ministry:AL') => (await federation.authorization([role])).authorization.replace(/^Bearer /, '');
    asXK = ['--database', federation.members.XK.databaseUrl, '--gateway', federation.gatewayOrigin, '--token', await token('ministry:XK')];
    const file = path.join(folder, 'requirements.csv');
    fs.writeFileSync(file, NEW);
    const imported = await runJpg(['import', 'XK', 'requirements', file, '--database', federation.members.XK.databaseUrl, '--operator', 'jane.operator']);
    expect(imported.code).toBe(0);
  }, 240_000);
  afterAll(async () => {
    await federation?.stop();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  const shares = async () =>
    (await federation.procurement.service.dataSource.query("SELECT requirement_id, reference, nsn, quantity, status FROM requirement_share WHERE country_code = 'XK' ORDER BY reference")) as { reference: string }[];
  const sharedOf = async (references: string[]) => {
    const answer = await federation.query(`{ requirements(country: "XK") { reference shared } }`, {}, { as: ['ministry:XK'] });
    return Object.fromEntries((answer.data?.requirements ?? []).filter((r: { reference: string }) => references.includes(r.reference)).map((r: { reference: string; shared: boolean }) => [r.reference, r.shared]));
  };

  it('shares the requirements a ministry imported, through the gateway: procurement keeps them and the graph says they are shared', async () => {
    const references = ['XK-SHARE-001', 'XK-SHARE-002'];
    expect(await sharedOf(references)).toEqual({ 'XK-SHARE-001': false, 'XK-SHARE-002': false });
    const outcome = await runJpg(['share', 'XK', 'requirements', '--reference', ...references, ...asXK]);
    expect(outcome.stderr).not.toMatch(/^jpg: /m);
    expect(outcome).toMatchObject({ code: 0, stdout: `XK: 2 requirements shared with procurement through ${federation.gatewayOrigin}\n` });
    expect(await sharedOf(references)).toEqual({ 'XK-SHARE-001': true, 'XK-SHARE-002': true });
    expect((await shares()).filter((s) => references.includes(s.reference))).toEqual([
      expect.objectContaining({ reference: 'XK-SHARE-001', nsn: '1005-01-631-5031', quantity: 25, status: 'SUBMITTED' }),
      expect.objectContaining({ reference: 'XK-SHARE-002', nsn: '1005-01-127-7510', quantity: 6, status: 'DRAFT' }),
    ]);
  });

  it('shares every requirement of the member without --reference, and says which in JSON', async () => {
    const inDatabase = (await federation.members.XK.service.dataSource.query("SELECT reference FROM requirement WHERE country_code = 'XK' ORDER BY reference")).map((r: { reference: string }) => r.reference);
    const outcome = await runJpg(['share', 'XK', 'requirements', '--format', 'json', ...asXK]);
    expect(outcome.code).toBe(0);
    expect(JSON.parse(outcome.stdout)).toEqual({ member: 'XK', gateway: federation.gatewayOrigin, shared: inDatabase.length, references: inDatabase });
    expect((await shares()).map((s) => s.reference)).toEqual(inDatabase);
  });

  it('exits 2 naming --reference for a reference the member does not have, and shares nothing', async () => {
    const before = await shares();
    const outcome = await runJpg(['share', 'XK', 'requirements', '--reference', 'XK-SHARE-001', 'XK-NOPE-999', ...asXK]);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toBe('jpg: --reference "XK-NOPE-999": XK has no requirement with this reference\n');
    expect(await shares()).toEqual(before);
  });

  it("exits 1 with the graph's refusal when the token is another ministry's, and shares nothing", async () => {
    const before = await shares();
    const alToken = (await federation.authorization(['ministry:AL'])).authorization.replace(/^Bearer /, '');
    const outcome = await runJpg(['share', 'XK', 'requirements', '--database', federation.members.XK.databaseUrl, '--gateway', federation.gatewayOrigin, '--token', alToken]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(/^jpg: procurement refused XK's requirements 1-\d+: Not allowed to share requirements for member XK \[FORBIDDEN\] \(nothing shared\)$/m);
    expect(await shares()).toEqual(before);
  });

  it('exits 2 for a bad member code or kind, before opening anything', async () => {
    expect((await runJpg(['share', 'xk', 'requirements', ...asXK])).code).toBe(2);
    const kind = await runJpg(['share', 'XK', 'holdings', ...asXK]);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain("value 'holdings' is invalid for argument 'kind'");
  });
});
