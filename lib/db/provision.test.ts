/**
 * Provisioning a service's own database and user on a real MariaDB: the user
 * reaches its database and nothing else, and a second run changes nothing but
 * bringing the user back to the known password and grants.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeWith, MARIADB } from '../../test/testkit/systemParts';
import { connectMysql, dropDatabaseAccounts, testBackend } from '../../test/testkit/database';
import { memberAccount, provisionDatabase, provisionMemberDatabase, subgraphAccount } from './provision';

describe('database and user names', () => {
  it('follow docker-compose.yml, with an optional prefix', () => {
    expect(memberAccount('XK')).toEqual({ database: 'jpg_country_xk', user: 'xk_ministry' });
    expect(subgraphAccount('procurement')).toEqual({ database: 'jpg_procurement', user: 'procurement' });
    expect(memberAccount('AL', 't1_')).toEqual({ database: 't1_jpg_country_al', user: 't1_al_ministry' });
  });

  it('refuses a bad member code, a prefix that needs quoting and a user name MySQL cannot hold', () => {
    expect(() => memberAccount('xk')).toThrow('Member code "xk" must be two capital letters');
    expect(() => memberAccount('XK', 'a`; DROP')).toThrow('prefix "a`; DROP" may hold only lower-case letters, digits and _');
    expect(() => memberAccount('XK', 'p'.repeat(30))).toThrow(/Database user "p+xk_ministry" is longer than 32 characters/);
  });
});


describeWith(MARIADB, 'provisionMemberDatabase on MariaDB', () => {
  const adminUrl = testBackend().kind === 'mysql' ? (testBackend() as { serverUrl: string }).serverUrl : '';
  const prefix = `t${crypto.randomBytes(3).toString('hex')}_`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jpg-provision-'));
  const credentialsFile = path.join(dir, 'credentials.json');
  const accounts = [memberAccount('XK', prefix), memberAccount('AL', prefix)];

  afterAll(async () => {
    await dropDatabaseAccounts(adminUrl, accounts);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("creates the member's database and user; the user works in its own database and is refused another's", async () => {
    const xkUrl = await provisionMemberDatabase(adminUrl, 'XK', { prefix, credentialsFile });
    const alUrl = await provisionMemberDatabase(adminUrl, 'AL', { prefix, credentialsFile });
    expect(new URL(xkUrl).username).toBe(`${prefix}xk_ministry`);
    expect(new URL(xkUrl).pathname).toBe(`/${prefix}jpg_country_xk`);

    const al = await connectMysql(alUrl);
    await al.query('CREATE TABLE secret (id INT PRIMARY KEY)');
    await al.query('INSERT INTO secret VALUES (1)');
    await al.end();

    const xk = await connectMysql(xkUrl);
    await xk.query('CREATE TABLE mine (id INT PRIMARY KEY)');
    await expect(xk.query(`SELECT * FROM \`${prefix}jpg_country_al\`.secret`)).rejects.toMatchObject({ code: 'ER_TABLEACCESS_DENIED_ERROR' });
    await expect(xk.query(`USE \`${prefix}jpg_country_al\``)).rejects.toMatchObject({ code: 'ER_DBACCESS_DENIED_ERROR' });
    await xk.end();
    await expect(connectMysql(xkUrl.replace(`/${prefix}jpg_country_xk`, `/${prefix}jpg_country_al`))).rejects.toMatchObject({ code: 'ER_DBACCESS_DENIED_ERROR' });
  });

  it('keeps the generated passwords in the credentials file only, readable by its owner alone', () => {
    const saved = JSON.parse(fs.readFileSync(credentialsFile, 'utf8')) as Record<string, string>;
    expect(Object.keys(saved).sort()).toEqual([`${prefix}al_ministry`, `${prefix}xk_ministry`]);
    expect(saved[`${prefix}xk_ministry`]).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(fs.statSync(credentialsFile).mode & 0o777).toBe(0o600);
  });

  it('run again: keeps the data, sets the known password again and takes back any other grant', async () => {
    const first = await provisionMemberDatabase(adminUrl, 'XK', { prefix, credentialsFile });
    const admin = await connectMysql(adminUrl);
    await admin.query('ALTER USER ?@? IDENTIFIED BY ?', [`${prefix}xk_ministry`, '%', 'changed-by-someone']);
    await admin.query(`GRANT SELECT ON \`${prefix}jpg_country_al\`.* TO ?@?`, [`${prefix}xk_ministry`, '%']);
    await admin.end();

    const second = await provisionMemberDatabase(adminUrl, 'XK', { prefix, credentialsFile });
    expect(second).toBe(first);
    const xk = await connectMysql(second);
    const [rows] = await xk.query('SHOW TABLES');
    expect((rows as Record<string, string>[]).map((r) => Object.values(r)[0])).toEqual(['mine']);
    await expect(xk.query(`SELECT * FROM \`${prefix}jpg_country_al\`.secret`)).rejects.toMatchObject({ code: 'ER_TABLEACCESS_DENIED_ERROR' });
    await xk.end();
  });

  it('grants exactly its own database: `_` in the name is not a wildcard', async () => {
    const admin = await connectMysql(adminUrl);
    const [grants] = await admin.query('SHOW GRANTS FOR ?@?', [`${prefix}xk_ministry`, '%']);
    await admin.end();
    const lines = (grants as Record<string, string>[]).map((g) => Object.values(g)[0]);
    expect(lines.filter((l) => !l.startsWith('GRANT USAGE'))).toEqual([`GRANT ALL PRIVILEGES ON \`${prefix.replace(/_/g, '\\_')}jpg\\_country\\_xk\`.* TO \`${prefix}xk_ministry\`@\`%\``]);
  });

  it('takes an explicit password and leaves the credentials file alone', async () => {
    const account = memberAccount('AL', prefix);
    const url = await provisionDatabase(adminUrl, account, { password: 'given-password-1', credentialsFile });
    expect(decodeURIComponent(new URL(url).password)).toBe('given-password-1');
    const saved = JSON.parse(fs.readFileSync(credentialsFile, 'utf8')) as Record<string, string>;
    expect(saved[account.user]).not.toBe('given-password-1');
    await (await connectMysql(url)).end();
  });

  it('refuses an administrator URL that is not MySQL', async () => {
    await expect(provisionMemberDatabase('sqlite:x.sqlite', 'XK')).rejects.toThrow('The administrator URL must be a mysql:// URL');
  });
});
