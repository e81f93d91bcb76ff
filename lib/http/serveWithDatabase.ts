/**
 * The life cycle every subgraph service shares: a server started over an open
 * database. If start-up fails the database is closed; stopping the service
 * stops the server first (draining requests), then closes the database.
 */
import type { DataSource } from 'typeorm';
import type { RunningServer } from './subgraphServer';

export async function serveWithDatabase(dataSource: DataSource, start: () => Promise<RunningServer>): Promise<RunningServer> {
  let server: RunningServer;
  try {
    server = await start();
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await dataSource.destroy();
    },
  };
}
