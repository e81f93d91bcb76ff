import { readMetricsAccess } from './metricsEndpoint';

describe('metrics access from the environment', () => {
  afterEach(() => {
    delete process.env.METRICS_ALLOW;
    delete process.env.METRICS_TOKEN;
  });

  it('defaults to loopback callers and no token', () => {
    expect(readMetricsAccess()).toEqual({ allow: ['loopback'], token: undefined });
  });

  it('takes addresses and CIDR ranges, and refuses a bad entry naming the variable and the entry', () => {
    process.env.METRICS_ALLOW = '10.0.0.0/8, ::1,loopback';
    expect(readMetricsAccess().allow).toEqual(['10.0.0.0/8', '::1', 'loopback']);
    process.env.METRICS_ALLOW = '10.0.0.0/33';
    expect(() => readMetricsAccess()).toThrow('METRICS_ALLOW: "10.0.0.0/33" is not an IP address or CIDR range');
    process.env.METRICS_ALLOW = 'prometheus.internal';
    expect(() => readMetricsAccess()).toThrow('"prometheus.internal"');
  });

  it('refuses a short token', () => {
    process.env.METRICS_TOKEN = 'short';
    expect(() => readMetricsAccess()).toThrow('METRICS_TOKEN must be at least 16 characters');
  });
});
