import { decodeIdentity, encodeIdentity, identityHeaders, IDENTITY_HEADER } from './identityHeaders';
import { ANONYMOUS_READER, identityOf } from './roles';

describe('identity header', () => {
  it('carries subject and roles to the subgraph and back unchanged', () => {
    const identity = identityOf('minister-office-xk', ['ministry:XK', 'analyst']);
    expect(decodeIdentity(encodeIdentity(identity))).toEqual(identity);
  });

  it('keeps the anonymous reader anonymous', () => {
    expect(decodeIdentity(identityHeaders(ANONYMOUS_READER)[IDENTITY_HEADER])).toEqual(ANONYMOUS_READER);
  });

  it('is one base64url value, safe in a header', () => {
    expect(encodeIdentity(identityOf('a "quoted"\nname', ['procurement']))).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('refuses a value the gateway would not have written', () => {
    expect(() => decodeIdentity('%%%')).toThrow(/not base64url JSON|lacks/);
    expect(() => decodeIdentity(Buffer.from('{"roles":["analyst"]}').toString('base64url'))).toThrow('lacks "sub" or "roles"');
  });

  it('grants only known roles even from a signed header', () => {
    const value = Buffer.from(JSON.stringify({ sub: 'x', roles: ['analyst', 'root'] })).toString('base64url');
    expect(decodeIdentity(value).roles).toEqual(['analyst']);
  });
});
