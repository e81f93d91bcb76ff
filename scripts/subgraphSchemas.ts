/**
 * The subgraphs whose SDL is committed under schema/<name>.graphql, each with
 * the function that prints it. Add a subgraph here when it is created.
 */
import { printFederatedSdl } from '../lib/graphql/federatedSchema';
import { buildCountrySchema } from '../services/country/schema';
import { buildProcurementSchema } from '../services/procurement/schema';

export const SUBGRAPH_SCHEMAS: Record<string, () => Promise<string>> = {
  country: async () => printFederatedSdl(await buildCountrySchema()),
  procurement: async () => printFederatedSdl(await buildProcurementSchema()),
};
