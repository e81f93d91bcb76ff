/**
 * This graph serves queries and mutations over HTTP; it has no subscriptions
 * (and POST/GET cannot carry their stream). A `subscription` operation is the
 * client's mistake: 400 with SUBSCRIPTIONS_NOT_SUPPORTED, before planning —
 * @apollo/gateway's executor would otherwise throw it as a 500 INVALID_GRAPHQL.
 */
import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

export const SUBSCRIPTIONS_NOT_SUPPORTED = 'SUBSCRIPTIONS_NOT_SUPPORTED';

export const subscriptionsRefused: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== 'subscription') return;
        throw new GraphQLError('This graph has no subscriptions: send a query or a mutation', { extensions: { code: SUBSCRIPTIONS_NOT_SUPPORTED, http: { status: 400 } } });
      },
    };
  },
};
