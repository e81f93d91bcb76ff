// The one import of Apollo's internals outside patches/: it proves that the values
// requestKinds.ts names are the ones Apollo's gateway sends (test/architecture/imports.test.ts lists it).
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { RequestKind } from './requestKinds';

describe('RequestKind', () => {
  it("names every kind of request with Apollo's own value", () => {
    expect(RequestKind).toEqual({ ...GraphQLDataSourceRequestKind });
  });
});
