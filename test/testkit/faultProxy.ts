/**
 * A TCP proxy in front of a service, to inject the faults a network gives:
 * `stall` holds every request from now on without an answer (the service
 * looks stopped: connections are accepted, nothing comes back), `resetNext(n)`
 * resets the connections of the next n requests before they reach the
 * service (no answer at all), `forward` passes everything through again.
 * It counts the requests it saw (HTTP request lines), answered or not.
 *
 *   const proxy = await startFaultProxy(service.port);   // or startFaultProxy() and set proxy.targetPort later
 *   config: { url: proxy.url }; proxy.mode = 'stall'; …; proxy.mode = 'forward';
 */
import net from 'node:net';

export interface FaultProxy {
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  port: number;
  /** Where requests are forwarded (127.0.0.1 unless startFaultProxy was told another host). */
  targetPort: number;
  mode: 'forward' | 'stall';
  /** Resets the connection of each of the next `count` requests instead of forwarding it (0: none). */
  resetNext(count: number): void;
  /** Requests seen since the start or the last reset of the count. */
  requests: number;
  stop(): Promise<void>;
}

const REQUEST_LINE = /^(GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH) /;

export async function startFaultProxy(targetPort = 0, targetHost = '127.0.0.1'): Promise<FaultProxy> {
  const sockets = new Set<net.Socket>();
  let resets = 0;
  const proxy: FaultProxy = {
    url: '',
    port: 0,
    targetPort,
    mode: 'forward',
    requests: 0,
    resetNext: (count) => void (resets = count),
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server = net.createServer((client) => {
    sockets.add(client);
    client.once('close', () => sockets.delete(client));
    let upstream: net.Socket | undefined;
    let stalled = false;
    client.on('data', (chunk) => {
      if (REQUEST_LINE.test(chunk.toString('latin1', 0, 8))) {
        proxy.requests++;
        if (resets > 0) {
          resets--;
          client.resetAndDestroy();
          return;
        }
      }
      // Once stalled, a connection stays stalled: what it carries is never answered.
      if (stalled || proxy.mode === 'stall') {
        stalled = true;
        return;
      }
      if (!upstream) {
        upstream = net.connect(proxy.targetPort, targetHost);
        sockets.add(upstream);
        upstream.once('close', () => {
          sockets.delete(upstream!);
          client.destroy();
        });
        upstream.on('error', () => client.destroy());
        upstream.on('data', (answer) => client.write(answer));
      }
      upstream.write(chunk);
    });
    client.on('error', () => upstream?.destroy());
    client.once('close', () => upstream?.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as net.AddressInfo).port;
  proxy.url = `http://127.0.0.1:${proxy.port}/graphql`;
  return proxy;
}
