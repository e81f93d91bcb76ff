import { formatError } from '../graphql/formatError';
import { memoryLogger } from './logger';
import { runInRequest } from './requestContext';

describe('the service logger', () => {
  it('redacts tokens, signatures and secrets wherever an object carries them', () => {
    const { logger, lines } = memoryLogger('info', 'test');
    logger.info(
      {
        authorization: 'Bearer top-level-token',
        req: { headers: { authorization: 'Bearer nested-token', 'x-jpg-signature': 'v1=signature-value', 'x-jpg-nonce': 'nonce-value', cookie: 'session=cookie-value' } },
        config: { secret: 'signing-secret-value', database: { password: 'db-password-value' } },
      },
      'with credentials',
    );
    const [line] = lines;
    for (const value of ['top-level-token', 'nested-token', 'signature-value', 'nonce-value', 'cookie-value', 'signing-secret-value', 'db-password-value']) {
      expect(line).not.toContain(value);
    }
    expect(JSON.parse(line).req.headers.authorization).toBe('[redacted]');
  });

  it('puts the running request id on every line written during the request, and none outside', () => {
    const { logger, entries } = memoryLogger('info', 'test');
    runInRequest({ requestId: 'r-1' }, () => logger.info('inside'));
    logger.info('outside');
    expect(entries.map((e) => [e.msg, e.requestId])).toEqual([
      ['inside', 'r-1'],
      ['outside', undefined],
    ]);
  });

  it("logs an unexpected error to the running request's service log, as one error line with its id (no console output)", () => {
    const { logger, entries } = memoryLogger('info', 'country-XK');
    const answered = runInRequest({ requestId: 'r-2', logger }, () => formatError({ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new Error('database exploded')));
    expect(answered).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ level: 50, name: 'country-XK', requestId: 'r-2', err: { message: 'database exploded' } });
  });
});
